/** Reminder fees as stored (migration 14), read for the order's payments panel and the fee services. */
import type { ReminderFee } from '../../../shared/contract/payments';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

interface FeeRow {
  id: number;
  reminder_id: number;
  order_id: number;
  invoice_id: number;
  invoice_number: string;
  level: number;
  level_name: string;
  currency: CurrencyCode;
  amount_minor: number;
  charged_on: string;
  created_by: string;
  created_at: string;
  waived_on: string | null;
  waived_reason: string;
  waived_by: string | null;
  waived_at: string | null;
}

const FEES = `
  SELECT f.*, i.number AS invoice_number, r.level_name
  FROM reminder_fees f JOIN invoices i ON i.id = f.invoice_id JOIN reminders r ON r.id = f.reminder_id`;

function toFee(row: FeeRow): ReminderFee {
  return {
    id: row.id,
    reminderId: row.reminder_id,
    orderId: row.order_id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    level: row.level,
    levelName: row.level_name,
    currency: row.currency,
    amount: fromMinorUnits(row.amount_minor, row.currency),
    chargedOn: row.charged_on,
    recordedBy: row.created_by,
    recordedAt: row.created_at,
    waived: row.waived_on === null ? null : { on: row.waived_on, reason: row.waived_reason, by: row.waived_by!, at: row.waived_at! },
  };
}

export function orderReminderFees(ctx: ServiceContext, orderId: number): ReminderFee[] {
  return (statement(ctx, `${FEES} WHERE f.order_id = ? ORDER BY f.charged_on, f.id`).all(orderId) as FeeRow[]).map(toFee);
}

export function feeById(ctx: ServiceContext, id: number): ReminderFee | undefined {
  const row = statement(ctx, `${FEES} WHERE f.id = ?`).get(id) as FeeRow | undefined;
  return row ? toFee(row) : undefined;
}

