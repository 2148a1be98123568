import type { Metadata } from 'next';
import { ModerationLogTable } from '@/components/admin/log-table';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { moderationLog } from '@/db/queries/moderation';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';

export const revalidate = 30;

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).publicLogTitle };
}

/** The public record: what was done, to what, and why; never who reported or anyone's e-mail. */
export default async function PublicModerationLog({ params }: { params: LangParams }) {
  const t = messages(await localeFrom(params));
  const log = moderationLog(1, true, 100);
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{t.publicLogTitle}</h1>
      <p className="mt-2 text-slate-700">{t.publicLogIntro}</p>
      <ModerationLogTable entries={log.items} t={t} showActor={false} />
    </SingleColumn>
  );
}
