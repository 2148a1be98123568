import type { Metadata } from 'next';
import { ProfileScreen, profileMetadata } from '@/app/_screens/profile';
import { localeFrom } from '@/lib/route-params';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return profileMetadata((await params).id, await localeFrom(params));
}

export default async function ProfilePage({ params }: { params: Params }) {
  return <ProfileScreen rawId={(await params).id} locale={await localeFrom(params)} />;
}
