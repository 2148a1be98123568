// Word filters that a swapped letter does not get past: case, ё/е and Latin letters that look like
// Cyrillic ones (идиoт with a Latin o) all compare equal.

const LOOKALIKES: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', ё: 'е', '0': 'о', '3': 'з',
};

/** The form words are compared in. */
export function skeleton(word: string): string {
  return [...word.normalize('NFKC').toLowerCase()].map((ch) => LOOKALIKES[ch] ?? ch).join('');
}

export function parseWordList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]+/).map((w) => w.trim()).filter(Boolean))].slice(0, 2000);
}

/** The first listed word the text contains (whole words, compared by skeleton), or null. */
export function findListedWord(text: string, words: string[]): string | null {
  if (words.length === 0) return null;
  const wanted = new Map(words.map((w) => [skeleton(w), w]));
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hit = wanted.get(skeleton(token));
    if (hit) return hit;
  }
  return null;
}
