import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test';

/** The server under test, as playwright.config.ts started it. */
export function baseURL(): string {
  return test.info().project.use.baseURL!;
}

export function origin(): string {
  return new URL(baseURL()).origin;
}

/** A cookie-keeping client of its own (one per actor): nothing is shared with other tests. */
export async function newClient(storageState?: Awaited<ReturnType<APIRequestContext['storageState']>>): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: baseURL(), storageState });
}

/** Headers a browser sends with a same-origin form post. */
export function sameOriginHeaders(): Record<string, string> {
  return { Origin: origin(), 'Sec-Fetch-Site': 'same-origin' };
}

// ---------------------------------------------------------------------------------------------
// Server actions, called as a browser would, in both of the encodings Next accepts.

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** Every server action of the build: id → file and export (Next writes this manifest at build time). */
export function actionManifest(): Map<string, ManifestEntry> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(json.node));
}

export function actionId(filename: string, exportedName: string): string {
  for (const [id, entry] of actionManifest()) if (entry.filename === filename && entry.exportedName === exportedName) return id;
  throw new Error(`no server action ${exportedName} in ${filename} in this build`);
}

export type Fields = Record<string, string | string[]>;

/**
 * `fetch`: what the client router sends (header `Next-Action: <id>`, the arguments encoded by
 * React's encodeReply: the form's fields under `_1_`, then the argument list `0`).
 * `form`: what a browser without JavaScript posts (the hidden `$ACTION_…` inputs of the rendered form).
 */
export type Encoding = 'fetch' | 'form';

/** `state`: `(previous, form) => state` (useActionState forms); `form`: `(form) => void` (plain form actions). */
export type Signature = 'state' | 'form';

export type ActionCall = {
  id: string;
  path: string;
  fields: Fields;
  signature?: Signature;
  encoding?: Encoding;
  headers?: Record<string, string>;
};

export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

export type ActionAnswer = {
  status: number;
  body: string;
  /** The state the action returned (fetch encoding), if it returned one. */
  state: ActionState | null;
  /** Where the action sent the browser (redirect()), if anywhere. */
  redirect: string | null;
};

export function actionBody(call: ActionCall): FormData {
  const fd = new FormData();
  const signature = call.signature ?? 'state';
  const entries = Object.entries(call.fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
  if ((call.encoding ?? 'fetch') === 'fetch') {
    for (const [k, v] of entries) fd.append(`_1_${k}`, v);
    // The root row last: the server resolves `$K1` against the fields already received.
    fd.append('0', JSON.stringify(signature === 'state' ? ['$undefined', '$K1'] : ['$K1']));
    return fd;
  }
  if (signature === 'state') {
    fd.append('$ACTION_REF_1', '');
    fd.append('$ACTION_1:0', JSON.stringify({ id: call.id, bound: '$@1' }));
    fd.append('$ACTION_1:1', JSON.stringify(['$undefined']));
    fd.append('$ACTION_KEY', 'k0000000000000000000000000000000');
  } else {
    fd.append(`$ACTION_ID_${call.id}`, '');
  }
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

export async function callAction(client: APIRequestContext, call: ActionCall): Promise<ActionAnswer> {
  const encoding = call.encoding ?? 'fetch';
  const headers: Record<string, string> = {
    ...sameOriginHeaders(),
    ...(encoding === 'fetch' ? { 'Next-Action': call.id, Accept: 'text/x-component' } : { Accept: 'text/html' }),
    ...call.headers,
  };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  const response = await client.post(call.path, { multipart: actionBody(call), headers, maxRedirects: 0, failOnStatusCode: false });
  return readAnswer(response);
}

async function readAnswer(response: APIResponse): Promise<ActionAnswer> {
  const body = await response.text();
  const h = response.headers();
  const target = h['x-action-redirect']?.split(';')[0] ?? (response.status() === 303 ? (h.location ?? null) : null);
  return { status: response.status(), body, state: flightState(body), redirect: target === null ? null : localPath(target) };
}

/** A redirect target as a path when it is on this site; anything else as it came. */
export function localPath(target: string): string {
  const url = new URL(target, baseURL());
  return url.origin === origin() ? url.pathname + url.search + url.hash : target;
}

/** Every Location header of an answer (Next sends some twice; the values must agree). */
export function locations(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'location')
    .map((h) => h.value);
}

/** The action's return value in an RSC answer: row 0 names the row (`"a":"$@1"`) that holds it. */
export function flightState(body: string): ActionState | null {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const head = rows.get('0');
  if (!head?.startsWith('{')) return null;
  try {
    const ref = (JSON.parse(head) as { a?: string }).a;
    const row = ref?.startsWith('$@') ? rows.get(ref.slice(2)) : undefined;
    if (!row?.startsWith('{')) return null;
    const state = JSON.parse(row) as ActionState;
    return typeof state.ok === 'boolean' ? state : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests from another client address. The server takes the address from the socket (it does not
// trust X-Forwarded-For in the tests), so throttling tests connect from their own loopback address
// (Linux answers on all of 127/8) and never lock out the other specs, which come from 127.0.0.1.

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export function rawRequest(
  address: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<RawAnswer> {
  const url = new URL(baseURL());
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        path: options.path,
        method: options.method ?? 'GET',
        localAddress: address,
        headers: { Host: url.host, ...options.headers, ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}) },
        agent: false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.path}`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POST /api/auth/login from a given address, as the log-in form does. */
export function logInFrom(address: string, email: string, password: string, extraHeaders: Record<string, string> = {}, callbackUrl = '/'): Promise<RawAnswer> {
  return rawRequest(address, {
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOriginHeaders(), ...extraHeaders },
    body: new URLSearchParams({ email, password, callbackUrl }).toString(),
  });
}

/** A loopback address of a test's own: a slot per test, apart per worker and per retry. */
export function loopback(slot: number): string {
  const info = test.info();
  return `127.${1 + info.retry}.${10 + info.parallelIndex}.${slot}`;
}

export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

export function sessionCookieOf(headers: http.IncomingHttpHeaders): string | null {
  for (const line of headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=');
    if (SESSION_COOKIE.test(name!.trim()) && value) return value;
  }
  return null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let markerCount = 0;
/** A string no other test writes: what a case looks for in the database and in pages. */
export function marker(prefix = 'sec'): string {
  markerCount += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${markerCount}`;
}
