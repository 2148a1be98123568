import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve.mjs compresses, after it has added each page's Content-Security-Policy.
  compress: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // The page cache lives in memory with the process: the SQLite file is the only source of
    // truth, so a restart (or a test run on a fresh database) never serves pages of another store.
    isrFlushToDisk: false,
    // Comments are at most 5 000 characters: anything near this size is refused with 413.
    serverActions: { bodySizeLimit: '64kb' },
    // forbidden(): the admin pages answer signed-in non-moderators with a real 403 page.
    authInterrupts: true,
    // app/global-not-found.tsx: one 404 document for both page trees (see lib/server/not-found-document.mjs).
    globalNotFound: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
