import type { Metadata } from 'next';
import { ArticleScreen, articleMetadata } from '@/app/_screens/article';
import { openFormFrom, type CommentSearchParams } from '@/app/_screens/comments';
import { localeFrom } from '@/lib/route-params';
import { getViewer } from '@/lib/session';

export const dynamic = 'force-dynamic';

type Params = Promise<{ lang: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return articleMetadata((await params).id);
}

export default async function SignedInArticlePage({ params, searchParams }: { params: Params; searchParams: CommentSearchParams }) {
  return <ArticleScreen rawId={(await params).id} locale={await localeFrom(params)} viewer={await getViewer()} open={await openFormFrom(searchParams)} />;
}
