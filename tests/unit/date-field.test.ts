import { describe, expect, it } from 'vitest';
import { dateExamples, dateOrder, formatDateLong, parseDate, stepDate } from '../../renderer/components/date-text';

const TODAY = '2026-12-10';
const date = (text: string, locale = 'en-CH', today = TODAY) => {
  const parsed = parseDate(text, locale, { label: 'Date received', today });
  return parsed.ok ? parsed.date : `error: ${parsed.message}`;
};

describe('typing a date', () => {
  it('reads the forms a Swiss clerk types: day first with dots or slashes, ISO, digits only', () => {
    for (const typed of ['6.12.2026', '06.12.2026', '06/12/2026', '6/12/2026', '2026-12-06', '2026/12/06', '2026.12.6', ' 6 12 2026 ', '06122026', '20261206', '061226']) {
      expect(date(typed), typed).toBe('2026-12-06');
    }
  });

  it('takes a two-digit year as this century’s, and a date without a year as the one nearest to today', () => {
    expect(date('6.12.26')).toBe('2026-12-06');
    expect(date('6.1.27')).toBe('2027-01-06');
    expect(date('6.12')).toBe('2026-12-06');
    // On 3 January, "28.12" is the December just gone, "5.1" this January.
    expect(date('28.12', 'en-CH', '2027-01-03')).toBe('2026-12-28');
    expect(date('5.1', 'en-CH', '2027-01-03')).toBe('2027-01-05');
  });

  it('follows the settings locale for the order of day and month', () => {
    expect(dateOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(dateOrder('fr-CH')).toEqual(['day', 'month', 'year']);
    expect(date('12/06/2026', 'en-US')).toBe('2026-12-06');
    expect(date('12/6/26', 'en-US')).toBe('2026-12-06');
    expect(date('06/12/2026', 'en-GB')).toBe('2026-12-06');
    expect(date('2026-12-06', 'en-US')).toBe('2026-12-06');
    expect(date('2026-12-06', 'sv-SE')).toBe('2026-12-06');
    expect(date('6.12.2026', 'sv-SE')).toBe('2026-12-06');
    expect(date('٠٦‏/١٢‏/٢٠٢٦', 'ar-EG')).toBe('2026-12-06');
  });

  it('reads month names in the locale and in English', () => {
    expect(date('6 dec 2026')).toBe('2026-12-06');
    expect(date('December 6, 2026', 'en-US')).toBe('2026-12-06');
    expect(date('6 décembre 2026', 'fr-CH')).toBe('2026-12-06');
    expect(date('6. Dezember 2026', 'de-CH')).toBe('2026-12-06');
    expect(date('6 dec')).toBe('2026-12-06');
  });

  it('refuses an impossible date with a message that names the field and says why', () => {
    expect(date('31.11.2026')).toBe('error: Date received: there is no 31 November 2026 — November has 30 days.');
    expect(date('29.2.2026')).toBe('error: Date received: there is no 29 February 2026 — 2026 is not a leap year.');
    expect(date('29.2.2028')).toBe('2028-02-29');
    expect(date('6.13.2026')).toMatch(/^error: Date received: there is no month 13/);
    expect(date('26117-12-06')).toMatch(/^error: Date received: 26117 is not a plausible year/);
    expect(date('2026-12')).toBe('error: Date received: type the day, month and year, e.g. 06.12.2026 or 2026-12-06.');
    expect(date('soon')).toMatch(/^error: Date received: type the day, month and year/);
    expect(date('12/13/2026', 'en-US')).toBe('2026-12-13');
    expect(date('13/12/2026', 'en-US')).toMatch(/^error: Date received: there is no month 13/);
  });

  it('leaves an empty field empty, steps by a day, and says the date in words', () => {
    expect(date('  ')).toBe('');
    expect(stepDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(formatDateLong('2026-12-06', 'en-CH')).toBe('Sunday, 6 December 2026');
    expect(formatDateLong('2026-12-06', 'fr-CH')).toBe('dimanche, 6 décembre 2026');
    expect(dateExamples('en-US')).toBe('12/6/2026 or 2026-12-06');
    expect(dateExamples('sv-SE')).toBe('2026-12-06');
  });
});
