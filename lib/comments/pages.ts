import { COMMENTS_PER_PAGE, ROOTS_PER_PAGE } from './types';

/** A top-level comment and how many comments its subtree holds (itself included). */
export type RootSize = { rootId: number; size: number };

/** One page of a thread: the top-level comments with ids from `first` to `last`, and their replies. */
export type PageRange = { first: number; last: number };

/**
 * Splits a thread's top-level comments (in order) into pages: a page takes roots while it has
 * fewer than `maxRoots` of them and the comments stay within `maxComments`; it always takes at least
 * one. Every reader gets the same boundaries (counted over all comments, whatever their status), so
 * page addresses mean the same thing to everyone.
 */
export function packPages(roots: readonly RootSize[], maxComments = COMMENTS_PER_PAGE, maxRoots = ROOTS_PER_PAGE): PageRange[] {
  const pages: PageRange[] = [];
  let current: (PageRange & { roots: number; size: number }) | null = null;
  for (const { rootId, size } of roots) {
    if (current && (current.roots >= maxRoots || current.size + size > maxComments)) {
      pages.push({ first: current.first, last: current.last });
      current = null;
    }
    if (!current) current = { first: rootId, last: rootId, roots: 0, size: 0 };
    current.last = rootId;
    current.roots += 1;
    current.size += size;
  }
  if (current) pages.push({ first: current.first, last: current.last });
  return pages;
}

/** The 1-based page that holds top-level comment `rootId` (the last page for one newer than all). */
export function pageOfRoot(pages: readonly PageRange[], rootId: number): number {
  const index = pages.findIndex((p) => rootId <= p.last);
  return index === -1 ? Math.max(1, pages.length) : index + 1;
}
