import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/db/open';
import { articleMentions, articles, mentions, threads } from '@/db/schema';
import { importCapture } from './import-capture';
import { parseCapture, type Capture } from './parse-capture';
import { runImport } from './run-import';

const REAL_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'seed', '000_0f878f7f675210c6.txt'), 'utf8');
const CAPTURED_AT = new Date('2023-09-24T04:00:00+03:00');

/** The real file with lines `from`..`to` (1-based, inclusive) replaced by `insert`. */
function editLines(from: number, to: number, ...insert: string[]): string {
  const lines = REAL_TEXT.split('\n');
  lines.splice(from - 1, to - from + 1, ...insert);
  return lines.join('\n');
}

function capture(text: string, capturedAt = CAPTURED_AT): Capture {
  const result = parseCapture(text, { fileName: 'x.txt', capturedAt });
  if (!result.ok) throw new Error(result.error.message);
  return result.capture;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every row of every table the importer writes, for before/after comparisons. */
function snapshot(db: Db) {
  return {
    articles: db.select().from(articles).all(),
    mentions: db.select().from(mentions).all(),
    articleMentions: db.select().from(articleMentions).all(),
    threads: db.select().from(threads).all(),
  };
}

function totalChanges(db: Db): number {
  return (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
}

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-import-'));
  db = openDb(path.join(dir, 'store.db'));
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importCapture', () => {
  const source = { sourceKey: '000_0f878f7f675210c6.txt', sourceHash: sha256(REAL_TEXT) };

  it('imports the real capture', () => {
    const real = capture(REAL_TEXT);
    expect(importCapture(db, real, source)).toBe('imported');

    const [article, ...others] = db.select().from(articles).all();
    expect(others).toEqual([]);
    expect(article).toMatchObject({
      slug: 'kiev-is-seriously-concerned-about-putin-s-visit-to-minsk',
      lang: 'en',
      title: real.title,
      views: 1095,
      commentCount: 0,
      rating: 0,
      imageCredit: real.imageCredit,
      outlet: 'Advance',
      originalHeadline: real.originalHeadline,
      summary: real.summary,
      pullQuote: real.pullQuote,
      bylineName: 'D. Marjanovich',
      bylineOriginal: 'D. Marjanovich',
      body: real.body,
      rightsLine: real.rightsLine,
      licenceNote: real.licenceNote,
      originalLinkText: real.originalLinkText,
      disclaimer: real.disclaimer,
      sourceKey: source.sourceKey,
      sourceHash: source.sourceHash,
      publishedAt: CAPTURED_AT.getTime(),
    });

    const named = db
      .select({ name: mentions.name, kind: mentions.kind, slug: mentions.slug, weight: articleMentions.weight })
      .from(articleMentions)
      .innerJoin(mentions, eq(mentions.id, articleMentions.mentionId))
      .where(eq(articleMentions.articleId, article!.id))
      .all();
    expect(named).toHaveLength(10);
    expect(named).toContainEqual({ name: 'Vladimir Putin', kind: 'person', slug: 'vladimir-putin', weight: 14 });

    const sidebar = db.select().from(threads).where(eq(threads.sourceKey, 'sidebar:The Russian Su-35 fighter is no joke (The National Interest, USA)')).get();
    expect(sidebar).toMatchObject({ articleId: null, lastCommentAt: new Date('2023-09-24T03:54:00+03:00').getTime(), commentCount: 1, capturedOrder: 0 });
    expect(db.select().from(threads).all()).toHaveLength(16);

    const own = db.select().from(threads).where(eq(threads.articleId, article!.id)).get();
    expect(own).toMatchObject({ title: real.title, sourceKey: null, lastCommentAt: null, commentCount: 0 });
  });

  it('writes nothing when the hash is unchanged', () => {
    importCapture(db, capture(REAL_TEXT), source);
    const before = snapshot(db);
    const changes = totalChanges(db);
    expect(importCapture(db, capture(REAL_TEXT), source)).toBe('unchanged');
    expect(totalChanges(db)).toBe(changes);
    expect(snapshot(db)).toEqual(before);
  });

  it('updates the article in place when the capture changed', () => {
    importCapture(db, capture(REAL_TEXT), source);
    const { id } = db.select({ id: articles.id }).from(articles).get()!;
    // The site's own comments have been counted since; a re-import must not reset that.
    db.update(articles).set({ commentCount: 5 }).where(eq(articles.id, id)).run();

    const changed = editLines(3, 5, 'Kiev is worried about Putin in Minsk', '', '2000');
    expect(importCapture(db, capture(changed), { ...source, sourceHash: sha256(changed) })).toBe('updated');

    const rows = db.select().from(articles).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, title: 'Kiev is worried about Putin in Minsk', slug: 'kiev-is-worried-about-putin-in-minsk', views: 2000, commentCount: 5 });
    expect(db.select().from(threads).where(eq(threads.articleId, id)).all()).toEqual([expect.objectContaining({ title: 'Kiev is worried about Putin in Minsk' })]);
    expect(db.select().from(articleMentions).all()).toHaveLength(10);
    expect(db.select().from(threads).all()).toHaveLength(16);
  });

  it('lets the capture that saw the later comment set a sidebar thread', () => {
    importCapture(db, capture(REAL_TEXT), source);
    const key = 'sidebar:The Russian Su-35 fighter is no joke (The National Interest, USA)';
    const thread = () => db.select().from(threads).where(eq(threads.sourceKey, key)).get();

    const older = editLines(68, 69, '  • 24.09 01:00', '  • 99');
    importCapture(db, capture(older), { sourceKey: 'older.txt', sourceHash: sha256(older) });
    expect(thread()).toMatchObject({ lastCommentAt: new Date('2023-09-24T03:54:00+03:00').getTime(), commentCount: 1, capturedOrder: 0 });

    const newer = editLines(68, 69, '  • 25.09 10:00', '  • 7');
    importCapture(db, capture(newer, new Date('2023-09-25T12:00:00+03:00')), { sourceKey: 'newer.txt', sourceHash: sha256(newer) });
    expect(thread()).toMatchObject({ lastCommentAt: new Date('2023-09-25T10:00:00+03:00').getTime(), commentCount: 7, capturedOrder: 0 });

    // Three articles, each with its own thread; the sidebar threads are shared.
    expect(db.select().from(threads).all()).toHaveLength(15 + 3);
    // Mentions are shared too: one row per name, linked from each article.
    expect(db.select().from(mentions).all()).toHaveLength(10);
    expect(db.select().from(articleMentions).all()).toHaveLength(30);
  });
});

describe('runImport', () => {
  function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, 'captures', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  it('imports good files and reports broken ones with file and line', async () => {
    write('good.txt', REAL_TEXT);
    write('broken.txt', editLines(3, 3, 'A broken capture').split('\n').slice(0, 81).join('\n'));
    write('junk.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x0a]));
    write('notes.md', 'not a capture');
    const progress: Array<[number, number, string]> = [];

    const result = await runImport(db, [path.join(dir, 'captures')], { capturedAt: CAPTURED_AT, onProgress: (...args) => progress.push(args) });

    expect(result).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      failed: 2,
      errors: ['broken.txt:80: sidebar entry at line 80 is cut short: missing the thread title', 'junk.txt:1: not a UTF-8 text file'],
    });
    expect(progress.map(([done, total, file]) => [done, total, path.basename(file)])).toEqual([
      [1, 3, 'broken.txt'],
      [2, 3, 'good.txt'],
      [3, 3, 'junk.txt'],
    ]);
    const stored = db.select({ sourceKey: articles.sourceKey, title: articles.title }).from(articles).all();
    expect(stored).toEqual([{ sourceKey: 'good.txt', title: "Kiev is seriously concerned about Putin's visit to Minsk" }]);
    expect(db.select().from(threads).all()).toHaveLength(16);
  });

  it('is idempotent, and picks up a changed file', async () => {
    const file = write('good.txt', REAL_TEXT);
    const dirs = [path.join(dir, 'captures')];
    expect(await runImport(db, dirs, { capturedAt: CAPTURED_AT })).toMatchObject({ imported: 1, unchanged: 0, failed: 0 });

    const before = snapshot(db);
    expect(await runImport(db, dirs, { capturedAt: CAPTURED_AT })).toEqual({ imported: 0, updated: 0, unchanged: 1, failed: 0, errors: [] });
    expect(snapshot(db)).toEqual(before);

    fs.writeFileSync(file, editLines(5, 5, '1200'));
    expect(await runImport(db, [file], { capturedAt: CAPTURED_AT })).toMatchObject({ updated: 1, failed: 0 });
    expect(db.select({ views: articles.views, hash: articles.sourceHash }).from(articles).get()).toEqual({
      views: 1200,
      hash: sha256(editLines(5, 5, '1200')),
    });
  });

  it('rolls back a file whose write fails half-way, and goes on', async () => {
    // Make the store refuse one sidebar thread: the article row before it must not survive.
    db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON threads WHEN NEW.title = 'boom' BEGIN SELECT RAISE(ABORT, 'thread refused'); END`);
    write('a-boom.txt', editLines(3, 3, 'Doomed article').replace('The Russian Su-35 fighter is no joke (The National Interest, USA)', 'boom'));
    write('b-good.txt', REAL_TEXT);

    const result = await runImport(db, [path.join(dir, 'captures')], { capturedAt: CAPTURED_AT });

    expect(result).toEqual({ imported: 1, updated: 0, unchanged: 0, failed: 1, errors: ['a-boom.txt: thread refused'] });
    expect(db.select({ title: articles.title }).from(articles).all()).toEqual([{ title: "Kiev is seriously concerned about Putin's visit to Minsk" }]);
    expect(db.select().from(articleMentions).all()).toHaveLength(10);
    expect(db.select().from(threads).all()).toHaveLength(16);
  });

  it("takes the capture time from the file's modification time", async () => {
    const file = write('good.txt', REAL_TEXT);
    const mtime = new Date('2023-09-24T05:00:00+03:00');
    fs.utimesSync(file, mtime, mtime);

    await runImport(db, [file]);

    expect(db.select({ publishedAt: articles.publishedAt }).from(articles).get()).toEqual({ publishedAt: mtime.getTime() });
  });

  it('reports a path that does not exist', async () => {
    const missing = path.join(dir, 'nowhere');
    const result = await runImport(db, [missing]);
    expect(result.failed).toBe(1);
    expect(result.errors[0]).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
  });
});
