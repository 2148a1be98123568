import type { Metadata } from 'next';
import { LoginScreen, type AuthSearchParams } from '@/app/_screens/auth';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';


export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).loginTitle, robots: { index: false } };
}

export default async function Page({ params, searchParams }: { params: LangParams; searchParams: AuthSearchParams }) {
  return <LoginScreen locale={await localeFrom(params)} viewer={null} searchParams={searchParams} />;
}
