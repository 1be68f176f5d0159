/** Dates as readers see them: one module for screens (the clerk's locale) and documents (their language's). */
import { describe, expect, it } from 'vitest';
import { clerkDates, documentDates, formatDate, formatDateRange, formatDateTime, formatDayMonth, formatLongDate, formatMonth } from '../../shared/format/dates';
import { documentLocale } from '../../shared/documents/document-labels';

describe('calendar dates', () => {
  it('are written in the locale asked for, short in tables and long in sentences', () => {
    expect(formatDate('2026-11-27', 'en-GB')).toBe('27 Nov 2026');
    expect(formatLongDate('2026-11-27', 'en-GB')).toBe('27 November 2026');
    expect(formatLongDate('2025-03-14', documentLocale('fr'))).toBe('14 mars 2025');
    expect(formatLongDate('2025-03-14', documentLocale('es'))).toBe('14 de marzo de 2025');
    expect(formatDayMonth('2026-11-27', 'en-GB')).toBe('27 Nov');
    expect(formatDateRange('2026-01-01', '2026-12-31', 'en-GB', 'long')).toBe('1 January 2026 – 31 December 2026');
  });

  it('never move by a day, whatever the time zone of the computer (a date is not a moment)', () => {
    const zone = process.env.TZ;
    try {
      // Ten hours behind UTC, where midnight UTC is still the day before; a locale not formatted before, so no formatter is cached yet.
      process.env.TZ = 'America/Adak';
      expect(new Date('2026-01-01T00:00:00Z').getFullYear()).toBe(2025);
      expect(formatDate('2026-01-01', 'en-IE')).toBe('1 Jan 2026');
      expect(formatMonth('2026-01', 'en-IE')).toBe('January 2026');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('answer text that is not a date as it came', () => {
    expect(formatDate('', 'en-GB')).toBe('');
    expect(formatMonth('2026-13', 'en-GB')).toBe('2026-13');
    expect(formatDateTime('soon', 'en-GB')).toBe('soon');
  });
});

describe('months and moments', () => {
  it('name a month in the locale', () => {
    expect(formatMonth('2026-11', 'en-GB')).toBe('November 2026');
    expect(formatMonth('2026-11', 'fr-CH')).toBe('novembre 2026');
  });

  it('show a moment in the zone asked for; a document writes the month out and names the zone', () => {
    expect(formatDateTime('2026-12-01T08:30:00Z', 'en-GB', { timeZone: 'Europe/Zurich' })).toBe('1 Dec 2026, 09:30');
    expect(documentDates('en-GB').dateTime('2026-12-01T08:30:00Z')).toBe('1 December 2026 at 08:30 UTC');
    expect(clerkDates('en-GB').longDate('2026-12-01')).toBe('1 December 2026');
  });
});
