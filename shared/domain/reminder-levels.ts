/**
 * Payment reminder levels (issue 17): how many reminders an overdue invoice gets, when each is
 * due and what fee each adds. Level 1 is due `days` after the invoice's due date; every later
 * level `days` after the reminder before it was issued. The level's name is what the screens
 * say; the PDF says the level in the invoice's language (shared/documents/document-labels.ts).
 */
import type { CurrencyCode } from '../money/currencies';

/** At most this many levels: the PDF has an ordinal word for each. */
export const MAX_REMINDER_LEVELS = 5;

export interface ReminderLevel {
  /** What the screens call it: "Reminder", "Second reminder", "Final notice". */
  name: string;
  /** Level 1: days after the invoice's due date; later levels: days after the previous reminder. */
  days: number;
  /** The fee this level adds, per currency, as a decimal string; a currency left out adds none. */
  fees: Partial<Record<CurrencyCode, string>>;
}

export interface ReminderSettings {
  levels: ReminderLevel[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  levels: [
    { name: 'Reminder', days: 10, fees: {} },
    { name: 'Second reminder', days: 20, fees: {} },
    { name: 'Final notice', days: 20, fees: {} },
  ],
};

/** The level's fee in `currency`, "0" when it has none. */
export function levelFee(level: ReminderLevel, currency: CurrencyCode): string {
  return level.fees[currency] ?? '0';
}

/** "Reminder fee, level 2 (INV-2026-00017)": how the payments panel, the history and refusals name a fee booked on an order. */
export function reminderFeeLabel(fee: { level: number; invoiceNumber: string }): string {
  return `Reminder fee, level ${fee.level} (${fee.invoiceNumber})`;
}
