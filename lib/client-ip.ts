import 'server-only';

/**
 * The client's address, for throttling. Our server (scripts/serve.mjs) sets `x-courier-client-ip`
 * from the socket and drops any value a client sent, so it cannot be forged; behind a reverse proxy
 * (TRUST_PROXY=1) it takes the proxy's X-Forwarded-For instead.
 */
export function clientIp(headers: Headers): string {
  return headers.get('x-courier-client-ip') ?? headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';
}
