/**
 * Payment reminders (issue 17): which overdue invoices are due for their next reminder as of a
 * day, issuing them as stored, immutable PDFs (each with a QR-bill for what is still open and the
 * level's fee, booked on the order in the same transaction, under the invoice's own reference),
 * and reading them back.
 *
 * A reminder never goes to an invoice that is paid, credited in full or covered by credit the
 * customer holds on another order; never twice at one level; and always for what is open now,
 * after partial payments and credit notes (db/services/reminders/due.ts).
 */
import { z } from 'zod';
import { method } from './define';
import { enumOf, id, idempotencyKey, isoDate, requiredText, wholeNumber } from './fields';
import { CURRENCY_CODES, currencyExponent, type CurrencyCode } from '../money/currencies';
import { compareAmounts, decimalPlaces, isDecimalString } from '../money/money';
import { MAX_REMINDER_LEVELS, type ReminderLevel } from '../domain/reminder-levels';
import type { DocumentLanguage } from '../documents/invoice-document';
import type { InvoicePdfFile } from './invoices';
import type { MailStatus } from './mail';
import type { ExportFile } from './transfer';

/** The highest fee a level may add, in any currency. */
export const MAX_REMINDER_FEE = '1000';

function feeField(currency: CurrencyCode) {
  const label = `Fee in ${currency}`;
  return z
    .string({ error: `${label} must be written as text, e.g. "10.00".` })
    .max(40, { error: `${label} is not a valid amount.` })
    .trim()
    .refine((v) => v === '' || isDecimalString(v), { error: `${label} must be an amount such as 10 or 10.50 (or empty for none).` })
    .refine((v) => v === '' || !isDecimalString(v) || decimalPlaces(v) <= currencyExponent(currency), { error: `${label} can have at most ${currencyExponent(currency)} decimals.` })
    .refine((v) => v === '' || !isDecimalString(v) || compareAmounts(v, MAX_REMINDER_FEE) <= 0, { error: `${label} cannot be more than ${MAX_REMINDER_FEE}.` })
    .optional();
}

const FeesInput = z
  .strictObject(Object.fromEntries(CURRENCY_CODES.map((c) => [c, feeField(c)])) as Record<CurrencyCode, ReturnType<typeof feeField>>, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Fees can only be set in ${CURRENCY_CODES.join(', ')}.` : 'Fees must be one amount per currency.'),
  })
  // A fee left empty or at zero is no fee: kept out, so "no fee" is stored one way.
  .transform((fees) => Object.fromEntries(Object.entries(fees).filter(([, v]) => v !== undefined && v !== '' && compareAmounts(v, '0') > 0)) as ReminderLevel['fees']);

export const ReminderLevelInput = z.object({
  name: requiredText('Level name', 40),
  days: wholeNumber('Days', 1, 365),
  fees: FeesInput.default({}),
});

export const ReminderSettingsInput = z.object({
  levels: z
    .array(ReminderLevelInput, { error: 'Reminder levels must be a list.' })
    .min(1, { error: 'Keep at least one reminder level.' })
    .max(MAX_REMINDER_LEVELS, { error: `At most ${MAX_REMINDER_LEVELS} reminder levels.` }),
});

export const REMINDER_DELIVERIES = ['email', 'print'] as const;
export type ReminderDelivery = (typeof REMINDER_DELIVERIES)[number];

/**
 * Where a reminder's delivery stands, as its mail in the outbox says (mail.outbox { kind:
 * 'reminder', documentId: the reminder's id }): `email_pending` while the mail is queued or being
 * handed over (also while it waits for a retry), `email_accepted` once a mail server accepted it
 * (the only state that means sent), `email_failed` when it was refused or cancelled (mail.retry
 * sends it again), `email_uncertain` when Order Desk stopped during the handover (it may or may
 * not have arrived; only mail.retry sends it again). A letter is `to_print` from the start.
 */
export const REMINDER_DELIVERY_STATUSES = ['email_pending', 'email_accepted', 'email_failed', 'email_uncertain', 'to_print'] as const;
export type ReminderDeliveryStatus = (typeof REMINDER_DELIVERY_STATUSES)[number];

/**
 * Why an invoice no longer owes anything for its goods, so a reminder of it is not sent again:
 * `paid`, `credited` in full by credit notes, or `covered` by credit the customer holds on other
 * orders of the currency (db/services/reminders/due.ts, the rule reminders.due applies).
 */
export const SETTLED_SINCE = ['paid', 'credited', 'covered'] as const;
export type SettledSince = (typeof SETTLED_SINCE)[number];

/** An invoice due for its next reminder level as of a day. */
export interface DueReminder {
  invoiceId: number;
  /** The invoice's number. */
  number: string;
  orderId: number;
  orderNumber: string;
  /** The level due now (1 = first reminder). */
  level: number;
  /** The level's name in Settings. */
  levelName: string;
  /**
   * What is still open on the invoice, the order's balance: after payments, refunds, write-offs and
   * credit notes, with the fees of earlier reminders still open (`feesOpen`).
   */
  openAmount: string;
  currency: CurrencyCode;
  /** The fees of earlier reminders still open, within `openAmount` ("0.00" for none). */
  feesOpen: string;
  /** The fee the level sets in this currency ("0.00" for none): booked on the order when the reminder is issued. */
  fee: string;
  /** What the reminder asks for, its QR-bill's amount: the open amount and this level's fee. */
  total: string;
  dueOn: string;
  daysOverdue: number;
  customerId: number | null;
  customerName: string;
  /** The order's e-mail address (the customer record's when the order has none); "" for none. */
  email: string;
  language: DocumentLanguage;
  lastReminder: { level: number; date: string } | null;
}

export interface DueReminders {
  asOf: string;
  /** Oldest due date first. */
  reminders: DueReminder[];
  /** The unit's day of the latest bank-statement import, or null when none was ever imported. */
  lastBankImport: string | null;
}

export interface ReminderMail {
  id: number;
  status: MailStatus;
  /** The server's last answer in its own words; empty before any. */
  response: string;
  /** Why the last attempt did not end accepted (or why it is uncertain); empty otherwise. */
  error: string;
  /** The last time it was handed to the server (for an uncertain mail: when it was cut off); null before any. */
  sendingAt: string | null;
  acceptedAt: string | null;
}

export interface Reminder {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  customerName: string;
  level: number;
  levelName: string;
  issuedOn: string;
  currency: CurrencyCode;
  /** What was open when it was issued, the fees of earlier reminders still open included. */
  openAmount: string;
  /** Its level's fee, booked on the order when it was issued (from migration 14; before, printed only). */
  fee: string;
  /**
   * What the reminder asked for (its QR-bill): the open amount and the fee. Reminders issued between
   * migrations 13 and 14 asked for the open amount alone, the fee said to be invoiced separately.
   */
  total: string;
  language: DocumentLanguage;
  delivery: ReminderDelivery;
  deliveryStatus: ReminderDeliveryStatus;
  /** The address an e-mailed reminder goes to; "" for a letter. */
  email: string;
  /**
   * The reminder's mail in the outbox (mail.outbox { kind: 'reminder', documentId: this id }, or
   * { invoiceId }), as it stands: the server's last answer and, unless accepted, why not. Null
   * for a letter.
   */
  mail: ReminderMail | null;
  /**
   * For a reminder whose e-mail failed or is uncertain: why it is not sent again, its invoice no
   * longer owing anything for its goods today (mail.retry refuses it, and the outbox never hands
   * it over). Null while the invoice is still owed, and for every other reminder.
   */
  settledSince: SettledSince | null;
  /** "INV-2026-00012 reminder 1.pdf" */
  fileName: string;
  /** Hex SHA-256 of the stored PDF, taken when it was issued. */
  sha256: string;
  issuedBy: string;
  createdAt: string;
}

/** Most invoices reminded in one call (and PDFs in one ZIP). */
export const MAX_REMINDERS_PER_CALL = 500;

export const RemindersDueInput = z.object({
  /** The day the reminders are worked out for; today (the unit's day) when missing. */
  asOf: isoDate('As of').optional(),
});

export const RemindersIssueInput = z.object({
  invoiceIds: z
    .array(id('Invoice'), { error: 'Invoices must be a list of invoice ids.' })
    .min(1, { error: 'Choose at least one invoice to remind.' })
    .max(MAX_REMINDERS_PER_CALL, { error: `At most ${MAX_REMINDERS_PER_CALL} reminders can be issued at once.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'An invoice is listed twice.' }),
  delivery: enumOf('Delivery', REMINDER_DELIVERIES),
  idempotencyKey: idempotencyKey(),
});

export const RemindersListInput = z.object({
  /** These reminders (the ones a Send just issued, followed until their mails are settled). */
  ids: z
    .array(id('Reminder'), { error: 'Reminders must be a list of reminder ids.' })
    .max(MAX_REMINDERS_PER_CALL, { error: `At most ${MAX_REMINDERS_PER_CALL} reminders at once.` })
    .optional(),
  invoiceId: id('Invoice').optional(),
  customerId: id('Customer').optional(),
  /** Only reminders whose delivery is in one of these states (the Reminders screen's e-mails not delivered: email_failed, email_uncertain). */
  deliveryStatus: z
    .array(enumOf('Delivery status', REMINDER_DELIVERY_STATUSES), { error: `Delivery status must be a list of ${REMINDER_DELIVERY_STATUSES.join(', ')}.` })
    .min(1, { error: 'Delivery status must name at least one state (or be left out).' })
    .optional(),
  limit: wholeNumber('Limit', 1, 1000).default(200),
});

const reminderIds = (what: string) =>
  z
    .array(id('Reminder'), { error: 'Reminders must be a list of reminder ids.' })
    .min(1, { error: `Choose at least one reminder to ${what}.` })
    .max(MAX_REMINDERS_PER_CALL, { error: `At most ${MAX_REMINDERS_PER_CALL} reminders at once.` });

export const RemindersZipInput = z.object({ ids: reminderIds('put in the ZIP') });

export const reminderMethods = {
  'reminders.due': method<DueReminders>()(RemindersDueInput),
  /** Issues one reminder per invoice at its next level, all or none; refuses, naming them, invoices not due for one. */
  'reminders.issue': method<{ reminders: Reminder[] }>()(RemindersIssueInput),
  /** Newest first; of one invoice, one customer, the ones listed, or all; optionally only those in some delivery states. */
  'reminders.list': method<{ reminders: Reminder[] }>()(RemindersListInput),
  /** The stored bytes, checked against the SHA-256 taken when it was issued. */
  'reminders.pdf': method<InvoicePdfFile>()(z.object({ id: id('Reminder') })),
  /** The stored PDFs in one ZIP, for printing in browser mode. */
  'reminders.zip': method<ExportFile>()(RemindersZipInput),
};
