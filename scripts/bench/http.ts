/** One plain HTTP request, timed to the last byte. No decompression: bytes are what the wire carried. */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const agents = new Set<http.Agent>([agent]);

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending to the last byte. */
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: Buffer | string;
  timeoutMs?: number;
  /** A keep-alive agent of the caller's (one per simulated user); the shared one otherwise. */
  agent?: http.Agent;
}

export function request(url: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', headers = {}, body, timeoutMs = 30_000 } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method,
        agent: options.agent ?? agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function get(url: string, headers: http.OutgoingHttpHeaders = {}, timeoutMs = 30_000): Promise<Response> {
  return request(url, { headers, timeoutMs });
}

/** A keep-alive agent for one simulated user; closed with the others at the end of the run. */
export function userAgent(): http.Agent {
  const a = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.add(a);
  return a;
}

export function closeConnections(): void {
  for (const a of agents) a.destroy();
}
