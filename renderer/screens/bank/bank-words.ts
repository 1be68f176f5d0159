/** The Bank screen's sentences: an import's answer, a list's counts, why a line waits, what became of it. */
import type { BankImportResult, BankLine, BankLinesResult, BankStatement, ReviewCode } from '../../../shared/contract/bank';
import type { MovementResult } from '../../../shared/contract/payments';
import { PAYMENT_STATUS_LABELS } from '../../../shared/domain/vocabulary';
import { formatMoney, sumAmounts } from '../../../shared/money/money';
import { formatDate, formatDateSpan } from '../../../shared/format/dates';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "212 lines: 187 recorded automatically, 25 to review", the import's progress sentence. */
export function progressText(lines: number, recorded: number, toReview: number): string {
  return `${count(lines, 'line')}: ${recorded} recorded automatically, ${toReview} to review`;
}

/** The whole answer to an import, as the clerk reads it once the file is in. */
export function importedText(result: BankImportResult): string {
  const { statement, newLines, knownLines, recorded, toReview } = result;
  const known =
    knownLines === 0
      ? newLines === 1
        ? 'The line is new.'
        : `All ${newLines} are new.`
      : newLines === 0
        ? `${knownLines === 1 ? 'The line was' : `All ${knownLines} were`} already known from an earlier file: nothing was recorded twice.`
        : `${newLines} new, ${knownLines} already known from an earlier file (not recorded again).`;
  const notBooked = statement.notBooked > 0 ? ` ${count(statement.notBooked, 'pending or information-only entry', 'pending or information-only entries')} not read as payments.` : '';
  return `${statement.fileName}: ${progressText(statement.lines, recorded, toReview)}. ${known}${notBooked}`;
}

/** The counts over the lines shown: "212 lines: 187 recorded automatically, 25 to review, 1 set aside". */
export function countsText(counts: BankLinesResult['counts']): string {
  const byHand = counts.recorded - counts.recordedAutomatically;
  return [
    progressText(counts.lines, counts.recordedAutomatically, counts.toReview),
    ...(byHand > 0 ? [`${byHand} recorded by hand`] : []),
    ...(counts.setAside > 0 ? [`${counts.setAside} set aside`] : []),
  ].join(', ');
}

/** Why a line waits, in a few words (the back end's reason says the rest). */
export const REVIEW_CODE_WORDS: Record<ReviewCode, string> = {
  no_reference: 'No reference',
  unknown_reference: 'Unknown reference',
  several_candidates: 'Several invoices named',
  already_paid: 'Already paid',
  credited: 'Invoice credited',
  other_currency: 'Another currency',
  not_invoiced: 'Not invoiced yet',
  cancelled: 'Order cancelled',
  closed_month: 'Closed month',
  before_order: 'Before the order',
  debit: 'Money paid out',
  reversal: 'Bank reversal',
  undetailed_batch: 'Batch without details',
  payment_reversed: 'Payment reversed',
  not_recorded: 'Not recorded',
};

export const LINE_STATUS_WORDS: Record<BankLine['status'], string> = { to_review: 'To review', recorded: 'Recorded', set_aside: 'Set aside' };

export function kindWords(statement: BankStatement): string {
  return statement.kind === 'camt.053' ? 'Statement (camt.053)' : 'Notification (camt.054)';
}

export function periodWords(statement: BankStatement, locale: string): string {
  if (!statement.from || !statement.to) return '—';
  return formatDateSpan(statement.from, statement.to, locale);
}

/** "4, all new" · "4, all known before" · "10: 6 new, 4 known before". */
export function statementLinesWords(statement: BankStatement): string {
  if (statement.knownLines === 0) return statement.newLines === 1 ? 'new' : 'all new';
  if (statement.newLines === 0) return statement.knownLines === 1 ? 'known before' : 'all known before';
  return `${statement.newLines} new, ${statement.knownLines} known before`;
}

/** Who paid, or who was paid, as the bank names them. */
export function payerWords(line: BankLine): string {
  return line.counterparty.name || (line.direction === 'debit' ? 'Payee not named' : 'Payer not named');
}

/** The reference as the bank gave it: "QR reference 00 00000 …", "RF18 INV…". */
export function referenceWords(line: BankLine): string {
  if (!line.reference) return '';
  return line.referenceType === 'QRR' ? `QR reference ${line.reference}` : `Reference ${line.reference}`;
}

/** After the clerk assigned a line: what each order got and where it stands now. */
export function assignedText(line: BankLine, movements: MovementResult[], locale: string): string {
  const money = (value: string) => formatMoney(value, line.currency, locale);
  const paid = movements.filter((m) => m.payment.kind !== 'write_off');
  const fees = movements.flatMap((m) => [...(m.payment.kind === 'write_off' ? [m.payment] : []), ...(m.feesWrittenOff ? [m.feesWrittenOff] : [])]);
  const last = new Map<number, MovementResult>();
  for (const m of movements) last.set(m.payment.orderId, m);
  const orders = paid.map((m) => {
    const allocation = line.allocations.find((a) => a.paymentId === m.payment.id);
    const invoice = allocation?.invoiceNumber ? ` (${allocation.invoiceNumber})` : '';
    const status = PAYMENT_STATUS_LABELS[last.get(m.payment.orderId)!.paymentStatus].toLowerCase();
    return `${money(m.payment.amount)} on order ${allocation?.orderNumber ?? m.payment.orderId}${invoice}, now ${status}`;
  });
  const what = line.direction === 'debit' ? 'paid out as a refund' : 'recorded';
  const feeText = fees.length > 0 ? ` Bank fees of ${money(sumAmounts(fees.map((f) => f.amount), line.currency))} written off.` : '';
  return `${payerWords(line)}, ${money(line.amount)} booked ${formatDate(line.bookedOn, locale)}: ${what}: ${orders.join('; ')}.${feeText}`;
}
