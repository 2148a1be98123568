import type { Messages } from '@/lib/i18n/messages';

type Props = { views: number; commentCount: number; rating: number; t: Messages; className?: string };

/** Views, comments and rating as the portal shows them: a term and its number each. */
export function Counters({ views, commentCount, rating, t, className = '' }: Props) {
  const items: Array<[string, string]> = [
    [t.views, String(views)],
    [t.comments, String(commentCount)],
    [t.rating, rating > 0 ? `+${rating}` : String(rating)],
  ];
  return (
    <dl className={`flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 ${className}`}>
      {items.map(([term, value]) => (
        <div key={term} className="flex gap-1">
          <dt>{term}</dt>
          <dd className="font-semibold text-slate-800 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
