import 'server-only';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { isSameOrigin, problem } from './http';

/**
 * Who may call a route handler. Every handler states it through `route()`; there is no other way
 * to write one here, so a handler cannot forget to check. (Signed-in levels arrive with accounts.)
 */
export type Access = 'public';

type Options<P extends z.ZodType> = {
  access: Access;
  params?: P;
  /** State-changing handlers refuse requests from other sites. */
  sameOrigin?: boolean;
};

type Handler<P extends z.ZodType> = (request: NextRequest, ctx: { params: z.infer<P> }) => Promise<Response> | Response;

export function route<P extends z.ZodType = z.ZodObject<Record<string, never>>>(options: Options<P>, handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      if (options.sameOrigin && !isSameOrigin(request)) return problem(403, 'Cross-site requests are not accepted here.');
      let params: z.infer<P> = {} as z.infer<P>;
      if (options.params) {
        const parsed = options.params.safeParse(await context.params);
        if (!parsed.success) return problem(404, 'There is nothing at this address.');
        params = parsed.data;
      }
      return await handler(request, { params });
    } catch (error) {
      console.error(`[route] ${request.method} ${request.nextUrl.pathname} failed`, error);
      return problem(500, 'Something went wrong on our side. Please try again.');
    }
  };
}
