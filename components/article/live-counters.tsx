'use client';

import { useState } from 'react';
import { useLive } from '@/components/live/use-live';

type Props = { articleId: number; views: number; commentCount: number; rating: number; labels: { views: string; comments: string; rating: string }; className?: string };

/** The article's counters, following the live stream (comments and rating change while you read). */
export function LiveCounters({ articleId, views, commentCount, rating, labels, className = '' }: Props) {
  const [counts, setCounts] = useState({ commentCount, rating });
  useLive((event) => {
    if (event.type === 'counters' && event.articleId === articleId) setCounts({ commentCount: event.commentCount, rating: event.rating });
  });
  const items: Array<[string, string]> = [
    [labels.views, String(views)],
    [labels.comments, String(counts.commentCount)],
    [labels.rating, counts.rating > 0 ? `+${counts.rating}` : String(counts.rating)],
  ];
  return (
    <dl className={`flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 ${className}`}>
      {items.map(([term, value]) => (
        <div key={term} className="flex gap-1">
          <dt>{term}</dt>
          <dd className="font-semibold tabular-nums text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
