// The production server: Next's request handler behind a plain node:http server, so that the
// client's address comes from the socket (x-courier-client-ip) and cannot be forged by a header.
// Set TRUST_PROXY=1 when a reverse proxy in front sets X-Forwarded-For.
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === '1';

const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  req.headers['x-courier-client-ip'] = forwarded || req.socket.remoteAddress || 'unknown';
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[courier] ready on http://localhost:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
