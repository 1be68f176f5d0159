import { describe, expect, it } from 'vitest';
import { SettingsPatch } from '../../shared/contract/settings';
import {
  addDays,
  businessDay,
  daysBetween,
  daysInMonth,
  daysOf,
  DEFAULT_TIME_ZONE,
  lastDayOf,
  monthBounds,
  monthEnd,
  previousMonth,
  stepMonth,
  timeZoneName,
} from '../../shared/domain/calendar';

// Every expectation here holds whatever zone the process runs in (TZ=Pacific/Kiritimati,
// TZ=America/Los_Angeles…): the unit's day depends on the unit's zone only.
const at = (iso: string) => new Date(iso);

describe("the unit's day", () => {
  it('is the date in Geneva: 00:30 there on 7 December is 23:30 UTC on the 6th', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Zurich');
    expect(businessDay(at('2026-12-06T23:30:00Z'), 'Europe/Zurich')).toBe('2026-12-07');
    expect(businessDay(at('2026-12-06T22:59:59Z'), 'Europe/Zurich')).toBe('2026-12-06');
    expect(businessDay(at('2026-12-06T23:30:00Z'), 'UTC')).toBe('2026-12-06');
  });

  it('turns at local midnight on both sides of the daylight-saving changes', () => {
    // Summer time starts on 29 March 2026 (02:00 → 03:00) and ends on 25 October 2026 (03:00 → 02:00).
    expect(businessDay(at('2026-03-28T22:59:59Z'), 'Europe/Zurich')).toBe('2026-03-28');
    expect(businessDay(at('2026-03-28T23:00:00Z'), 'Europe/Zurich')).toBe('2026-03-29');
    expect(businessDay(at('2026-03-29T21:59:59Z'), 'Europe/Zurich')).toBe('2026-03-29');
    expect(businessDay(at('2026-03-29T22:00:00Z'), 'Europe/Zurich')).toBe('2026-03-30');
    expect(businessDay(at('2026-10-24T21:59:59Z'), 'Europe/Zurich')).toBe('2026-10-24');
    expect(businessDay(at('2026-10-24T22:00:00Z'), 'Europe/Zurich')).toBe('2026-10-25');
    expect(businessDay(at('2026-10-25T22:59:59Z'), 'Europe/Zurich')).toBe('2026-10-25');
    expect(businessDay(at('2026-10-25T23:00:00Z'), 'Europe/Zurich')).toBe('2026-10-26');
  });

  it('starts a new month and a new year at midnight in the zone, not in UTC', () => {
    const firstOfDecember = businessDay(at('2026-11-30T23:00:00Z'), 'Europe/Zurich');
    expect(firstOfDecember).toBe('2026-12-01');
    expect(monthEnd('2026-11', firstOfDecember).ended).toBe(true);
    expect(monthEnd('2026-11', businessDay(at('2026-11-30T22:59:59Z'), 'Europe/Zurich')).ended).toBe(false);
    expect(businessDay(at('2026-12-31T23:00:00Z'), 'Europe/Zurich')).toBe('2027-01-01');
    expect(previousMonth(businessDay(at('2026-12-31T23:00:00Z'), 'Europe/Zurich'))).toBe('2026-12');
  });

  it('follows zones far east and west of UTC', () => {
    // Kiritimati is UTC+14: its day starts at 10:00 UTC of the day before.
    expect(businessDay(at('2026-12-06T09:59:59Z'), 'Pacific/Kiritimati')).toBe('2026-12-06');
    expect(businessDay(at('2026-12-06T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-07');
    expect(businessDay(at('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(businessDay(at('2026-12-07T07:59:59Z'), 'America/Los_Angeles')).toBe('2026-12-06');
    expect(businessDay(at('2026-12-07T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-07');
  });
});

describe('time zone names', () => {
  it('takes IANA names as Intl spells them', () => {
    expect(timeZoneName('Europe/Zurich')).toBe('Europe/Zurich');
    expect(timeZoneName('europe/zurich')).toBe('Europe/Zurich');
    expect(timeZoneName('Pacific/Kiritimati')).toBe('Pacific/Kiritimati');
    expect(timeZoneName('UTC')).toBe('UTC');
  });

  it('refuses names Intl does not know and bare offsets', () => {
    for (const name of ['Europe/Geneva', 'Mars/Olympus', '', '+01:00', '-05:00', 'CET+1']) expect(timeZoneName(name), name).toBeNull();
  });

  it('refuses an unknown zone in Settings, naming the field', () => {
    const result = SettingsPatch.safeParse({ timeZone: 'Europe/Geneva' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['timeZone', 'Time zone must be a time zone name such as Europe/Zurich or America/New_York.']]);
    expect(SettingsPatch.parse({ timeZone: ' america/new_york ' }).timeZone).toBe('America/New_York');
  });
});

describe('day and month sums', () => {
  it('adds days across month ends, year ends and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // over the spring daylight-saving change
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(daysOf('2026-10-24', '2026-10-27')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('counts a month by its real length, leap years included', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(lastDayOf('2026-11')).toBe('2026-11-30');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(monthBounds('2026-12')).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('steps months across years both ways', () => {
    expect(stepMonth('2026-12', 1)).toBe('2027-01');
    expect(stepMonth('2026-01', -1)).toBe('2025-12');
    expect(stepMonth('2026-09', 1)).toBe('2026-10');
    expect(stepMonth('2026-03', -15)).toBe('2024-12');
    expect(previousMonth('2027-01-15')).toBe('2026-12');
  });
});

describe('when a month can be closed', () => {
  it('is not ended on any of its own days, first and last included', () => {
    expect(monthEnd('2026-11', '2026-11-01')).toEqual({ ended: false, closableFrom: '2026-12-01' });
    expect(monthEnd('2026-11', '2026-11-30')).toEqual({ ended: false, closableFrom: '2026-12-01' });
  });

  it('has ended from the first day of the next month on', () => {
    expect(monthEnd('2026-11', '2026-12-01').ended).toBe(true);
    expect(monthEnd('2026-11', '2027-03-15').ended).toBe(true);
  });

  it('is not ended for a future month', () => {
    expect(monthEnd('2027-02', '2026-11-20')).toEqual({ ended: false, closableFrom: '2027-03-01' });
  });

  it('carries December into January of the next year', () => {
    expect(monthEnd('2026-12', '2026-12-31')).toEqual({ ended: false, closableFrom: '2027-01-01' });
    expect(monthEnd('2026-12', '2027-01-01').ended).toBe(true);
  });

  it('counts February by its real length, leap years included', () => {
    expect(monthEnd('2028-02', '2028-02-29').ended).toBe(false);
    expect(monthEnd('2028-02', '2028-03-01').ended).toBe(true);
  });
});
