import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/contract/fields';

const field = isoDate('Date received');

function message(value: string): string | null {
  const result = field.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
}

describe('a date field', () => {
  it('takes every day of the calendar, leap days included', () => {
    for (const day of ['2026-01-31', '2026-04-30', '2024-02-29', '2000-02-29', '2026-12-31', ' 2026-11-10 ']) expect(message(day), day).toBeNull();
  });

  it('refuses a day the calendar does not have, naming the field', () => {
    for (const day of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-11-32']) {
      expect(message(day), day).toBe('Date received is not a real calendar date.');
    }
    expect(message('10.11.2026')).toBe('Date received must be a date written YYYY-MM-DD.');
  });
});
