import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { changePasswordAction, deleteAccountAction, digestAction, logoutEverywhereAction, renameAction } from './actions';
import { accountSubscription } from '@/db/queries/newsletter';
import { buttonClass, secondaryButtonClass } from '@/components/ui/field';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { ActionForm } from '@/components/ui/action-form';
import { getAccount } from '@/db/queries/users';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { getViewer } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).account, robots: { index: false } };
}

export default async function AccountPage({ params, searchParams }: { params: LangParams; searchParams: Promise<{ changed?: string; digest?: string }> }) {
  const locale = await localeFrom(params);
  const t = messages(locale);
  const viewer = await getViewer();
  const account = viewer ? getAccount(viewer.id) : null;
  if (!viewer || !account) redirect('/login?callbackUrl=%2Faccount');
  const section = 'mt-8 border-t border-slate-200 pt-6';
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{t.account}</h1>
      <p className="mt-2 text-slate-700">
        {account.email} ·{' '}
        <Link href={`/users/${account.id}`} className="underline">
          {account.name}
        </Link>
      </p>
      {(await searchParams).changed === 'password' ? (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.passwordChanged}
        </p>
      ) : null}
      <section aria-labelledby="name-heading" className={section}>
        <h2 id="name-heading" className="text-xl font-semibold">
          {t.changeName}
        </h2>
        <ActionForm action={renameAction} submit={t.saveName} fields={[{ name: 'name', label: t.name, defaultValue: account.name, maxLength: 50, hint: t.nameHint }]} />
      </section>
      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="text-xl font-semibold">
          {t.changePassword}
        </h2>
        <ActionForm
          action={changePasswordAction}
          submit={t.savePassword}
          fields={[
            { name: 'currentPassword', label: t.currentPassword, type: 'password', autoComplete: 'current-password' },
            { name: 'newPassword', label: t.newPassword, type: 'password', autoComplete: 'new-password', hint: t.passwordHint },
          ]}
        />
      </section>
      <section aria-labelledby="digest-heading" className={section}>
        <h2 id="digest-heading" className="text-xl font-semibold">
          {t.accountDigestHeading}
        </h2>
        <DigestToggle on={accountSubscription(account.id) === 'confirmed'} email={account.email} locale={locale} />
      </section>
      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {t.sessions}
        </h2>
        <p className="text-slate-700">{t.logOutEverywhereHint}</p>
        <ActionForm action={logoutEverywhereAction} submit={t.logOutEverywhere} fields={[]} />
      </section>
      <section aria-labelledby="delete-heading" className={section}>
        <h2 id="delete-heading" className="text-xl font-semibold">
          {t.deleteAccount}
        </h2>
        <p className="text-slate-700">{t.deleteAccountHint}</p>
        <ActionForm action={deleteAccountAction} submit={t.deleteForever} danger fields={[{ name: 'confirm', label: t.confirmDelete, autoComplete: 'off' }]} />
      </section>
    </SingleColumn>
  );
}

function DigestToggle({ on, email, locale }: { on: boolean; email: string; locale: 'en' | 'ru' }) {
  const t = messages(locale);
  return (
    <form action={digestAction} className="mt-2">
      <p className="text-slate-700" role="status">
        {on ? t.accountDigestOn(email) : t.accountDigestOff(email)}
      </p>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="digest" value={on ? 'off' : 'on'} />
      <button type="submit" className={`mt-3 ${on ? secondaryButtonClass : buttonClass}`}>
        {on ? t.accountDigestUnsubscribe : t.accountDigestSubscribe}
      </button>
    </form>
  );
}
