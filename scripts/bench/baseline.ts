/**
 * The baseline: a plain node:http server in a child process (its own event loop, as next-server has)
 * answering each article address with that page's bytes from memory (as the warm-up got them), so
 * the mix of sizes is the article rows' mix. What the machine can do at best with Node's HTTP stack
 * and these responses; the pages are compared to it.
 */
import type { ChildProcess } from 'node:child_process';
import { HOST } from './server';
import { killGroup, spawnGroup } from './processes';

// Plain JavaScript for `node -e`: reads [[path, base64 page], …] from stdin, serves each page at its
// path (any other path gets the first page), pre-gzipped when asked.
const serverSource = `
const http = require('node:http');
const zlib = require('node:zlib');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const pages = new Map();
  for (const [path, b64] of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
    const body = Buffer.from(b64, 'base64');
    pages.set(path, { body, gz: zlib.gzipSync(body) });
  }
  const fallback = pages.values().next().value;
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url) || fallback;
    const gzip = /\\bgzip\\b/.test(req.headers['accept-encoding'] || '');
    const bytes = gzip ? page.gz : page.body;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': bytes.length,
      'cache-control': 's-maxage=60, stale-while-revalidate=31535940',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
    });
    res.end(bytes);
  });
  server.keepAliveTimeout = 65000;
  server.listen(0, process.env.BASELINE_HOST, () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
});
`;

export interface Baseline {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startBaseline(pages: Map<string, Buffer>): Promise<Baseline> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(process.execPath, ['-e', serverSource], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, BASELINE_HOST: HOST },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('baseline server did not start within 10 s')), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`baseline server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (!out.includes('\n') || line === undefined) return;
      clearTimeout(timer);
      const { port } = JSON.parse(line) as { port: number };
      resolve({ origin: `http://${HOST}:${port}`, child, stop: () => killGroup(child) });
    });
    child.stdin?.end(JSON.stringify([...pages].map(([path, body]) => [path, body.toString('base64')])));
  });
}

