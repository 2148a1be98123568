import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/open';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-concurrency-'));
const file = path.join(dir, 'store.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('posting from many processes at once', () => {
  it('numbers 200 comments by 20 users 1..200 without gaps or repeats, and the counters equal the rows', async () => {
    const db = openDb(file);
    const now = Date.now();
    const article = db.$client
      .prepare(`INSERT INTO articles (slug, lang, title, body, source_key, source_hash, published_at, updated_at) VALUES ('a', 'en', 'A', '[]', 'k', 'h', ?, ?)`)
      .run(now, now).lastInsertRowid;
    const thread = Number(db.$client.prepare('INSERT INTO threads (article_id, title) VALUES (?, ?)').run(article, 'A').lastInsertRowid);
    const users = Array.from({ length: 20 }, (_, i) =>
      Number(db.$client.prepare(`INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (?, ?, '!', ?, ?)`).run(`u${i}@t.test`, `U${i}`, now, now).lastInsertRowid),
    );
    db.$client.close();

    const tsx = path.resolve('node_modules/.bin/tsx');
    const worker = path.resolve('tests/support/post-comments-worker.ts');
    await Promise.all(users.map((u) => run(tsx, ['--conditions=react-server', worker, file, String(thread), String(u), '10'], { cwd: process.cwd() })));

    const check = openDb(file);
    const numbers = check.$client.prepare('SELECT number FROM comments WHERE thread_id = ? ORDER BY number').pluck().all(thread) as number[];
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const counts = check.$client
      .prepare('SELECT t.comment_count AS thread, a.comment_count AS article, t.next_number AS next FROM threads t JOIN articles a ON a.id = t.article_id WHERE t.id = ?')
      .get(thread) as { thread: number; article: number; next: number };
    expect(counts).toEqual({ thread: 200, article: 200, next: 201 });
    check.$client.close();
  }, 60_000);
});
