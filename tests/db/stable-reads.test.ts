import { afterEach, describe, expect, it } from 'vitest';
import { firstBusinessDay } from '../../db/business-calendar';
import { today, withStableReads } from '../../db/context';
import { isMonthClosed } from '../../db/services/reports/closed-months';
import { fakeRenderer } from '../support/fake-renderer';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

describe('settings and closed months read once for a transaction that cannot change them', () => {
  it('answer as first read through the stable context, while every other context sees a change at once', async () => {
    // Noon in Geneva, already the next day in Kiritimati.
    app = openTestApp(undefined, () => new Date('2026-12-01T12:00:00Z'), { documents: () => fakeRenderer() });
    const stable = withStableReads(app.ctx);
    expect(firstBusinessDay(stable)).toBe(firstBusinessDay(app.ctx));
    expect(today(stable)).toBe('2026-12-01');
    expect(isMonthClosed(stable, '2026-10')).toBe(false);

    await call(app, 'settings.set', { firstBusinessDay: '2026-03-01', timeZone: 'Pacific/Kiritimati' });
    await call(app, 'reports.closeMonth', { month: '2026-10' });

    expect(firstBusinessDay(app.ctx)).toBe('2026-03-01');
    expect(today(app.ctx)).toBe('2026-12-02');
    expect(isMonthClosed(app.ctx, '2026-10')).toBe(true);
    expect(firstBusinessDay(stable)).not.toBe('2026-03-01');
    expect(today(stable)).toBe('2026-12-01');
    expect(isMonthClosed(stable, '2026-10')).toBe(false);
    expect(firstBusinessDay(withStableReads(app.ctx))).toBe('2026-03-01');
  });
});
