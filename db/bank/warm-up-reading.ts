/**
 * A reading worker waiting for its file warms up its reader: it reads statements of its own, so
 * the code that parses and prepares lines (read-file.ts) is compiled to fast machine code before
 * the clerk's file comes. Cold, it read the bench's statement in about 0.5 s instead of 0.3 s,
 * and the import waits for that read. Nothing of it touches a database; it reads in slices of a
 * few milliseconds and stops at the first slice after the file came.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { creditorReferenceFor, qrReferenceFor } from '../../shared/documents/qr-bill';
import { creditsBookedUnder } from '../../shared/domain/bank-accounts';
import { DEMO_BANK_ACCOUNTS } from '../../shared/domain/demo-books';
import { camt054Xml, type CreditNotification } from './camt054-writer';
import { readStatementFile } from './read-file';

/** Payments per statement, and statements read: slices of a few milliseconds, enough for V8 to optimise the reader. */
const PAYMENTS = 200;
const ROUNDS = 25;

/** A day's camt.054 of the demo accounts: QR references in CHF, RF references in EUR, one in ten with charges. */
function warmUpStatement(): string {
  const notifications: CreditNotification[] = (['CHF', 'EUR'] as const).map((currency) => {
    return {
      id: `WARM-UP-${currency}`,
      iban: creditsBookedUnder(DEMO_BANK_ACCOUNTS.find((a) => a.currency === currency)!)!,
      currency,
      day: '2026-01-05',
      txs: Array.from({ length: PAYMENTS / 2 }, (_, i) => {
        const invoice = `INV-2026-${String(i + 1).padStart(5, '0')}`;
        return {
          amount: `${25 + i}.50`,
          ...(i % 10 === 0 ? { charges: '1.50' } : {}),
          reference: currency === 'CHF' ? { type: 'QRR' as const, value: qrReferenceFor(invoice) } : { type: 'SCOR' as const, value: creditorReferenceFor(invoice) },
          text: `Facture ${invoice}`,
          name: `Warm-up Payer ${i}`,
          country: 'CH',
          id: `WARM-UP-${currency}-${i}`,
        };
      }),
    };
  });
  return camt054Xml('WARM-UP', '2026-01-05', notifications);
}

/** Reads until done or until `stop()` answers true (checked between slices): answers the lines read, or null when it stopped. */
export async function warmUpReading(stop: () => boolean): Promise<number | null> {
  const contentBase64 = Buffer.from(warmUpStatement()).toString('base64');
  let read = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await nextTurn();
    if (stop()) return null;
    const done = readStatementFile({ contentBase64, fileName: 'warm-up.xml', accounts: DEMO_BANK_ACCOUNTS });
    if (!done.ok) throw new Error(`the warm-up statement was refused: ${done.message}`);
    read += done.read.prepared.lines.length;
  }
  return read;
}
