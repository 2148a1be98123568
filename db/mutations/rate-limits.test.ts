import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpCounter, clearCounter, peekCounter, unbumpCounter } from './rate-limits';
import { openDb } from '@/db/open';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-throttle-'));
const db = openDb(path.join(dir, 'test.db'));
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('throttle counters', () => {
  it('count within a window, then start afresh when it ends', () => {
    const t0 = 1_000_000;
    for (let i = 1; i <= 5; i++) expect(bumpCounter(db, 'k', 60_000, t0 + i).count).toBe(i);
    expect(peekCounter(db, 'k', t0 + 10).count).toBe(5);
    expect(peekCounter(db, 'k', t0 + 60_001).count).toBe(0); // the window ended: never locked out for good
    expect(bumpCounter(db, 'k', 60_000, t0 + 60_002)).toEqual({ count: 1, resetAt: t0 + 120_002 });
  });
  it('clear on success and keep keys apart', () => {
    bumpCounter(db, 'a', 60_000, 5);
    bumpCounter(db, 'b', 60_000, 5);
    clearCounter(db, 'a');
    expect(peekCounter(db, 'a', 6).count).toBe(0);
    expect(peekCounter(db, 'b', 6).count).toBe(1);
  });
  it('give one event back, never below zero and never into an ended window', () => {
    bumpCounter(db, 'u', 60_000, 10);
    bumpCounter(db, 'u', 60_000, 11);
    unbumpCounter(db, 'u', 12);
    expect(peekCounter(db, 'u', 13).count).toBe(1);
    unbumpCounter(db, 'u', 14);
    unbumpCounter(db, 'u', 15);
    expect(peekCounter(db, 'u', 16).count).toBe(0);
    bumpCounter(db, 'v', 60_000, 20);
    unbumpCounter(db, 'v', 60_021); // after its window: nothing to give back
    expect(bumpCounter(db, 'v', 60_000, 60_022).count).toBe(1);
  });
});
