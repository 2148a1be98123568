import type { Metadata } from 'next';
import { ArticleScreen, articleMetadata } from '@/app/_screens/article';
import { localeFrom } from '@/lib/route-params';

// Counters (views) refresh at most this often; everything else changes through revalidation.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return articleMetadata((await params).id);
}

export default async function ArticlePage({ params }: { params: Params }) {
  return <ArticleScreen rawId={(await params).id} locale={await localeFrom(params)} viewer={null} />;
}
