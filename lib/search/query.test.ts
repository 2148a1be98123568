import { describe, expect, it } from 'vitest';
import { buildMatch, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from './query';

const match = (input: unknown) => buildMatch(parseQuery(input));

describe('the MATCH expression builder', () => {
  it('quotes every stemmed word and joins them with AND', () => {
    expect(match('Lukashenko visits Minsk')).toBe('"lukashenko" AND "visit" AND "minsk"');
  });

  it('stems Russian word forms to one term', () => {
    expect(match('Минске')).toBe(match('Минск'));
    expect(match('учения')).toBe(match('учений'));
    expect(match('Минске')).toBe('"минск"');
  });

  it('keeps a quoted phrase together, in order, with English and Russian quotes', () => {
    expect(match('"air defence" systems')).toBe('"air defenc" AND "system"');
    expect(match('«в Минске»')).toBe('"в минск"');
    expect(match('“air defence”')).toBe('"air defenc"');
  });

  it('reads a hyphenated word as a phrase', () => {
    expect(match('Su-35')).toBe('"su 35"');
  });

  it('turns FTS5 and SQL syntax into words or nothing', () => {
    // Punctuation inside a word makes a phrase of its parts, as with "Su-35".
    expect(match('NEAR(a b)')).toBe('"near a" AND "b"');
    expect(match("'; DROP TABLE articles; --")).toBe('"drop" AND "tabl" AND "articl"');
    expect(match('title:putin OR putin*')).toBe('"titl putin" AND "or" AND "putin"');
    expect(match('"')).toBeNull();
    expect(match('* ^ - + ( ) : "" {}')).toBeNull();
  });

  it('gives nothing for empty or non-text input', () => {
    expect(match('')).toBeNull();
    expect(match('   ')).toBeNull();
    expect(match(undefined)).toBeNull();
    expect(match(['a'])).toBeNull();
  });

  it('caps the length and the number of terms', () => {
    const terms = parseQuery('word '.repeat(10_000));
    expect(terms).toHaveLength(1);
    const many = parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    expect(many).toHaveLength(MAX_TERMS);
    const long = parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH - 1)} tail`);
    expect(long.map((t) => t.text)).toEqual(['a'.repeat(MAX_QUERY_LENGTH - 1)]);
  });

  it('drops repeated terms', () => {
    expect(match('visit visits visited')).toBe('"visit"');
  });

  it('never lets a quote into the expression', () => {
    for (const input of ['a"b', '""a""', '"a" "b', 'x" OR 1=1 --']) {
      const expr = match(input)!;
      expect(expr.replace(/"[^"]*"/g, '').replace(/ AND /g, '')).toBe('');
    }
  });
});
