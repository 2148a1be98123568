import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { formatCommentTime, formatShortDateTime } from './dates';

describe('portal times', () => {
  it('are Moscow wall-clock times, as date-fns in the zone gives them, across years and midnight', () => {
    process.env.SITE_TIME_ZONE = 'Europe/Moscow';
    for (const iso of ['2022-12-31T21:00:00Z', '2023-01-01T00:05:00Z', '2026-11-25T07:09:00Z', '2024-02-29T20:59:59Z']) {
      const ms = Date.parse(iso);
      const zoned = new TZDate(ms, 'Europe/Moscow');
      expect(formatCommentTime(ms)).toBe(format(zoned, 'dd.MM.yyyy HH:mm'));
      expect(formatShortDateTime(ms)).toBe(format(zoned, 'dd.MM HH:mm'));
    }
    expect(formatCommentTime(Date.parse('2022-12-31T21:00:00Z'))).toBe('01.01.2023 00:00');
  });
});
