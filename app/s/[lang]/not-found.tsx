import Link from 'next/link';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { messages } from '@/lib/i18n/messages';

// not-found.tsx receives no params; the English text is followed by the Russian so either reader is served.
export default function NotFound() {
  const en = messages('en');
  const ru = messages('ru');
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{en.notFoundTitle}</h1>
      <p className="mt-3 text-slate-700">{en.notFoundText}</p>
      <p lang="ru" className="mt-3 text-slate-700">
        {ru.notFoundTitle}. {ru.notFoundText}
      </p>
      <p className="mt-6">
        <Link href="/" className="underline">
          {en.backHome}
        </Link>
      </p>
    </SingleColumn>
  );
}
