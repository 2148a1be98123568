import { stemWord, WORD } from './stem';

/**
 * Marks the words of a text that a search matched, by stem, and cuts a snippet around the best
 * place. The result is plain data (text runs, marked or not) that components render as React text
 * and <mark>: no markup is ever built from article text. (The index is contentless, so FTS5's own
 * snippet() has no text to work on; docs/decisions/0004-search.md.)
 */

export type Segment = { text: string; mark: boolean };

type Token = { start: number; end: number; stem: string };

function tokens(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, stem: stemWord(m[0]) }));
}

/** For each token, the index of the term it is part of, or -1. */
function matches(toks: Token[], terms: string[][]): Int32Array {
  const hit = new Int32Array(toks.length).fill(-1);
  terms.forEach((stems, termIndex) => {
    if (stems.length === 0) return;
    for (let i = 0; i + stems.length <= toks.length; i++) {
      if (stems.every((s, j) => toks[i + j]!.stem === s)) for (let j = 0; j < stems.length; j++) hit[i + j] = termIndex;
    }
  });
  return hit;
}

/** Text runs between `from` and `to` (token indexes, inclusive), consecutive matched words joined into one mark. */
function segments(text: string, toks: Token[], hit: Int32Array, from: number, to: number, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const prev = out[out.length - 1];
    if (prev && prev.mark === mark) prev.text += s;
    else out.push({ text: s, mark });
  };
  let pos = start;
  for (let i = from; i <= to; i++) {
    const t = toks[i]!;
    const gap = text.slice(pos, t.start);
    // Words of one phrase (or two matched words in a row) make one mark, space included.
    const joins = hit[i]! >= 0 && i > from && hit[i - 1]! >= 0 && /^\s+$/.test(gap);
    push(gap, joins);
    push(text.slice(t.start, t.end), hit[i]! >= 0);
    pos = t.end;
  }
  push(text.slice(pos, end), false);
  return out;
}

/** The whole text, matched words marked (titles). */
export function highlightAll(text: string, terms: string[][]): Segment[] {
  const toks = tokens(text);
  if (toks.length === 0) return text ? [{ text, mark: false }] : [];
  return segments(text, toks, matches(toks, terms), 0, toks.length - 1, 0, text.length);
}

/**
 * Up to `words` words around the place with the most different terms (then the most matched words),
 * with "…" where the text was cut; null when nothing in the text matched.
 */
export function snippet(text: string, terms: string[][], words = 32): Segment[] | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const toks = tokens(flat);
  const hit = matches(toks, terms);
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < toks.length; i++) {
    if (hit[i]! < 0 || (i > 0 && hit[i - 1]! >= 0)) continue;
    // Start a little before the match, so it reads in context.
    const from = Math.max(0, Math.min(i - 6, toks.length - words));
    const seenTerms = new Set<number>();
    let marked = 0;
    for (let j = from; j < Math.min(toks.length, from + words); j++) {
      if (hit[j]! >= 0) {
        seenTerms.add(hit[j]!);
        marked++;
      }
    }
    const score = seenTerms.size * 1000 + marked;
    if (score > bestScore) {
      bestScore = score;
      best = from;
    }
  }
  if (best < 0) return null;
  const last = Math.min(toks.length, best + words) - 1;
  const start = best === 0 ? 0 : toks[best]!.start;
  const end = last === toks.length - 1 ? flat.length : toks[last]!.end;
  const out = segments(flat, toks, hit, best, last, start, end);
  if (start > 0) out.unshift({ text: '… ', mark: false });
  if (end < flat.length) out.push({ text: ' …', mark: false });
  return out;
}

/** The beginning of a text, for results that matched elsewhere (a mention name). */
export function lead(text: string, words = 32): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const toks = tokens(flat);
  if (toks.length <= words) return flat ? [{ text: flat, mark: false }] : [];
  return [{ text: `${flat.slice(0, toks[words - 1]!.end)} …`, mark: false }];
}
