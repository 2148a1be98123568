import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

/** For load balancers and the test harness: the server is up and its store answers. */
export const GET = route({ access: 'public' }, () => {
  const row = getDb().$client.prepare('SELECT count(*) AS articles FROM articles').get() as { articles: number };
  return NextResponse.json({ ok: true, articles: row.articles }, { headers: { 'Cache-Control': 'no-store' } });
});
