import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileScreen, profileMetadata } from '@/app/_screens/profile';
import { localeFrom, parsePageNumber } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string; n: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return profileMetadata((await params).id, await localeFrom(params));
}

export default async function ProfileCommentsPage({ params }: { params: Params }) {
  const { id, n } = await params;
  const page = parsePageNumber(n);
  if (page === null) notFound();
  return <ProfileScreen rawId={id} locale={await localeFrom(params)} page={page} />;
}
