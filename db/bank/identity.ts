/**
 * The identity of a booked transaction when the bank gives no reference of its own, or gives
 * different ones in its camt.054 and its camt.053: a hash of the account, direction, booking
 * date, amount, reference (or the free text) and counterparty, with a counter for identical
 * bookings in one file. Computed in the parsing worker, beside the parsing, to spare the main thread.
 */
import { hash } from 'node:crypto';
import { foldForMatch } from '../../shared/domain/text';
import type { CamtReport } from './camt-model';

/** "12.50", "12.5" and "012.500" are one amount. */
function canonicalAmount(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const f = fraction.replace(/0+$/, '');
  return `${whole.replace(/^0+(?=\d)/, '')}${f ? `.${f}` : ''}`;
}

export function assignContentKeys(reports: CamtReport[]): void {
  const occurrences = new Map<string, number>();
  for (const report of reports) {
    for (const tx of report.transactions) {
      const content = JSON.stringify([
        report.account,
        tx.direction,
        tx.bookedOn,
        canonicalAmount(tx.amount),
        tx.reference || foldForMatch(tx.text),
        foldForMatch(tx.counterparty.name),
        tx.counterparty.iban,
      ]);
      const occurrence = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, occurrence);
      // The one-shot hash: a Hash object per line cost six times as much, over thousands of lines.
      tx.contentKey = hash('sha256', `${content}#${occurrence}`, 'hex');
    }
  }
}
