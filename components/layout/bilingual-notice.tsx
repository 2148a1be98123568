import { Notice } from './notice';
import { messages } from '@/lib/i18n/messages';

/**
 * not-found.tsx and forbidden.tsx receive no params, so they cannot know the reader's language:
 * the English text is followed by the Russian, and either reader is served.
 */
export function BilingualNotice({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const en = messages('en');
  const ru = messages('ru');
  const [title, text] = kind === 'notFound' ? (['notFoundTitle', 'notFoundText'] as const) : (['forbiddenTitle', 'forbiddenText'] as const);
  return (
    <Notice title={en[title]} backHome={en.backHome}>
      <p className="mt-3 text-slate-700">{en[text]}</p>
      <p lang="ru" className="mt-3 text-slate-700">
        {ru[title]}. {ru[text]}
      </p>
    </Notice>
  );
}
