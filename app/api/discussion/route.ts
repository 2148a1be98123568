import { NextResponse } from 'next/server';
import { discussionItems } from '@/lib/page-data';
import { route } from '@/lib/route';

// The sidebar's Update button asks here: always the current list, never a cached page.
export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, () =>
  NextResponse.json({ items: discussionItems() }, { headers: { 'Cache-Control': 'no-store' } }),
);
