import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startSmtpSink, type Received } from '../../tests/support/smtp-sink';
import { registerSearchFunctions } from '../../lib/search/stem';
import { baseURL, marker } from './support/http';
import { expectInert, scriptingAttributes } from './support/inert';

// Stored XSS by e-mail: a foreign-press capture imported with `npm run db:seed` carries hostile
// markup in its title and summary, readers make its thread the most discussed, and the daily digest
// (`npm run newsletter:send`) must carry all of it as escaped text.
//
// It works on a COPY of the e2e store (better-sqlite3's backup) and with an SMTP sink of its own
// (E2E_PORT+2): a digest sent on the shared store would count as today's digest and reach the
// subscribers of e2e/newsletter.spec.ts, which runs at the same time, counts today's digests and
// listens at E2E_PORT+1. The copy is this spec's alone, so it may rearrange subscribers and leases.

const run = promisify(execFile);
const smtpPort = Number(process.env.E2E_PORT ?? 3100) + 2;

/** How lib/newsletter/compose.ts escapes text and attribute values (the escape-html package). */
const escapeMail = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** An npm script, as an operator runs it, against the copy. tsx starts slowly on a busy machine. */
async function npmRun(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', script, '--', ...args], { env: { ...process.env, ...env }, timeout: 90_000 });
  return stdout;
}

/** db/seed/000_*.txt with its title line and its lead (outlet, headline and summary) replaced. */
function hostileCapture(title: string, lead: string): string {
  const dir = path.join(process.cwd(), 'db', 'seed');
  const seed = fs.readdirSync(dir).find((n) => /^000_.*\.txt$/.test(n));
  if (!seed) throw new Error('no db/seed/000_*.txt to start from');
  const lines = fs.readFileSync(path.join(dir, seed), 'utf8').split('\n');
  const nextText = (from: number) => lines.findIndex((l, i) => i > from && l.trim() !== '');
  const titleAt = nextText(lines.findIndex((l) => l.trim() === 'Войти'));
  const leadAt = nextText(lines.findIndex((l) => l.startsWith('Image source:')));
  expect(lines[titleAt], 'the seed capture as expected: its title').toMatch(/^Kiev is seriously concerned/);
  expect(lines[leadAt], 'the seed capture as expected: its lead').toMatch(/^Advance: /);
  lines[titleAt] = title;
  lines[leadAt] = lead;
  return lines.join('\n');
}

test('the daily digest e-mail carries hostile capture titles and summaries as inert text', async () => {
  test.setTimeout(240_000);
  const m = marker('digest');
  const PAYLOADS = [`<script>alert("${m}")</script>`, `"><img src=x onerror=alert(1)>${m}`, `</title><svg onload=alert(2)>`, `<a href="javascript:alert(3)">${m}</a>`];
  const TITLE = `Hostile ${m} ${PAYLOADS.join(' ')} & 'quoted'`;
  // Starts with "<", so no "Outlet: " prefix is split off: the whole lead is the summary.
  const SUMMARY = `${[...PAYLOADS].reverse().join(' ')} summary ${m} & more`;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-digest-xss-'));
  const copy = path.join(dir, 'courier.db');
  const smtp = await startSmtpSink({ port: smtpPort });
  try {
    // 1. A copy of the shared store, taken consistently while the server writes to it.
    const source = new Database(process.env.E2E_DATABASE_FILE!, { fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }

    // 2. The hostile capture, imported into the copy as an operator imports one.
    const file = path.join(dir, `${m}.txt`);
    fs.writeFileSync(file, hostileCapture(TITLE, SUMMARY));
    const imported = await npmRun('db:seed', [file, '--captured-at', new Date().toISOString()], { DATABASE_FILE: copy });
    expect(imported).toContain('imported 1, updated 0, unchanged 0, failed 0');

    const db = new Database(copy);
    db.pragma('busy_timeout = 5000');
    registerSearchFunctions(db);
    let email: string;
    let commentCount: number;
    try {
      const article = db.prepare('SELECT a.id, a.title, a.summary, t.id AS threadId FROM articles a JOIN threads t ON t.article_id = a.id WHERE a.source_key = ?').get(`${m}.txt`) as
        | { id: number; title: string; summary: string | null; threadId: number }
        | undefined;
      expect(article, 'the capture was imported').toBeTruthy();
      expect(article!.title, 'the title is stored as typed').toBe(TITLE);
      expect(article!.summary, 'the summary is stored as typed').toBe(SUMMARY);

      // 3. Readers discuss it: more visible comments today than any other thread, so it leads "Most discussed".
      const now = Date.now();
      const busiest = db
        .prepare(`SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM comments WHERE status = 'visible' AND created_at > ? GROUP BY thread_id)`)
        .pluck()
        .get(now - 24 * 3600_000) as number;
      commentCount = Math.max(3, busiest + 1);
      const reader = Number(
        db
          .prepare(`INSERT INTO users (email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, 'not a hash: this account never signs in', 'user', ?, ?)`)
          .run(`${m}-reader@example.test`, `Reader ${m}`, now, now).lastInsertRowid,
      );
      const insert = db.prepare(`INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, status, created_at) VALUES (?, ?, NULL, 0, 0, ?, ?, 'visible', ?)`);
      db.transaction(() => {
        for (let i = 0; i < commentCount; i++) {
          const number = db.prepare('SELECT next_number FROM threads WHERE id = ?').pluck().get(article!.threadId) as number;
          const id = insert.run(article!.threadId, number, reader, `Comment ${i + 1} on ${m}`, now).lastInsertRowid;
          db.prepare('UPDATE comments SET root_id = id WHERE id = ?').run(id);
          db.prepare('UPDATE threads SET next_number = next_number + 1 WHERE id = ?').run(article!.threadId);
        }
      }).immediate();

      // One confirmed subscriber (status 'confirmed' is what gets the digest), and only this one:
      // the other specs' subscribers in the copy are set aside; a lease left by a send running
      // on the shared store at the moment of the copy is released.
      email = `${m}@example.test`;
      db.prepare(`UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE status = 'confirmed'`).run(now);
      db.prepare(`INSERT INTO subscribers (email, status, locale, created_at, confirmed_at) VALUES (?, 'confirmed', 'en', ?, ?)`).run(email, now, now);
      db.prepare('UPDATE digests SET lease_until = NULL').run();
    } finally {
      db.close();
    }

    // 4. The day's digest, sent for real to the sink.
    const sent = await npmRun('newsletter:send', [], { DATABASE_FILE: copy, SMTP_URL: smtp.url, SITE_URL: baseURL() });
    expect(sent).toMatch(/digest \d{4}-\d{2}-\d{2}: sent 1, failed 0/);
    const received: Received = await smtp.waitFor((r) => r.to.includes(email) && /Courier daily news/.test(r.mail.subject ?? ''), 30_000);
    expect(received.to, 'the envelope names the subscriber alone').toEqual([email]);
    const html = received.mail.html;
    expect(typeof html, 'the digest has an HTML part').toBe('string');
    if (typeof html !== 'string') return;

    // 5. The HTML: no raw payload, no script element, no handler, no javascript: URL; the text escaped.
    const label = 'digest e-mail (HTML)';
    expectInert(html, m, PAYLOADS, { label, shown: [TITLE, SUMMARY], escape: escapeMail });
    expect(html.match(/<script\b/gi) ?? [], `${label}: script elements`).toEqual([]);
    expect(scriptingAttributes(html, null), `${label}: any event handler or javascript: URL`).toEqual([]);
    // Belt and braces for tags the attribute parser above might not split as a browser would (`<svg/onload=…>`).
    expect(html.match(/<[a-z][^>]*[\s/"']on[a-z]+\s*=/gi) ?? [], `${label}: tags with a handler`).toEqual([]);
    expect(html.match(/\b(href|src)\s*=\s*["']?\s*javascript:/gi) ?? [], `${label}: javascript: URLs`).toEqual([]);
    expect(html).toContain(`&lt;script&gt;alert(&quot;${m}&quot;)&lt;/script&gt;`);
    // Under its article and again under "Most discussed today", with its count.
    expect(html).toContain(`${escapeMail(TITLE)}</a></h2>`);
    expect(html).toContain(`${escapeMail(TITLE)}</a> (${commentCount} comments)`);

    // The plain-text part carries the text exactly as captured.
    const text = received.mail.text ?? '';
    expect(text).toContain(TITLE);
    expect(text).toContain(SUMMARY);
    expect(text).toContain(`${TITLE} (${commentCount} comments)`);

    // The headers: one Subject, the fixed one, nothing of the capture and no line of its own.
    const subject = received.mail.subject ?? '';
    expect(subject).toMatch(/^Courier daily news, \d{1,2} \p{L}+ \d{4}$/u);
    expect(subject).not.toMatch(/[\r\n]/);
    const head = received.raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    expect(head.match(/^subject:/gim) ?? [], 'exactly one Subject header').toHaveLength(1);
    for (const part of ['Hostile', '<script', 'onerror', 'onload', 'javascript:']) expect(head, `${part} in the headers`).not.toContain(part);
    expect(head, 'no added recipients').not.toMatch(/^(bcc|cc):/im);
  } finally {
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
