import { stemWord, WORD } from './stem';

/**
 * A reader's search input → terms → an FTS5 MATCH expression we wrote ourselves. Nothing the reader
 * typed reaches FTS5 syntax: every term is a double-quoted string of stems (letters and digits
 * only), so quotes, `*`, `NEAR(`, `OR`, column filters or SQL are just words or nothing.
 */

/** Longer input is cut: nobody searches with a paragraph, and the work grows with the terms. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;

/** A word, or a phrase in quotes (or a hyphenated word such as "F-35"): its stems, in order. */
export type Term = { stems: string[]; text: string };

// "…", “…”, «…», „…“: the quote pairs English and Russian readers type.
const PHRASE = /["“”«»„]([^"“”«»„]*)["“”«»„]?/g;

export function parseQuery(input: unknown): Term[] {
  const raw = typeof input === 'string' ? input.slice(0, MAX_QUERY_LENGTH) : '';
  const terms: Term[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    const words = Array.from(text.matchAll(WORD), (m) => m[0]);
    if (words.length === 0 || terms.length >= MAX_TERMS) return;
    const stems = words.map(stemWord);
    const key = stems.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ stems, text: words.join(' ') });
  };
  let rest = '';
  let last = 0;
  for (const m of raw.matchAll(PHRASE)) {
    rest += ` ${raw.slice(last, m.index)} `;
    add(m[1] ?? '');
    last = m.index + m[0].length;
  }
  rest += raw.slice(last);
  for (const chunk of rest.split(/\s+/)) add(chunk);
  return terms;
}

/** One term as an FTS5 string: stems only, quoted, so the tokenizer sees exactly these words in this order. */
export function quoteTerm(term: Term): string {
  return `"${term.stems.join(' ').replace(/"/g, '""')}"`;
}

/** All terms must match (implicit AND); an empty list matches nothing and has no expression. */
export function buildMatch(terms: Term[]): string | null {
  if (terms.length === 0) return null;
  return terms.map(quoteTerm).join(' AND ');
}

/** The query as the page shows it back and puts in links (trimmed, cut to the limit). */
export function normaliseQuery(input: unknown): string {
  return typeof input === 'string' ? input.slice(0, MAX_QUERY_LENGTH).replace(/\s+/g, ' ').trim() : '';
}
