/**
 * The statement the bank workers' warm-ups read (warm-up-reading.ts) and import (warm-up.ts): a
 * day's camt.054 of the given accounts paying each invoice by its reference, QR in CHF and RF in
 * EUR, one in ten short by CHF/EUR 1.50 of charges the bank reports, as a day of QR payments is.
 */
import { creditorReferenceFor, qrReferenceFor } from '../../shared/documents/qr-bill';
import type { BankAccount } from '../../shared/documents/invoice-document';
import { creditsBookedUnder } from '../../shared/domain/bank-accounts';
import { fromMinorUnits } from '../../shared/money/money';
import { camt054Xml, type CreditNotification, type CreditTx } from './camt054-writer';

export interface InvoiceToPay {
  number: string;
  currency: 'CHF' | 'EUR';
  /** What is owed on it, in minor units. */
  owedMinor: number;
}

export function warmUpStatement(day: string, accounts: readonly BankAccount[], invoices: readonly InvoiceToPay[]): string {
  const notifications: CreditNotification[] = (['CHF', 'EUR'] as const).map((currency) => {
    const txs: CreditTx[] = invoices
      .filter((invoice) => invoice.currency === currency)
      .map((invoice, i) => ({
        amount: fromMinorUnits(invoice.owedMinor - (i % 10 === 0 ? 150 : 0), currency),
        ...(i % 10 === 0 ? { charges: '1.50' } : {}),
        reference: currency === 'CHF' ? { type: 'QRR', value: qrReferenceFor(invoice.number) } : { type: 'SCOR', value: creditorReferenceFor(invoice.number) },
        name: `Warm-up Payer ${i}`,
        country: 'CH',
        id: `WARM-UP-${currency}-${i}`,
      }));
    return { id: `WARM-UP-${currency}`, iban: creditsBookedUnder(accounts.find((a) => a.currency === currency)!)!, currency, day, txs };
  });
  return camt054Xml('WARM-UP', day, notifications);
}
