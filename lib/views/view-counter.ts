import 'server-only';
import { getDb } from '@/db';
import { addViews } from '@/db/mutations/views';

const FLUSH_MS = Number(process.env.VIEWS_FLUSH_MS) || 2000;
const MAX_PENDING = 5000;

/**
 * Views are counted in memory and written in one batch every couple of seconds, so reading an
 * article never waits on a database write. A crash loses at most one interval of views.
 */
class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  record(articleId: number): void {
    this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + 1);
    if (this.pending.size >= MAX_PENDING) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    try {
      addViews(getDb(), batch);
    } catch (error) {
      console.error('[views] could not write a batch of views', error);
    }
  }
}

const holder = globalThis as typeof globalThis & { __courierViews?: ViewCounter };

function counter(): ViewCounter {
  if (!holder.__courierViews) {
    const created = new ViewCounter();
    holder.__courierViews = created;
    // better-sqlite3 is synchronous, so the last batch can still be written in 'exit'.
    process.once('exit', () => created.flush());
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        // Next's own handler exits (and so flushes) when it is there; otherwise exit ourselves.
        if (process.listenerCount(signal) === 0) process.exit(0);
      });
    }
  }
  return holder.__courierViews;
}

export function recordView(articleId: number): void {
  counter().record(articleId);
}

export function flushViews(): void {
  counter().flush();
}
