/** One plain HTTP request, timed to the last byte. No decompression: bytes are what the wire carried. */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending to the last byte. */
  ms: number;
}

export function get(url: string, headers: http.OutgoingHttpHeaders = {}, timeoutMs = 30_000): Promise<Response> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
