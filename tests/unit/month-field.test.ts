import { describe, expect, it } from 'vitest';
import { formatMonth } from '../../shared/format/dates';
import { parseMonth } from '../../renderer/components/month-text';
import { stepMonth } from '../../shared/domain/calendar';

const month = (text: string, locale = 'en-CH') => {
  const parsed = parseMonth(text, locale);
  return parsed.ok ? parsed.month : `error: ${parsed.message}`;
};

describe('typing a month', () => {
  it('reads the forms a clerk types: ISO, day-less European dates, two-digit years and month names', () => {
    expect(month('2026-11')).toBe('2026-11');
    expect(month('2026-1')).toBe('2026-01');
    expect(month('2026/11')).toBe('2026-11');
    expect(month('202611')).toBe('2026-11');
    expect(month('11.2026')).toBe('2026-11');
    expect(month('3.2026')).toBe('2026-03');
    expect(month('11/26')).toBe('2026-11');
    expect(month(' nov 2026 ')).toBe('2026-11');
    expect(month('Nov. 2026')).toBe('2026-11');
    expect(month('NOVEMBER 2026')).toBe('2026-11');
    expect(month('2026 nov')).toBe('2026-11');
    expect(month('sept 2026')).toBe('2026-09');
  });

  it('reads month names in the settings locale, accents optional, and still in English', () => {
    expect(month('févr. 2026', 'fr-CH')).toBe('2026-02');
    expect(month('fevrier 2026', 'fr-CH')).toBe('2026-02');
    expect(month('août 2026', 'fr-CH')).toBe('2026-08');
    expect(month('März 2026', 'de-CH')).toBe('2026-03');
    expect(month('maerz 2026', 'de-CH')).toMatch(/^error/);
    expect(month('dez 2026', 'de-CH')).toBe('2026-12');
    expect(month('may 2026', 'fr-CH')).toBe('2026-05');
  });

  it('reads back what the field shows, in any locale', () => {
    for (const locale of ['en-CH', 'fr-CH', 'de-CH', 'it-CH', 'ja-JP', 'ar-EG']) {
      for (const value of ['2026-01', '2026-11', '2031-05']) expect(month(formatMonth(value, locale), locale)).toBe(value);
    }
  });

  it('shows the month by name in the locale', () => {
    expect(formatMonth('2026-11', 'en-CH')).toBe('November 2026');
    expect(formatMonth('2026-11', 'fr-CH')).toBe('novembre 2026');
    expect(formatMonth('2026-03', 'de-CH')).toBe('März 2026');
    expect(formatMonth('', 'en-CH')).toBe('');
  });

  it('treats empty text as no month', () => {
    expect(parseMonth('   ', 'en-CH')).toEqual({ ok: true, month: '' });
  });

  it('explains an impossible or unclear month in words', () => {
    expect(month('2026-13')).toBe('error: There is no month 13: months go from 1 to 12.');
    expect(month('0.2026')).toBe('error: There is no month 0: months go from 1 to 12.');
    expect(month('ma 2026')).toBe('error: “ma” could be March or May: type a few more letters.');
    expect(month('ju 2026')).toMatch(/could be June or July/);
    expect(month('smarch 2026')).toMatch(/“smarch” is not a month/);
    expect(month('nov')).toMatch(/Add the year/);
    expect(month('11')).toMatch(/Add the year, e\.g\. 11\.2026/);
    expect(month('0202-11')).toMatch(/not a plausible year/);
    expect(month('1 2 2026')).toMatch(/Type the month and year/);
  });
});

describe('stepping months with the arrow keys', () => {
  it('goes across year ends both ways', () => {
    expect(stepMonth('2026-12', 1)).toBe('2027-01');
    expect(stepMonth('2026-01', -1)).toBe('2025-12');
    expect(stepMonth('2026-05', 12)).toBe('2027-05');
    expect(stepMonth('2026-05', -12)).toBe('2025-05');
  });
});
