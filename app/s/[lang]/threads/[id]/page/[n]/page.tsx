import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ThreadScreen, threadMetadata } from '@/app/_screens/thread';
import { openFormFrom, type CommentSearchParams } from '@/app/_screens/comments';
import { getViewer } from '@/lib/session';
import { localeFrom, parsePageNumber } from '@/lib/route-params';

export const dynamic = 'force-dynamic';


type Params = Promise<{ lang: string; id: string; n: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, n } = await params;
  return threadMetadata(id, parsePageNumber(n) ?? 1);
}

export default async function ThreadCommentsPage({ params, searchParams }: { params: Params; searchParams: CommentSearchParams }) {
  const { id, n } = await params;
  const page = parsePageNumber(n);
  if (page === null) notFound();
  return <ThreadScreen rawId={id} locale={await localeFrom(params)} viewer={await getViewer()} open={await openFormFrom(searchParams)} page={page} />;
}
