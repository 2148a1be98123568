import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, (request: NextRequest) => handlers.GET(request));

// Passwords are only ever checked through /api/auth/login, which throttles first; Auth.js's own
// credentials callback is closed so it cannot be used to guess around the throttle.
export const POST = route({ access: 'public', sameOrigin: true }, (request: NextRequest) =>
  request.nextUrl.pathname.includes('/callback/') ? problem(404, 'There is nothing at this address.') : handlers.POST(request),
);
