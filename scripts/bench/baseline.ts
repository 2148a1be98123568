/**
 * The baseline: a plain node:http server in a child process (its own event loop, as next-server has)
 * answering every request with the same bytes from memory. What the machine can do at best with
 * Node's HTTP stack and these response sizes; the pages are compared to it.
 */
import type { ChildProcess } from 'node:child_process';
import { HOST } from './server';
import { killGroup, spawnGroup } from './processes';

// Plain JavaScript for `node -e`: reads the page from stdin, serves it (pre-gzipped when asked).
const serverSource = `
const http = require('node:http');
const zlib = require('node:zlib');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks);
  const gz = zlib.gzipSync(body);
  const server = http.createServer((req, res) => {
    const gzip = /\\bgzip\\b/.test(req.headers['accept-encoding'] || '');
    const bytes = gzip ? gz : body;
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

export function startBaseline(body: Buffer): Promise<Baseline> {
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
    child.stdin?.end(body);
  });
}

