/** Months as YYYY-MM text: the form the API, the screens and the services pass them in. */

/** The month a number of months away, e.g. stepMonth("2026-12", 1) is "2027-01"; text that is not a month is answered as it came. */
export function stepMonth(month: string, by: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
