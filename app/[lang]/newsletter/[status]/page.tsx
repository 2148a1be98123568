import type { Metadata } from 'next';
import { NewsletterStatusScreen, newsletterWords, parseNewsletterStatus } from '@/app/_screens/newsletter';
import { localeFrom } from '@/lib/route-params';

// The same few words for everyone: cached like every anonymous page.
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; status: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const status = parseNewsletterStatus((await params).status);
  return { title: newsletterWords(status, await localeFrom(params)).title, robots: { index: false } };
}

export default async function NewsletterStatusPage({ params }: { params: Params }) {
  return <NewsletterStatusScreen status={parseNewsletterStatus((await params).status)} locale={await localeFrom(params)} />;
}
