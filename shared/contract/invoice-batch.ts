/**
 * Issuing a month's invoices in one go, and taking their PDFs away together.
 *
 * There is deliberately no "issue the batch" method: the screen calls invoices.issue once per
 * order, in order. Each call is its own immediate transaction (number, row, PDF, hash and
 * lifecycle together), so stopping between two calls leaves every invoice either complete or
 * not started, Cancel needs no server-side state, and progress is simply "calls answered".
 * The PDF of each is rendered in the worker, so the window and the server stay responsive.
 * Each call carries an idempotency key made from the run's key and the order id
 * (renderer/screens/invoices/batch/batch-runner.ts), so a run sent again issues nothing twice.
 */
import { z } from 'zod';
import { method } from './define';
import { id } from './fields';
import { monthText } from './reports';
import type { CurrencyCode } from '../money/currencies';
import type { ExportFile } from './transfer';

/** Most PDFs in one ZIP: a bigger batch is downloaded as several ZIPs. */
export const MAX_ZIP_INVOICES = 500;

export const UninvoicedInput = z.object({ month: monthText('Month') });

export const InvoiceZipInput = z.object({
  ids: z
    .array(id('Invoice'), { error: 'Invoices must be a list of invoice ids.' })
    .min(1, { error: 'Choose at least one invoice to put in the ZIP.' })
    .max(MAX_ZIP_INVOICES, { error: `A ZIP holds at most ${MAX_ZIP_INVOICES} invoices; download a bigger batch in parts.` }),
  /**
   * The month whose orders these invoices are for (a month's batch): names the ZIP, since
   * November's batch is issued in December. Without it, the ZIP is named by the months of issue.
   */
  month: monthText('Month').optional(),
});

/** An order a batch would invoice: received in the month, still `received` (not invoiced, not cancelled). */
export interface UninvoicedOrder {
  id: number;
  number: string;
  receivedOn: string;
  customerName: string;
  currency: CurrencyCode;
  total: string;
}

export interface UninvoicedTotal {
  currency: CurrencyCode;
  /** How many of the orders are in this currency. */
  orders: number;
  /** Their totals added by the money module, in this currency. */
  total: string;
}

export interface UninvoicedMonth {
  month: string;
  /** Oldest first (by date received, then number): the order the batch issues them in. */
  orders: UninvoicedOrder[];
  /** One entry per currency present, in CHF, EUR, USD order. */
  totals: UninvoicedTotal[];
  /** What would make some of them fail (e.g. no bank account for a currency in Settings), found before starting. */
  problems: string[];
}

export const invoiceBatchMethods = {
  'invoices.uninvoiced': method<UninvoicedMonth>()(UninvoicedInput),
  /** The stored PDFs, byte for byte, each named by its number (INV-2026-00012.pdf), in one ZIP. */
  'invoices.zip': method<ExportFile>()(InvoiceZipInput),
};
