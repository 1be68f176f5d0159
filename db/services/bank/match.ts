/**
 * What a bank line pays, most certain first: a QR reference, an RF creditor reference, then an
 * invoice or order number in the free text. The import records a line by itself only when this
 * points to exactly one open invoice in the line's currency and nothing else stands in the way
 * (a closed month, a payment dated before its order); every other line goes to review with the
 * reason in words. Amount rules: equal settles; short by no more than the charges the bank
 * reported or the tolerance in Settings settles with a bank-fee write-off of the difference;
 * short by more is a partial payment; over is an overpayment.
 */
import type { ReviewCode } from '../../../shared/contract/bank';
import { invoiceNumberOfCreditorReference, invoiceNumberOfQrReference, numbersInText, type NumberMention } from '../../../shared/domain/bank-references';
import { monthLabel } from '../reports/period';
import { monthOf } from '../../../shared/domain/calendar';
import { formatMoney, fromMinorUnits, toMinorUnits } from '../../../shared/money/money';
import type { CurrencyCode } from '../../../shared/money/currencies';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { isMonthClosed } from '../reports/closed-months';
import { getSettings } from '../settings';
import { getOrderHead, type OrderHead } from '../orders/read';
import type { PreparedLine } from './prepare';
import type { BankLineRow, NewLineRow } from './store';

export interface MatchTarget {
  orderId: number;
  orderNumber: string;
  /** The invoice the reference or number names (null when only the order was named). */
  invoiceNumber: string | null;
  /** How the line points to it: "QR reference 00…74 of INV-2026-00017". */
  how: string;
}

export type Decision =
  | {
      kind: 'record';
      target: MatchTarget;
      /** The order as decide read it in this transaction: the payment starts from it (recordPaymentEntry). */
      order: OrderHead;
      invoiceNumber: string;
      paymentMinor: number;
      writeOffMinor: number;
      feesMinor: number | null;
      outcome: 'paid' | 'paid_with_fees' | 'partial' | 'overpaid';
    }
  | { kind: 'review'; code: ReviewCode; reason: string; targets: MatchTarget[] };

/** What never changes of an issued invoice (its row is never updated nor deleted): safe to read ahead, on another connection. */
export interface IssuedInvoice {
  id: number;
  kind: 'invoice' | 'credit_note';
  number: string;
  order_id: number;
  order_number: string;
  total_minor: number;
}

interface InvoiceFacts extends IssuedInvoice {
  /** Credit notes (issued since, perhaps) cover it in full. */
  credited: boolean;
}

/** The issued invoices with these numbers, by number (numbers no invoice has are left out). */
export function issuedInvoices(ctx: ServiceContext, numbers: readonly string[]): Map<string, IssuedInvoice> {
  const found = new Map<string, IssuedInvoice>();
  const read = statement(ctx, 'SELECT i.id, i.kind, i.number, i.order_id, o.number AS order_number, i.total_minor FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.number = ?');
  for (const number of numbers) {
    const invoice = read.get(number) as IssuedInvoice | undefined;
    if (invoice) found.set(number, invoice);
  }
  return found;
}

/** `known`: invoices read ahead (issuedInvoices); a number not among them is read here, as it may have been issued since. */
function invoiceByNumber(ctx: ServiceContext, number: string, known?: ReadonlyMap<string, IssuedInvoice>): InvoiceFacts | undefined {
  const invoice = known?.get(number) ?? issuedInvoices(ctx, [number]).get(number);
  if (!invoice) return undefined;
  const creditedMinor = statement(ctx, 'SELECT coalesce(sum(total_minor), 0) FROM invoices WHERE credits_invoice_id = ?').pluck().get(invoice.id) as number;
  return { ...invoice, credited: invoice.total_minor > 0 && creditedMinor >= invoice.total_minor };
}

function orderByNumber(ctx: ServiceContext, number: string): { id: number; number: string } | undefined {
  return statement(ctx, 'SELECT id, number FROM orders WHERE number = ?').get(number) as { id: number; number: string } | undefined;
}

/** The order's invoice not fully credited, if any. */
export function openInvoiceNumber(ctx: ServiceContext, orderId: number): string | null {
  const row = statement(
    ctx,
    `SELECT i.number FROM invoices i WHERE i.order_id = ? AND i.kind = 'invoice'
       AND NOT (i.total_minor > 0 AND coalesce((SELECT sum(c.total_minor) FROM invoices c WHERE c.credits_invoice_id = i.id), 0) >= i.total_minor)
     ORDER BY i.id DESC LIMIT 1`,
  ).get(orderId) as { number: string } | undefined;
  return row?.number ?? null;
}

function shortReference(reference: string): string {
  return reference.length > 12 ? `${reference.slice(0, 4)}…${reference.slice(-6)}` : reference;
}

interface Found {
  targets: MatchTarget[];
  /** Numbers or references the line gives that are no invoice or order of Order Desk. */
  unknown: string[];
  /** Invoices named that credit notes cover in full. */
  credited: string[];
}

function targetOfInvoice(ctx: ServiceContext, number: string, how: string, found: Found, known?: ReadonlyMap<string, IssuedInvoice>): void {
  const invoice = invoiceByNumber(ctx, number, known);
  if (!invoice || invoice.kind !== 'invoice') {
    found.unknown.push(how);
    return;
  }
  if (invoice.credited) found.credited.push(invoice.number);
  found.targets.push({ orderId: invoice.order_id, orderNumber: invoice.order_number, invoiceNumber: invoice.number, how });
}

function resolveMention(ctx: ServiceContext, mention: NumberMention, found: Found): void {
  const how = `“${mention.written}” in the text`;
  if (mention.kind === 'invoice') return targetOfInvoice(ctx, mention.number, `${how} (${mention.number})`, found);
  const order = orderByNumber(ctx, mention.number);
  if (mention.kind === 'order') {
    if (order) found.targets.push({ orderId: order.id, orderNumber: order.number, invoiceNumber: null, how: `${how} (order ${order.number})` });
    else found.unknown.push(how);
    return;
  }
  // A bare 2026-00017: an invoice number written without INV, or an order number.
  const invoice = invoiceByNumber(ctx, `INV-${mention.number}`);
  if (invoice?.kind === 'invoice') targetOfInvoice(ctx, invoice.number, `${how} (${invoice.number})`, found);
  if (order) found.targets.push({ orderId: order.id, orderNumber: order.number, invoiceNumber: null, how: `${how} (order ${order.number})` });
  if (!order && invoice?.kind !== 'invoice') found.unknown.push(how);
}

function invoiceNumberOfReference(type: 'QRR' | 'SCOR', reference: string): string | null {
  return type === 'QRR' ? invoiceNumberOfQrReference(reference) : invoiceNumberOfCreditorReference(reference);
}

/** The invoice numbers the lines' QR and RF references name, once each: what an import reads ahead (issuedInvoices). */
export function invoiceNumbersReferenced(lines: readonly PreparedLine[]): string[] {
  const numbers = new Set<string>();
  for (const { tx } of lines) {
    const number = tx.referenceType === '' ? null : invoiceNumberOfReference(tx.referenceType, tx.reference);
    if (number) numbers.add(number);
  }
  return [...numbers];
}

/** Everything the line's reference and text point to, one target per order. `known`: invoices read ahead (issuedInvoices). */
export function targetsOf(ctx: ServiceContext, line: Pick<BankLineRow, 'reference_type' | 'reference' | 'text'>, known?: ReadonlyMap<string, IssuedInvoice>): Found {
  const found: Found = { targets: [], unknown: [], credited: [] };
  if (line.reference_type !== '') {
    const number = invoiceNumberOfReference(line.reference_type, line.reference);
    const qr = line.reference_type === 'QRR';
    if (number) targetOfInvoice(ctx, number, qr ? `QR reference ${shortReference(line.reference)} of ${number}` : `reference ${line.reference} of ${number}`, found, known);
    else found.unknown.push(qr ? `QR reference ${line.reference}` : `reference ${line.reference}`);
  }
  // A structured reference is certain: the text is read only without one that names an invoice.
  if (found.targets.length === 0) for (const mention of numbersInText(line.text)) resolveMention(ctx, mention, found);
  const byOrder = new Map<number, MatchTarget>();
  for (const t of found.targets) {
    const seen = byOrder.get(t.orderId);
    if (!seen || (seen.invoiceNumber === null && t.invoiceNumber !== null)) byOrder.set(t.orderId, t);
  }
  return { ...found, targets: [...byOrder.values()] };
}

function money(minor: number, currency: CurrencyCode): string {
  return formatMoney(fromMinorUnits(minor, currency), currency);
}

export interface DecideOptions {
  today: string;
  /** Settings' bank fee tolerance per currency, in minor units. */
  toleranceMinor: Record<CurrencyCode, number>;
  /** Invoices the file's references name, read ahead while earlier lines were stored (issuedInvoices). */
  knownInvoices?: ReadonlyMap<string, IssuedInvoice>;
}

export function decideOptions(ctx: ServiceContext, today: string, knownInvoices?: ReadonlyMap<string, IssuedInvoice>): DecideOptions {
  const tolerance = getSettings(ctx).settings.bankFeeTolerance;
  const toleranceMinor = Object.fromEntries(Object.entries(tolerance).map(([currency, value]) => [currency, toMinorUnits(value, currency as CurrencyCode)])) as Record<CurrencyCode, number>;
  return { today, toleranceMinor, ...(knownInvoices ? { knownInvoices } : {}) };
}

/**
 * The bank fees to write off when a credit line pays an order that owes `balanceMinor`: the
 * difference, when the line is short by no more than the charges the bank reported or the
 * tolerance in Settings; otherwise null (equal, over, or short by more: a partial payment).
 * The import and the review's suggestions both ask here, so a suggestion proposes exactly the
 * write-off the import would have made.
 */
export function feeShortfall(balanceMinor: number, line: Pick<BankLineRow, 'amount_minor' | 'charges_minor' | 'currency'>, toleranceMinor: Record<CurrencyCode, number>): number | null {
  const short = balanceMinor - line.amount_minor;
  if (short <= 0) return null;
  const tolerance = toleranceMinor[line.currency] ?? 0;
  return short <= tolerance || (line.charges_minor !== null && short <= line.charges_minor) ? short : null;
}

/** Decides what the import does with a new line. */
export function decide(ctx: ServiceContext, line: NewLineRow, { today, toleranceMinor, knownInvoices }: DecideOptions): Decision {
  const review = (code: ReviewCode, reason: string, targets: MatchTarget[] = []): Decision => ({ kind: 'review', code, reason, targets });
  if (line.undetailed_batch !== null) {
    return review('undetailed_batch', `A batch of ${line.undetailed_batch} payments booked together, without their details in this file. Import the bank’s camt.054 for ${line.booked_on}: its payments are then recorded one by one and this line is set aside.`);
  }
  if (line.reversal) return review('reversal', 'The bank marks this booking as a reversal of an earlier one.');
  if (line.direction === 'debit') return review('debit', 'Money paid out of the account: match it to a refund due, or set it aside.');
  const found = targetsOf(ctx, line, knownInvoices);
  const { targets } = found;
  if (targets.length === 0) {
    if (found.unknown.length > 0) return review('unknown_reference', `${found.unknown.join(', ')}: no invoice or order of Order Desk has it.`);
    return review('no_reference', 'No reference and no invoice or order number found in the payment.');
  }
  if (targets.length > 1) {
    return review('several_candidates', `The payment names ${targets.length} different orders (${targets.map((t) => t.invoiceNumber ?? `order ${t.orderNumber}`).join(', ')}): split it by hand.`, targets);
  }
  const target = targets[0]!;
  const order = getOrderHead(ctx, target.orderId);
  const balance = toMinorUnits(order.balance, order.currency);
  const name = target.invoiceNumber ?? `order ${order.number}`;
  if (target.invoiceNumber && found.credited.includes(target.invoiceNumber)) {
    return review('credited', `${target.how}, but ${target.invoiceNumber} was credited by a credit note.`, targets);
  }
  if (order.currency !== line.currency) {
    return review('other_currency', `${target.how}, but ${name} is in ${order.currency} and the payment in ${line.currency}.`, targets);
  }
  if (order.status === 'cancelled') return review('cancelled', `${target.how}, but order ${order.number} is cancelled.`, targets);
  const invoiceNumber = target.invoiceNumber ?? openInvoiceNumber(ctx, order.id);
  if (!invoiceNumber) return review('not_invoiced', `${target.how}, but order ${order.number} has no invoice yet: record the payment by hand.`, targets);
  if (balance <= 0) {
    return review('already_paid', `${target.how}, but ${invoiceNumber} is already paid (${balance < 0 ? `credit of ${money(-balance, order.currency)} held` : 'nothing left to pay'}).`, targets);
  }
  if (isMonthClosed(ctx, monthOf(line.booked_on))) {
    return review('closed_month', `${target.how}, but it was booked on ${line.booked_on}, in ${monthLabel(monthOf(line.booked_on))}, which is closed: record it in an open month or reopen the month.`, targets);
  }
  if (line.booked_on < order.receivedOn) {
    return review('before_order', `${target.how}, but it was booked on ${line.booked_on}, before order ${order.number} was received (${order.receivedOn}).`, targets);
  }
  if (line.booked_on > today) return review('not_recorded', `${target.how}, but it is booked on ${line.booked_on}, a day that has not come yet.`, targets);
  const resolved = { ...target, invoiceNumber };
  const paid = line.amount_minor;
  if (paid >= balance) {
    return { kind: 'record', target: resolved, order, invoiceNumber, paymentMinor: paid, writeOffMinor: 0, feesMinor: line.charges_minor, outcome: paid === balance ? 'paid' : 'overpaid' };
  }
  const short = feeShortfall(balance, line, toleranceMinor);
  if (short !== null) {
    return { kind: 'record', target: resolved, order, invoiceNumber, paymentMinor: paid, writeOffMinor: short, feesMinor: short, outcome: 'paid_with_fees' };
  }
  return { kind: 'record', target: resolved, order, invoiceNumber, paymentMinor: paid, writeOffMinor: 0, feesMinor: line.charges_minor, outcome: 'partial' };
}
