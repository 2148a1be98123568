import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ThreadScreen, threadMetadata } from '@/app/_screens/thread';
import { localeFrom, parsePageNumber } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string; n: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, n } = await params;
  return threadMetadata(id, parsePageNumber(n) ?? 1);
}

export default async function ThreadCommentsPage({ params }: { params: Params }) {
  const { id, n } = await params;
  const page = parsePageNumber(n);
  if (page === null) notFound();
  return <ThreadScreen rawId={id} locale={await localeFrom(params)} viewer={null} page={page} />;
}
