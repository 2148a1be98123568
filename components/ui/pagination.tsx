import Link from 'next/link';
import type { Messages } from '@/lib/i18n/messages';

type Props = { page: number; pages: number; hrefFor: (page: number) => string; t: Messages };

/** Newer / older links with the position between them: plain links, so it works without JavaScript. */
export function Pagination({ page, pages, hrefFor, t }: Props) {
  if (pages <= 1) return null;
  const linkClass = 'rounded border border-slate-300 px-3 py-1 hover:bg-slate-100';
  return (
    <nav aria-label={t.pagination} className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          ← {t.newer}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t.pageOf(page, pages)}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t.older} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
