import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { RegisterForm } from '@/components/auth/register-form';
import { SingleColumn } from '@/components/layout/with-sidebar';
import type { ActionState } from '@/lib/action-state';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { safeLocalPath } from '@/lib/safe-redirect';
import type { Viewer } from '@/lib/viewer';

export type AuthSearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

/** Where to send the reader afterwards: the page they came from, never another site. */
async function returnPath(searchParams: AuthSearchParams): Promise<string> {
  const raw = (await searchParams).callbackUrl;
  const explicit = safeLocalPath(Array.isArray(raw) ? raw[0] : raw);
  if (explicit) return explicit;
  const h = await headers();
  const referer = h.get('referer');
  if (referer) {
    try {
      const url = new URL(referer);
      const path = url.host === h.get('host') ? safeLocalPath(url.pathname + url.search) : null;
      if (path && !path.startsWith('/login') && !path.startsWith('/register')) return path;
    } catch {
      // an unreadable Referer just means: go home
    }
  }
  return '/';
}

export async function LoginScreen({ locale, viewer, searchParams }: { locale: Locale; viewer: Viewer | null; searchParams: AuthSearchParams }) {
  const callbackUrl = await returnPath(searchParams);
  if (viewer) redirect(callbackUrl);
  const t = messages(locale);
  const error = (await searchParams).error === 'credentials' ? t.errorCredentials : null;
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{t.loginTitle}</h1>
      <LoginForm t={t} callbackUrl={callbackUrl} error={error} />
    </SingleColumn>
  );
}

type RegisterAction = (previous: ActionState | undefined, form: FormData) => Promise<ActionState>;

export async function RegisterScreen({ locale, viewer, searchParams, action }: { locale: Locale; viewer: Viewer | null; searchParams: AuthSearchParams; action: RegisterAction }) {
  const callbackUrl = await returnPath(searchParams);
  if (viewer) redirect(callbackUrl);
  const t = messages(locale);
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{t.registerTitle}</h1>
      <RegisterForm
        action={action}
        callbackUrl={callbackUrl}
        labels={{ name: t.name, email: t.email, password: t.password, nameHint: t.nameHint, passwordHint: t.passwordHint, register: t.register, haveAccount: t.haveAccount, logIn: t.logIn }}
      />
    </SingleColumn>
  );
}
