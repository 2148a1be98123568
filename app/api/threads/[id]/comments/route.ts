import { NextResponse } from 'next/server';
import { z } from 'zod';
import { listCommentsAfter } from '@/db/queries/comments';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';
import { getViewer } from '@/lib/session';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const query = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** New comments of a thread after a number, for the "Show N new comments" button. */
export const GET = route({ access: 'public', params }, async (request, { params }) => {
  const parsed = query.safeParse({ after: request.nextUrl.searchParams.get('after') ?? '0' });
  if (!parsed.success) return problem(400, 'after must be a comment number.');
  const viewer = await getViewer();
  return NextResponse.json({ comments: listCommentsAfter(params.id, parsed.data.after, viewer?.id ?? null) }, { headers: { 'Cache-Control': 'no-store' } });
});
