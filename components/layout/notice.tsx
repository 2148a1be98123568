import Link from 'next/link';
import { SingleColumn } from './with-sidebar';

/** A page that only says what happened (not found, forbidden, a newsletter link's outcome) and links home. */
export function Notice({ title, backHome, children }: { title: string; backHome: string; children: React.ReactNode }) {
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
      <p className="mt-8">
        <Link href="/" className="underline">
          {backHome}
        </Link>
      </p>
    </SingleColumn>
  );
}
