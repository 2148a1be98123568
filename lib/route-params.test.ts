import { describe, expect, it } from 'vitest';
import { parseIdSlug, parsePageNumber } from './route-params';

describe('address segments', () => {
  it('reads /news/<id>-<slug>, escaped or not', () => {
    expect(parseIdSlug('12-some-slug')).toEqual({ id: 12, slug: 'some-slug' });
    expect(parseIdSlug('12')).toEqual({ id: 12, slug: null });
    expect(parseIdSlug('12-%61')).toEqual({ id: 12, slug: 'a' });
  });
  it.each(['%', '%E0%A4%A', '12-%', 'abc', '0', '-1', '1.5', '99999999999999999999', '1%00'])('answers null (a 404), never throws, for %s', (raw) => {
    expect(parseIdSlug(raw)).toBeNull();
  });
  it('takes page numbers 1–9 999 999 only', () => {
    expect(parsePageNumber('2')).toBe(2);
    for (const raw of ['0', '-1', 'abc', '01', '1e3', '99999999']) expect(parsePageNumber(raw)).toBeNull();
  });
});
