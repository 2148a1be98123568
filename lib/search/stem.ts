import type Database from 'better-sqlite3';
import snowball from 'snowball-stemmers';

/**
 * Word forms for search: the Snowball stemmers for English and Russian, applied to every word at
 * index time (SQLite triggers call `stem()`, registered on each connection by db/open.ts) and at
 * query time (lib/search/query.ts). docs/decisions/0004-search.md explains the shape.
 *
 * `stemText` keeps the text's shape: every word is replaced by its stem and everything between
 * words is left as it is, so the FTS5 tokenizer (unicode61) finds the same number of tokens in the
 * stemmed copy as in the original. The index holds the stems; snippet() and highlight() re-tokenize
 * the original text and mark the tokens at the matched positions, which therefore line up.
 */

const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');

/** Runs of letters and digits: what unicode61 calls token characters (marks stay as separators here; see the decision). */
export const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

const LATIN = /^\p{Script=Latin}+$/u;
const CYRILLIC = /^\p{Script=Cyrillic}+$/u;

// Stemming is ~10 µs a word; the vocabulary is small next to the text, so results are kept.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** One word → its stem (lower case, ё as е). Digits and mixed words are only lower-cased. */
export function stemWord(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  let stem = lower;
  if (CYRILLIC.test(lower)) stem = russian.stem(lower);
  else if (LATIN.test(lower)) stem = english.stem(lower);
  // A stemmer never empties a word, but the token count must not change whatever it does.
  if (!stem || !/^[\p{L}\p{N}\p{Co}\p{M}]+$/u.test(stem)) stem = lower;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** The text with each word replaced by its stem; null stays null. */
export function stemText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return String(text).replace(WORD, stemWord);
}

/** The words of a text, stemmed, in order. */
export function stemWords(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => stemWord(m[0]));
}

/**
 * Registers `stem(text)` on a connection. Every connection that writes articles, mentions or their
 * links needs it, because the search triggers call it: without it such a write fails with
 * "no such function: stem" rather than leaving the index behind.
 */
export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('stem', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? stemText(text) : text === null ? null : stemText(String(text))));
}
