/**
 * What an order's invoices and credit notes say it owes: the sum of its invoices (null while it
 * has none) and of its credit notes. Fed into the one balance function.
 */
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

export interface InvoicedAmounts {
  invoiced: string | null;
  credited: string;
}

export function invoicedAmounts(ctx: ServiceContext, orderId: number, currency: CurrencyCode): InvoicedAmounts {
  const row = statement(
    ctx,
    `SELECT sum(CASE WHEN kind = 'invoice' THEN total_minor END) AS invoiced,
            coalesce(sum(CASE WHEN kind = 'credit_note' THEN total_minor END), 0) AS credited
     FROM invoices WHERE order_id = ?`,
  ).get(orderId) as { invoiced: number | null; credited: number };
  return { invoiced: row.invoiced === null ? null : fromMinorUnits(row.invoiced, currency), credited: fromMinorUnits(row.credited, currency) };
}
