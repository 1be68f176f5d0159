/** How a backup is named on the Backups panel and in its restore dialogs. */
import type { BackupInfo } from '../../../shared/contract/backups';
import { formatDateTime, formatLongDate } from '../../../shared/format/dates';

/** With seconds: two backups made a minute apart must be told apart. */
export function when(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { seconds: true });
}

/** The day a database was started, as its clerk would say it ("3 March 2026"). */
function day(iso: string, locale: string): string {
  return formatLongDate(iso, locale);
}

export function contents(b: BackupInfo): string {
  return b.counts ? `${b.counts.orders} orders, ${b.counts.customers} customers, ${b.counts.publications} publications` : '';
}

/** "“Publications Unit”, started 3 March 2026": what a clerk recognises another database by. */
export function databaseName(b: BackupInfo, locale: string): string {
  return b.database ? `“${b.database.unitName}”, started ${day(b.database.createdAt, locale)}` : '';
}
