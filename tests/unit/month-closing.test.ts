import { describe, expect, it } from 'vitest';
import { monthEnd } from '../../shared/domain/month-closing';
import { stepMonth } from '../../shared/domain/months';

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
    expect(stepMonth('2026-12', 1)).toBe('2027-01');
    expect(monthEnd('2026-12', '2026-12-31')).toEqual({ ended: false, closableFrom: '2027-01-01' });
    expect(monthEnd('2026-12', '2027-01-01').ended).toBe(true);
  });

  it('counts February by its real length, leap years included', () => {
    expect(monthEnd('2028-02', '2028-02-29').ended).toBe(false);
    expect(monthEnd('2028-02', '2028-03-01').ended).toBe(true);
    expect(stepMonth('2026-09', 1)).toBe('2026-10');
  });
});
