import { notFound, permanentRedirect } from 'next/navigation';
import { MentionPage } from '@/app/_screens/mention';
import { localeFrom, parsePageNumber } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export default async function Page({ params }: { params: Promise<{ lang: string; slug: string; n: string }> }) {
  const locale = await localeFrom(params);
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(`/mentions/${slug}`);
  return <MentionPage slug={slug} page={page} locale={locale} />;
}
