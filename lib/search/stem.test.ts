import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/open';
import { highlightAll, snippet } from './highlight';
import { parseQuery } from './query';
import { rebuildSearchIndex } from './rebuild';
import { searchStore } from './search';
import { stemText, stemWord } from './stem';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-search-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stemming', () => {
  it('brings word forms together in both languages', () => {
    expect(stemWord('visits')).toBe(stemWord('visit'));
    expect(stemWord('Visited')).toBe('visit');
    expect(stemWord('Минске')).toBe(stemWord('Минск'));
    expect(stemWord('Минском')).toBe('минск');
    expect(stemWord('самолёт')).toBe(stemWord('самолет'));
    expect(stemWord('2023')).toBe('2023');
  });

  it('keeps the text around the words, so token positions line up', () => {
    expect(stemText('Putin’s visits — to Минске, 2023!')).toBe('putin’s visit — to минск, 2023!');
    expect(stemText(null)).toBeNull();
  });
});

describe('the index, kept by triggers that call stem()', () => {
  const db = openDb(path.join(dir, 'store.db'));
  const sqlite = db.$client;
  let n = 0;
  const insert = (title: string, body: string[], summary = 'A summary.') =>
    Number(
      sqlite
        .prepare(
          `INSERT INTO articles (slug, lang, title, summary, body, source_key, source_hash, published_at, updated_at)
           VALUES ('s', 'en', ?, ?, ?, ?, 'h', ?, ?)`,
        )
        .run(title, summary, JSON.stringify(body), `test:${++n}`, 1_700_000_000_000 + n, 1_700_000_000_000 + n).lastInsertRowid,
    );
  const ids = (q: string) => searchStore(sqlite, q, 1).items.map((i) => i.id);

  it('indexes inserted articles, matching word forms at query time', () => {
    const en = insert('Kiev is concerned about the visit to Minsk', ['Lukashenko visited the capital.']);
    const ru = insert('Учения под Минском', ['В Минске прошли переговоры.']);
    expect(ids('visits')).toContain(en);
    expect(ids('Lukashenko')).toEqual([en]);
    expect(ids('Минске')).toEqual([ru]);
    expect(ids('Минск')).toEqual([ru]);
    expect(ids('"прошли переговоры"')).toEqual([ru]);
    expect(ids('"переговоры прошли"')).toEqual([]);
  });

  it('follows edits and deletions', () => {
    const id = insert('Old headline about frigates', ['Nothing else.']);
    expect(ids('frigates')).toEqual([id]);
    sqlite.prepare('UPDATE articles SET title = ? WHERE id = ?').run('New headline about submarines', id);
    expect(ids('frigates')).toEqual([]);
    expect(ids('submarine')).toEqual([id]);
    sqlite.prepare('UPDATE articles SET views = views + 1 WHERE id = ?').run(id);
    expect(ids('submarine')).toEqual([id]);
    sqlite.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(ids('submarine')).toEqual([]);
  });

  it('finds an article through the name of a mention it links, renamed or not', () => {
    const id = insert('A story', ['Without the name in it.']);
    const mention = Number(sqlite.prepare(`INSERT INTO mentions (slug, name, kind) VALUES ('zaluzhny', 'Valerii Zaluzhny', 'person')`).run().lastInsertRowid);
    expect(ids('Zaluzhny')).toEqual([]);
    sqlite.prepare('INSERT INTO article_mentions (article_id, mention_id) VALUES (?, ?)').run(id, mention);
    expect(ids('Zaluzhny')).toEqual([id]);
    expect(ids('Zaluzhny story')).toEqual([id]);
    expect(searchStore(sqlite, 'Zaluzhny', 1).items[0]!.mentions).toEqual(['Valerii Zaluzhny']);
    sqlite.prepare(`UPDATE mentions SET name = 'Valery Zaluzhnyi' WHERE id = ?`).run(mention);
    expect(ids('Zaluzhnyi')).toEqual([id]);
    expect(ids('Valerii')).toEqual([]);
    sqlite.prepare('DELETE FROM mentions WHERE id = ?').run(mention);
    expect(ids('Zaluzhnyi')).toEqual([]);
  });

  it('ranks title matches first, then newer first', () => {
    const inBody = insert('Something', ['The corvette sailed.']);
    const inTitle = insert('The corvette', ['Sailed.']);
    expect(ids('corvette')).toEqual([inTitle, inBody]);
  });

  it('survives a rebuild with the same answers', () => {
    const before = ids('Минске');
    rebuildSearchIndex(sqlite);
    expect(ids('Минске')).toEqual(before);
  });

  it('refuses article writes from a connection without stem(), rather than falling behind', () => {
    const raw = new Database(path.join(dir, 'store.db'));
    try {
      expect(() =>
        raw
          .prepare(`INSERT INTO articles (slug, lang, title, body, source_key, source_hash, published_at, updated_at) VALUES ('x', 'en', 'x', '[]', 'raw', 'h', 0, 0)`)
          .run(),
      ).toThrow(/no such function: stem/);
    } finally {
      raw.close();
    }
  });

  it('answers hostile input with a page, not an error', () => {
    for (const q of ['"', '*', 'NEAR(', "'; DROP TABLE articles; --", 'x'.repeat(10_000), '', 'a OR b NOT c', '^title:x']) {
      expect(() => searchStore(sqlite, q, 1)).not.toThrow();
    }
    expect(searchStore(sqlite, 'corvette', 999_999).items).toEqual([]);
  });
});

describe('highlighting', () => {
  const terms = (q: string) => parseQuery(q).map((t) => t.stems);

  it('marks word forms and whole phrases in plain segments', () => {
    expect(highlightAll('Putin visited Minsk', terms('visits'))).toEqual([
      { text: 'Putin ', mark: false },
      { text: 'visited', mark: true },
      { text: ' Minsk', mark: false },
    ]);
    expect(highlightAll('Air defence works', terms('"air defence"'))).toEqual([
      { text: 'Air defence', mark: true },
      { text: ' works', mark: false },
    ]);
  });

  it('cuts a snippet around the match, markup left as text', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    words[60] = '<b>Минске</b>';
    const s = snippet(words.join(' '), terms('Минск'), 10)!;
    expect(s[0]!.text).toBe('… ');
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(['Минске']);
    expect(s.map((x) => x.text).join('')).toContain('<b>');
    expect(snippet('nothing here', terms('Минск'))).toBeNull();
  });
});
