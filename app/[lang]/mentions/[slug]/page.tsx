import type { Metadata } from 'next';
import { loadMention, MentionPage } from '@/app/_screens/mention';
import { messages } from '@/lib/i18n/messages';
import { localeFrom } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = messages(await localeFrom(params));
  return { title: t.mentionTitle(loadMention((await params).slug).name) };
}

export default async function Page({ params }: { params: Params }) {
  return <MentionPage slug={(await params).slug} page={1} locale={await localeFrom(params)} />;
}
