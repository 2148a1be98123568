import { BilingualNotice } from '@/components/layout/bilingual-notice';

export default function NotFound() {
  return <BilingualNotice kind="notFound" />;
}
