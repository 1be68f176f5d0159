/**
 * Every change the audit log records, per kind of record: the services can write no other
 * action (audit() takes an AuditEvent), and a screen that titles an entity's actions with a
 * Record<AuditAction<…>, string> fails to compile when an action is added without a title.
 */
import { IMPORT_KINDS } from './transfer';

export const AUDIT_ACTIONS = {
  order: [
    'create',
    'update',
    'cancel',
    'ship',
    'close',
    /** An invoice was issued for it. */
    'invoice',
    /** A credit note covered its invoice in full and took it back to received. */
    'credit',
    'payment',
    'refund',
    'write_off',
    'credit_in',
    'credit_out',
    'reverse',
    /** Moved to another customer record by a merge. */
    'customer_merged',
    /** A payment reminder was issued for its invoice (issue 17), with its fee booked when its level has one. */
    'reminder',
    /** A reminder fee booked on it was waived, with a reason. */
    'waive_reminder_fee',
  ],
  customer: ['create', 'update', 'merge', 'merged_into', 'not_duplicate'],
  publication: ['create', 'update', 'price', 'price_withdrawn'],
  /** Invoices and credit notes: `credit` is the issue of a credit note. */
  invoice: ['issue', 'credit'],
  report_month: ['set_rates', 'close', 'reopen'],
  settings: ['update'],
  database: ['restore'],
  /**
   * The outbox: a mail queued, queued again, cancelled; `withhold`: failed by the sender instead of
   * handed over, because what it says no longer holds (a reminder whose invoice was paid since);
   * `password` is a change of the mail password (never its value).
   */
  mail: ['queue', 'retry', 'cancel', 'withhold', 'password'],
  /** The action is the kind of file imported. */
  import: IMPORT_KINDS,
  /** A bank statement file imported (db/services/bank). */
  bank_statement: ['import'],
  /** What happened to one bank line: recorded by the import, sent to review, assigned by a clerk, set aside. */
  bank_line: ['record_automatically', 'to_review', 'assign', 'set_aside'],
} as const satisfies Record<string, readonly string[]>;

export type AuditEntity = keyof typeof AUDIT_ACTIONS;
export type AuditAction<E extends AuditEntity = AuditEntity> = (typeof AUDIT_ACTIONS)[E][number];

/** One entity with one of its own actions: `{ entity: 'order', action: 'merge' }` does not type-check. */
export type AuditEvent<E extends AuditEntity = AuditEntity> = { [K in E]: { entity: K; action: AuditAction<K> } }[E];

/** One audit record as the history screens read it. */
export type AuditEntry<E extends AuditEntity = AuditEntity> = AuditEvent<E> & {
  id: number;
  at: string;
  actor: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
};
