import { describe, expect, it } from 'vitest';
import { packPages, pageOfRoot } from './pages';

const roots = (...sizes: number[]) => sizes.map((size, i) => ({ rootId: (i + 1) * 10, size }));

describe('packPages', () => {
  it('keeps a quiet thread on one page', () => {
    expect(packPages(roots(1, 2, 3))).toEqual([{ first: 10, last: 30 }]);
    expect(packPages([])).toEqual([]);
  });

  it('ends a page before it would pass the comment budget, counting replies', () => {
    expect(packPages(roots(40, 40, 30, 5), 100)).toEqual([
      { first: 10, last: 20 },
      { first: 30, last: 40 },
    ]);
  });

  it('gives a root with more replies than the budget a page of its own', () => {
    expect(packPages(roots(3, 500, 3), 100)).toEqual([
      { first: 10, last: 10 },
      { first: 20, last: 20 },
      { first: 30, last: 30 },
    ]);
  });

  it('still ends a page at the most roots a page may hold', () => {
    const pages = packPages(roots(...Array<number>(120).fill(1)), 1000, 50);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [10, 500],
      [510, 1000],
      [1010, 1200],
    ]);
  });
});

describe('pageOfRoot', () => {
  const pages = packPages(roots(60, 60, 60), 100);
  it('finds the page of a top-level comment, and the last page for a new one', () => {
    expect(pages).toHaveLength(3);
    expect(pageOfRoot(pages, 10)).toBe(1);
    expect(pageOfRoot(pages, 20)).toBe(2);
    expect(pageOfRoot(pages, 30)).toBe(3);
    expect(pageOfRoot(pages, 999)).toBe(3);
    expect(pageOfRoot([], 5)).toBe(1);
  });
});
