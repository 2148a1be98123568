import type { LogEntry } from '@/lib/moderation/types';
import { formatCommentTime, isoDate } from '@/lib/dates';
import type { Messages } from '@/lib/i18n/messages';

/** The moderation record as a table: in /admin with the moderator, publicly without. */
export function ModerationLogTable({ entries, t, showActor }: { entries: LogEntry[]; t: Messages; showActor: boolean }) {
  return (
    <section aria-labelledby="log-heading" className="mt-10">
      <h2 id="log-heading" className="text-2xl font-semibold">
        {t.logHeading}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-600">{t.noLog}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              {showActor ? <th scope="col">{t.moderator}</th> : null}
              <th scope="col">{t.action}</th>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-200">
                <td>
                  <time dateTime={isoDate(e.createdAt)}>{formatCommentTime(e.createdAt)}</time>
                </td>
                {showActor ? <td>{e.actorName}</td> : null}
                <td>{t.logActions[e.action as keyof Messages['logActions']] ?? e.action}</td>
                <td>{e.targetHref ? <a href={e.targetHref} className="underline">{e.target}</a> : e.target}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

