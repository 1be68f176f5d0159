/**
 * Numbered migrations, applied in order inside one transaction and tracked with
 * PRAGMA user_version. Kept as modules (not loose .sql files) so they travel inside
 * the packaged app's bundle. Never edit a released migration: add the next number.
 */
import { sql as schema } from './0001_schema';
import { sql as seedCatalogue } from './0002_seed_catalogue';
import { sql as customerDirectory } from './0003_customer_directory';
import { sql as orderListIndexes } from './0004_order_list_indexes';
import { sql as paymentsAndLifecycle } from './0005_payments_and_lifecycle';
import { sql as invoicesAndCreditNotes } from './0006_invoices_and_credit_notes';
import { sql as monthlyReports } from './0007_monthly_reports';
import { sql as databaseIdentity } from './0008_database_identity';
import { sql as moneySafeguards } from './0009_money_safeguards';
import { sql as bankStatements } from './0010_bank_statements';
import { sql as mailOutbox } from './0011_mail_outbox';
import { sql as reminders } from './0012_reminders';
import { sql as remindersByMail } from './0013_reminders_by_mail';
import { sql as reminderFees } from './0014_reminder_fees';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds tables that others reference: runs with foreign keys off, checked before commit. */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'schema', sql: schema },
  { version: 2, name: 'seed catalogue and issuer', sql: seedCatalogue },
  { version: 3, name: 'customer directory search and duplicates', sql: customerDirectory },
  { version: 4, name: 'order list and lookup indexes', sql: orderListIndexes },
  { version: 5, name: 'payments ledger, lifecycle and payment status', sql: paymentsAndLifecycle, rebuildsTables: true },
  { version: 6, name: 'invoices and credit notes: gapless series, stored PDFs, immutable', sql: invoicesAndCreditNotes, rebuildsTables: true },
  { version: 7, name: 'monthly reports: exchange rates, closed months, period indexes', sql: monthlyReports },
  { version: 8, name: 'database identity, recorded by its backups', sql: databaseIdentity },
  { version: 9, name: 'money safeguards: idempotency keys, bank fees written off with their transfer, orders found by ISBN', sql: moneySafeguards },
  { version: 10, name: 'bank statements: imported files, bank lines, their payments', sql: bankStatements },
  { version: 11, name: 'e-mail outbox: every mail a row before it is handed to the server', sql: mailOutbox },
  { version: 12, name: 'payment reminders: stored, immutable, one per invoice and level', sql: reminders },
  { version: 13, name: 'payment reminders by e-mail: an uncertain delivery, and a QR-bill for the open amount without the fee', sql: remindersByMail },
  { version: 14, name: 'reminder fees booked on the order: owed from the reminder, waived once with a reason', sql: reminderFees },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
