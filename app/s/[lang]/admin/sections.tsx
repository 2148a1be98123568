import { banAction, roleAction, settingsAction, unbanAction } from './actions';
import { ReasonButton } from '@/components/admin/hide-button';
import { OpButton } from '@/components/admin/op-button';
import type { FormActionFn } from '@/components/comments/types';
import type { AdminUser } from '@/db/queries/moderation';
import type { ModerationSettings } from '@/db/queries/settings';
import { formatCommentTime } from '@/lib/dates';
import type { Messages } from '@/lib/i18n/messages';
import { BulkForm } from '@/components/admin/bulk-form';
import { SettingsFields } from '@/components/admin/settings-fields';

export function BulkBar({ formId, action, t }: { formId: string; action: FormActionFn; t: Messages }) {
  return <BulkForm formId={formId} action={action} labels={{ selected: t.selected, apply: t.apply, hide: t.hide, approve: t.approve, dismiss: t.dismissReports, restore: t.restore, reason: t.reason }} />;
}

export function UsersSection({ users, q, t, viewerId, isAdmin }: { users: AdminUser[]; q: string; t: Messages; viewerId: number; isAdmin: boolean }) {
  return (
    <section aria-labelledby="users-heading" className="mt-10">
      <h2 id="users-heading" className="text-2xl font-semibold">
        {t.usersHeading}
      </h2>
      <form method="get" role="search" className="mt-2 flex gap-2">
        <label htmlFor="user-search" className="sr-only">
          {t.searchUsers}
        </label>
        <input id="user-search" type="search" name="q" defaultValue={q} placeholder={t.searchUsers} aria-label={t.searchUsers} className="rounded border border-slate-400 px-2 py-1" />
        <button type="submit" className="rounded border border-slate-400 px-3 py-1">
          {t.search}
        </button>
      </form>
      <ul className="mt-3 divide-y divide-slate-200">
        {users.map((u) => {
          const banned = u.banned;
          return (
            <li key={u.id} className="py-3" aria-label={u.name}>
              <p>
                <a href={`/users/${u.id}`} className="font-semibold underline">
                  {u.name}
                </a>{' '}
                <span className="text-sm text-slate-600">
                  {u.email} · {t.roles[u.role]} · {t.authorHistory(u.comments, u.reportsAgainst, 0)} ·{' '}
                  <a href={`?user=${u.id}#recent-heading`} className="underline">
                    {t.userComments}
                  </a>
                </span>
              </p>
              {banned ? (
                <p className="text-sm text-red-800">
                  {u.bannedUntil! > 8e15 ? t.bannedForever : `${t.bannedUntil} ${formatCommentTime(u.bannedUntil!)}`}
                  {u.banReason ? ` — ${u.banReason}` : ''}
                </p>
              ) : null}
              {u.id !== viewerId ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  {banned ? (
                    <OpButton action={unbanAction} fields={{ userId: u.id }} label={t.unban} />
                  ) : u.role === 'user' || (isAdmin && u.role === 'moderator') ? (
                    <ReasonButton
                      action={banAction}
                      fields={{ userId: u.id }}
                      label={t.ban}
                      reasonLabel={t.reason}
                      extra={
                        <span className="flex flex-col">
                          <label htmlFor={`days-${u.id}`} className="text-sm font-medium">
                            {t.banDuration}
                          </label>
                          <select id={`days-${u.id}`} name="days" defaultValue="7" className="rounded border border-slate-400 px-2 py-1">
                            {(['1', '7', '30', '365', 'forever'] as const).map((d) => (
                              <option key={d} value={d}>
                                {t.banDurations[d]}
                              </option>
                            ))}
                          </select>
                        </span>
                      }
                    />
                  ) : null}
                  {isAdmin && u.role === 'user' ? <OpButton action={roleAction} fields={{ userId: u.id, moderator: '1' }} label={t.makeModerator} /> : null}
                  {isAdmin && u.role === 'moderator' ? <OpButton action={roleAction} fields={{ userId: u.id, moderator: '0' }} label={t.removeModerator} /> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function SettingsForm({ settings, t }: { settings: ModerationSettings; t: Messages }) {
  return (
    <section aria-labelledby="settings-heading" className="mt-10">
      <h2 id="settings-heading" className="text-2xl font-semibold">
        {t.settingsHeading}
      </h2>
      <SettingsFields
        action={settingsAction}
        settings={settings}
        labels={{ premoderation: t.premoderation, off: t.premodOff, all: t.premodAll, newUsers: t.premodNew, firstN: t.firstN, bannedWords: t.bannedWords, suspectWords: t.suspectWords, hint: t.wordsHint, save: t.saveSettings }}
      />
    </section>
  );
}

