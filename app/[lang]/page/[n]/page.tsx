import { notFound, permanentRedirect } from 'next/navigation';
import { HomePage } from '@/app/_screens/home';
import { localeFrom, parsePageNumber } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export default async function HomeArchivePage({ params }: { params: Promise<{ lang: string; n: string }> }) {
  const locale = await localeFrom(params);
  const page = parsePageNumber((await params).n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect('/');
  return <HomePage locale={locale} page={page} />;
}
