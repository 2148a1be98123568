/**
 * A signed-in reader without a browser: log in through the real form endpoint (POST /api/auth/login),
 * read the comment form of an article page as the server rendered it for that reader, and post it
 * back as a browser without JavaScript does (multipart/form-data with React's hidden `$ACTION_…`
 * fields, which carry the server action's id). The answer to a good post is a 303 to `…#c<number>`.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { request, type Response } from './http';

/** What a browser sends with a same-site form post (serve.mjs and the route refuse cross-site writes). */
function sameSite(origin: string): Record<string, string> {
  return { origin, 'sec-fetch-site': 'same-origin' };
}

export interface LogIn {
  ok: boolean;
  status: number;
  ms: number;
  /** `authjs.session-token=…`, for a Cookie header. */
  cookie: string | null;
  location: string | null;
}

export async function logIn(origin: string, email: string, password: string, agent?: http.Agent): Promise<LogIn> {
  const body = new URLSearchParams({ email, password, callbackUrl: '/' }).toString();
  const res = await request(`${origin}/api/auth/login`, {
    method: 'POST',
    agent,
    headers: { ...sameSite(origin), 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const setCookie = res.headers['set-cookie'] ?? [];
  const token = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => /^(__Secure-)?authjs\.session-token=/.test(c)) ?? null;
  const location = (res.headers.location as string | undefined) ?? null;
  return { ok: res.status === 303 && token !== null && !location?.includes('error='), status: res.status, ms: res.ms, cookie: token, location };
}

/** Logs in or throws: for measurements that need a session, not for timing log-ins. */
export async function signedIn(origin: string, email: string, password: string, agent?: http.Agent): Promise<string> {
  const res = await logIn(origin, email, password, agent);
  if (!res.ok || !res.cookie) throw new Error(`log-in of ${email} failed: HTTP ${res.status}${res.location ? ` → ${res.location}` : ''}`);
  return res.cookie;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e] ?? _);

export interface CommentForm {
  /** The hidden fields of the top-level comment form, in order (action reference, key, threadId, returnTo). */
  fields: Array<[string, string]>;
  /** The server action's id, from `$ACTION_…:0` (or `$ACTION_ID_…`). */
  actionId: string;
}

/** The new-comment form of an article page (the form with `threadId` and a `body` textarea and no `parentId`). */
export function commentFormOf(html: string): CommentForm | null {
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const inner = match[1] ?? '';
    if (!/<textarea[^>]*\bname="body"/.test(inner) || !/name="threadId"/.test(inner) || /name="parentId"/.test(inner)) continue;
    const fields: Array<[string, string]> = [];
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      if (!/\btype="hidden"/.test(tag)) continue;
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (name === undefined) continue;
      fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '')]);
    }
    let actionId = '';
    for (const [name, value] of fields) {
      if (name.startsWith('$ACTION_ID_')) actionId = name.slice('$ACTION_ID_'.length);
      else if (/^\$ACTION_\d+:0$/.test(name)) actionId = (JSON.parse(value) as { id?: string }).id ?? '';
    }
    if (actionId) return { fields, actionId };
  }
  return null;
}

export async function readCommentForm(origin: string, path: string, cookie: string, agent?: http.Agent): Promise<CommentForm> {
  const res = await request(`${origin}${path}`, { headers: { cookie }, agent, timeoutMs: 60_000 });
  if (res.status !== 200) throw new Error(`GET ${path} signed in: HTTP ${res.status}`);
  const form = commentFormOf(res.body.toString('utf8'));
  if (!form) throw new Error(`GET ${path} signed in: no comment form in the page (is the session valid?)`);
  return form;
}

function multipart(fields: Array<[string, string]>): { body: Buffer; type: string } {
  const boundary = `----bench${crypto.randomBytes(12).toString('hex')}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'), type: `multipart/form-data; boundary=${boundary}` };
}

export interface Posted {
  ok: boolean;
  status: number;
  ms: number;
  /** Epoch ms when the request was sent. */
  sentAt: number;
  /** Why a post was refused: the page's alert text, or the status. */
  refusal?: string;
}

export async function postComment(origin: string, path: string, cookie: string, form: CommentForm, text: string, agent?: http.Agent): Promise<Posted> {
  const { body, type } = multipart([...form.fields, ['body', text]]);
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await request(`${origin}${path}`, { method: 'POST', agent, headers: { ...sameSite(origin), cookie, 'content-type': type }, body, timeoutMs: 60_000 });
  } catch (err) {
    return { ok: false, status: 0, ms: Date.now() - sentAt, sentAt, refusal: err instanceof Error ? err.message : String(err) };
  }
  const location = String(res.headers.location ?? '');
  const ok = res.status === 303 && /#c\d+$/.test(location);
  let refusal: string | undefined;
  if (!ok) {
    // A refused post re-renders the page with the form's message in its alert.
    const alert = /<p[^>]*role="alert"[^>]*>([^<]+)<\/p>/.exec(res.body.toString('utf8'))?.[1];
    refusal = alert ? decode(alert).slice(0, 120) : `HTTP ${res.status}${location ? ` → ${location}` : ''}`;
  }
  return { ok, status: res.status, ms: res.ms, sentAt, refusal };
}

/** A comment text that is never the author's previous one (the server refuses a repeat). */
export function commentText(author: string, n: number): string {
  return `${author}, comment ${n} at ${new Date().toISOString()}: the benchmark posts this through the real comment form.`;
}
