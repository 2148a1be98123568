import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getCommentDTO } from '@/db/queries/comments';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';
import { getViewer } from '@/lib/session';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** One comment as the viewer may see it: live edits, deletions and hides re-read it here. */
export const GET = route({ access: 'public', params }, async (_request, { params }) => {
  const viewer = await getViewer();
  const comment = getCommentDTO(params.id, viewer?.id ?? null);
  if (!comment) return problem(404, 'There is no such comment.');
  return NextResponse.json({ comment }, { headers: { 'Cache-Control': 'no-store' } });
});
