import Link from 'next/link';
import { buttonClass, Field } from '@/components/ui/field';
import type { Messages } from '@/lib/i18n/messages';

/** A plain form posting to /api/auth/login: it needs no JavaScript at all. */
export function LoginForm({ t, callbackUrl, error }: { t: Messages; callbackUrl: string; error: string | null }) {
  return (
    <form method="post" action="/api/auth/login" className="mt-6 max-w-md space-y-4" noValidate>
      <p role="alert" aria-live="polite" className="min-h-6 font-medium text-red-800">
        {error}
      </p>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label={t.email} type="email" autoComplete="email" maxLength={254} />
      <Field name="password" label={t.password} type="password" autoComplete="current-password" />
      <button type="submit" className={buttonClass}>
        {t.logIn}
      </button>
      <p className="text-sm">
        {t.noAccount}{' '}
        <Link href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline">
          {t.register}
        </Link>
      </p>
    </form>
  );
}
