import type { Metadata } from 'next';
import { ThreadScreen, threadMetadata } from '@/app/_screens/thread';
import { localeFrom } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return threadMetadata((await params).id);
}

export default async function ThreadPage({ params }: { params: Params }) {
  return <ThreadScreen rawId={(await params).id} locale={await localeFrom(params)} viewer={null} />;
}
