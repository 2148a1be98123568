'use client';

import { useEffect } from 'react';

// Error boundaries get no params; both languages are shown, briefly.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <main id="main" className="mx-auto max-w-3xl py-8">
      <h1 className="text-2xl font-bold">Something went wrong · Что-то пошло не так</h1>
      <p className="mt-3">The page could not be shown. · Страницу не удалось показать.</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-slate-300 px-3 py-1">
        Try again · Попробовать ещё раз
      </button>
    </main>
  );
}
