import Link from 'next/link';
import type { Messages } from '@/lib/i18n/messages';
import type { Viewer } from '@/lib/viewer';

/** What an anonymous reader sees where the comment form will be. */
export function CommentsSection({ t, returnTo, viewer }: { t: Messages; returnTo: string; viewer: Viewer | null }) {
  const back = `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <section aria-labelledby="comments-heading" className="mt-10 border-t border-slate-200 pt-6">
      <h2 id="comments-heading" className="text-xl font-semibold">
        {t.comments}
      </h2>
      {viewer ? (
        <p className="mt-3 text-slate-700">{t.commentFormSoon}</p>
      ) : (
      <p className="mt-3 text-slate-700">
        {t.commentPromptBefore}{' '}
        <Link href={`/register${back}`} className="underline">
          {t.register}
        </Link>{' '}
        {t.commentPromptAnd}{' '}
        <Link href={`/login${back}`} className="underline">
          {t.logIn}
        </Link>
      </p>
      )}
    </section>
  );
}
