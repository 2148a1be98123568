'use client';

import type { DeliveredEvent } from '@/lib/live/events';

/**
 * What live listeners receive: every event of the stream, or `reset` when the stream could not
 * replay what was missed (server restarted, or the tab was away too long): refetch then.
 */
export type LiveMessage = DeliveredEvent | { type: 'reset' };
export type LiveListener = (message: LiveMessage) => void;

const URL_PATH = '/api/live';
/** Keep the stream this long after the last listener leaves, so a remount (navigation) reuses it. */
const CLOSE_GRACE_MS = 1000;
/** A reset makes every tab refetch at once after a restart: spread that over this window. */
const RESET_JITTER_MS = 2000;

// One EventSource per tab, shared by every listener; opened on the first, closed after the last.
const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
/** The latest id seen, to resume from when this module has to open a new EventSource itself. */
let lastEventId: string | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

/** Listens to the tab's live stream. Returns the unsubscribe function. */
export function subscribeLive(listener: LiveListener): () => void {
  if (typeof window === 'undefined' || typeof EventSource === 'undefined') return () => {};
  listeners.add(listener);
  if (closeTimer) {
    clearTimeout(closeTimer);
    closeTimer = null;
  }
  if (!source && !retryTimer) connect();
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0 || closeTimer) return;
    closeTimer = setTimeout(() => {
      closeTimer = null;
      if (listeners.size === 0) disconnect();
    }, CLOSE_GRACE_MS);
  };
}

function connect() {
  const url = lastEventId ? `${URL_PATH}?lastEventId=${encodeURIComponent(lastEventId)}` : URL_PATH;
  const es = new EventSource(url);
  source = es;
  es.addEventListener('ready', (e) => {
    failures = 0;
    remember(e);
  });
  es.addEventListener('message', (e) => {
    remember(e);
    const message = parse(e.data);
    if (message) emit(message);
  });
  es.addEventListener('reset', (e) => {
    remember(e);
    setTimeout(() => emit({ type: 'reset' }), Math.random() * RESET_JITTER_MS);
  });
  es.addEventListener('error', () => {
    // While CONNECTING, EventSource retries by itself (sending Last-Event-ID). CLOSED means it gave
    // up for good (the server refused: 429, 503…): try again later, with backoff.
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = null;
    failures++;
    const delay = Math.min(5 * 60_000, 5000 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() / 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (listeners.size > 0 && !source) connect();
    }, delay);
  });
}

function disconnect() {
  source?.close();
  source = null;
  // Whoever subscribes next starts from now: what it shows is newer than this stream's position.
  lastEventId = null;
  failures = 0;
  if (retryTimer) {
    clearTimeout(retryTimer);
    retryTimer = null;
  }
}

function remember(e: MessageEvent) {
  if (e.lastEventId) lastEventId = e.lastEventId;
}

function parse(data: unknown): DeliveredEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') return value as DeliveredEvent;
  } catch {
    // not ours: ignore
  }
  return null;
}

function emit(message: LiveMessage) {
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch (error) {
      console.error('[live] a listener failed', error);
    }
  }
}
