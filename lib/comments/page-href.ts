/** The address of page n of a thread's comments (page 1 of an article's thread redirects to the article). */
export function threadPageHref(threadId: number) {
  return (n: number) => (n === 1 ? `/threads/${threadId}` : `/threads/${threadId}/page/${n}`);
}
