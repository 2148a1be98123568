import { describe, expect, it } from 'vitest';
import { findListedWord, parseWordList, skeleton } from './words';

describe('word filter', () => {
  it('ignores case, ё/е and Latin look-alike letters', () => {
    expect(findListedWord('Ты ИДИОТ!', ['идиот'])).toBe('идиот');
    expect(findListedWord('ты идиoт', ['идиот'])).toBe('идиот'); // Latin o
    expect(findListedWord('ёлка', ['елка'])).toBe('елка');
    expect(skeleton('Ёж')).toBe(skeleton('еж'));
  });
  it('matches whole words only', () => {
    expect(findListedWord('classic', ['ass'])).toBeNull();
    expect(findListedWord('an ass here', ['ass'])).toBe('ass');
  });
  it('reads a list from lines or commas', () => {
    expect(parseWordList('spam, scam\nfraud;; ')).toEqual(['spam', 'scam', 'fraud']);
  });
});
