/** How a backup is named on the Backups panel and in its restore dialogs. */
import type { BackupInfo } from '../../../shared/contract/backups';

export function when(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function day(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
}

export function contents(b: BackupInfo): string {
  return b.counts ? `${b.counts.orders} orders, ${b.counts.customers} customers, ${b.counts.publications} publications` : '';
}

/** "“Publications Unit”, started 3 March 2026": what a clerk recognises another database by. */
export function databaseName(b: BackupInfo, locale: string): string {
  return b.database ? `“${b.database.unitName}”, started ${day(b.database.createdAt, locale)}` : '';
}
