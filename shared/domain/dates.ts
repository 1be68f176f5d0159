/** Calendar dates as YYYY-MM-DD in the clerk's local time (an order received today is today in Geneva). */
export function localIsoDate(at: Date = new Date()): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in UTC: the day the services' clock gives (db/context.ts today), for rules the screen and a service must agree on. */
export function utcIsoDate(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}
