/**
 * What an order owes before any money moved, besides its own total: the sum of its invoices (null
 * while it has none), of its credit notes, and of the reminder fees booked on it and not waived
 * (db/migrations/0014_reminder_fees.ts). Fed into the one balance function.
 */
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

export interface InvoicedAmounts {
  invoiced: string | null;
  credited: string;
  fees: string;
}

export function invoicedAmounts(ctx: ServiceContext, orderId: number, currency: CurrencyCode): InvoicedAmounts {
  const row = statement(
    ctx,
    `SELECT sum(CASE WHEN kind = 'invoice' THEN total_minor END) AS invoiced,
            coalesce(sum(CASE WHEN kind = 'credit_note' THEN total_minor END), 0) AS credited,
            (SELECT coalesce(sum(amount_minor), 0) FROM reminder_fees WHERE order_id = @orderId AND waived_on IS NULL) AS fees
     FROM invoices WHERE order_id = @orderId`,
  ).get({ orderId }) as { invoiced: number | null; credited: number; fees: number };
  return {
    invoiced: row.invoiced === null ? null : fromMinorUnits(row.invoiced, currency),
    credited: fromMinorUnits(row.credited, currency),
    fees: fromMinorUnits(row.fees, currency),
  };
}
