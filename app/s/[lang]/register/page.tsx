import type { Metadata } from 'next';
import { RegisterScreen, type AuthSearchParams } from '@/app/_screens/auth';
import { registerAction } from '@/app/[lang]/register/actions';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { getViewer } from '@/lib/session';


export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).registerTitle, robots: { index: false } };
}

export default async function Page({ params, searchParams }: { params: LangParams; searchParams: AuthSearchParams }) {
  return <RegisterScreen locale={await localeFrom(params)} viewer={await getViewer()} searchParams={searchParams} action={registerAction} />;
}
