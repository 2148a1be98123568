import { BilingualNotice } from '@/components/layout/bilingual-notice';

export default function Forbidden() {
  return <BilingualNotice kind="forbidden" />;
}
