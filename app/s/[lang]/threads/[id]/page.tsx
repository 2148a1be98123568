import type { Metadata } from 'next';
import { ThreadScreen, threadMetadata } from '@/app/_screens/thread';
import { openFormFrom, type CommentSearchParams } from '@/app/_screens/comments';
import { getViewer } from '@/lib/session';
import { localeFrom } from '@/lib/route-params';

export const dynamic = 'force-dynamic';


type Params = Promise<{ lang: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return threadMetadata((await params).id);
}

export default async function ThreadPage({ params, searchParams }: { params: Params; searchParams: CommentSearchParams }) {
  return <ThreadScreen rawId={(await params).id} locale={await localeFrom(params)} viewer={await getViewer()} open={await openFormFrom(searchParams)} />;
}
