import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { route } from '@/lib/route';
import { parseSeen, SEEN_COOKIE, serializeSeen, today } from '@/lib/views/seen-cookie';
import { recordView } from '@/lib/views/view-counter';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

// A transparent 1×1 GIF for readers without JavaScript.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function count(request: NextRequest, id: number, response: NextResponse): NextResponse {
  const day = today();
  const seen = parseSeen(request.cookies.get(SEEN_COOKIE)?.value, day);
  if (!seen.includes(id)) {
    recordView(id);
    response.cookies.set(SEEN_COOKIE, serializeSeen(day, [...seen, id]), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/api/views',
      maxAge: 60 * 60 * 26,
    });
  }
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const POST = route({ access: 'public', params, sameOrigin: true }, (request, { params }) =>
  count(request, params.id, new NextResponse(null, { status: 204 })),
);

export const GET = route({ access: 'public', params }, (request, { params }) =>
  count(request, params.id, new NextResponse(PIXEL, { status: 200, headers: { 'Content-Type': 'image/gif' } })),
);
