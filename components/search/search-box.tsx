'use client';

import { useEffect, useRef } from 'react';

type Props = { label: string; submit: string };

/**
 * The header's search: a plain GET form to /search, so it works without JavaScript. The header is
 * part of the cached layout and cannot know the query; on the results page a script puts it back
 * in the box.
 */
export function SearchBox({ label, submit }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (window.location.pathname !== '/search' || !input.current || input.current.value) return;
    input.current.value = new URLSearchParams(window.location.search).get('q') ?? '';
  }, []);
  return (
    <form role="search" aria-label={label} action="/search" method="get" className="flex items-center gap-2">
      <label htmlFor="site-search" className="sr-only">
        {label}
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        maxLength={200}
        enterKeyHint="search"
        className="w-40 rounded border border-slate-300 px-2 py-1 text-sm sm:w-56"
      />
      <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100">
        {submit}
      </button>
    </form>
  );
}
