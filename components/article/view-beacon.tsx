'use client';

import { useEffect } from 'react';

/**
 * Counts a view without touching the page's render: the page stays a cached static document and
 * the count arrives as a separate tiny request (a pixel for readers without JavaScript).
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    void fetch(`/api/views/${articleId}`, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => {});
  }, [articleId]);
  return (
    <noscript>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/api/views/${articleId}`} alt="" width={1} height={1} className="absolute h-px w-px opacity-0" />
    </noscript>
  );
}
