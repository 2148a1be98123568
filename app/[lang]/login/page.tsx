import type { Metadata } from 'next';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';

export const revalidate = 3600;

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).logIn };
}

export default async function Page({ params }: { params: LangParams }) {
  const t = messages(await localeFrom(params));
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{t.logIn}</h1>
      <p className="mt-4 text-slate-700">{t.comingSoon}</p>
    </SingleColumn>
  );
}
