import Link from 'next/link';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { messages } from '@/lib/i18n/messages';

// forbidden.tsx receives no params: English, then Russian.
export default function Forbidden() {
  const en = messages('en');
  const ru = messages('ru');
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{en.forbiddenTitle}</h1>
      <p className="mt-3">{en.forbiddenText}</p>
      <p lang="ru" className="mt-3">
        {ru.forbiddenTitle}. {ru.forbiddenText}
      </p>
      <p className="mt-6">
        <Link href="/" className="underline">
          {en.backHome}
        </Link>
      </p>
    </SingleColumn>
  );
}
