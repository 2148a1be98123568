import { HomePage } from '@/app/_screens/home';
import { localeFrom, type LangParams } from '@/lib/route-params';

export const revalidate = 60;

export default async function Home({ params }: { params: LangParams }) {
  return <HomePage locale={await localeFrom(params)} page={1} />;
}
