/**
 * The unit's calendar settings as the services read them: its time zone (which day "today" is)
 * and its first day of business (nothing is dated before it). Read from the settings table on
 * every call, one indexed row through a cached statement, so a change in Settings counts at once
 * (once per transaction where it cannot change: withStableReads in db/context.ts).
 */
import { DEFAULT_FIRST_BUSINESS_DAY, DEFAULT_TIME_ZONE } from '../shared/domain/calendar';
import type { ServiceContext } from './context';
import { statement } from './statements';

function storedText(ctx: ServiceContext, key: string, fallback: string): string {
  const memo = ctx.stableReads?.settings;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  const row = statement(ctx, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  const value: unknown = row ? JSON.parse(row.value) : undefined;
  const text = typeof value === 'string' ? value : fallback;
  memo?.set(key, text);
  return text;
}

export function unitTimeZone(ctx: ServiceContext): string {
  return storedText(ctx, 'timeZone', DEFAULT_TIME_ZONE);
}

export function firstBusinessDay(ctx: ServiceContext): string {
  return storedText(ctx, 'firstBusinessDay', DEFAULT_FIRST_BUSINESS_DAY);
}
