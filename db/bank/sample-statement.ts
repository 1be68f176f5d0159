/**
 * A sample camt.054 for a demo database, made from its open invoices, so a new user can try the
 * bank import: QR payments of CHF invoices booked together (one short by the bank's charges),
 * EUR payments with their RF reference, one payment naming its invoice only in the text, and one
 * from a payer no invoice explains (left for review). Made on demand, for the invoices open
 * now, and only for demo databases: in real books it would record payments nobody made.
 */
import { DomainError } from '../../shared/api/errors';
import { creditorReferenceFor, qrReferenceFor } from '../../shared/documents/qr-bill';
import { creditsBookedUnder } from '../../shared/domain/bank-accounts';
import { DEMO_ACCOUNT_MARK, isDemoBooks } from '../../shared/domain/demo-books';
import { fromMinorUnits } from '../../shared/money/money';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { statement } from '../statements';
import { getSettings } from '../services/settings';
import { camt054Xml, type CreditNotification, type CreditTx } from './camt054-writer';

interface OpenInvoice {
  number: string;
  currency: 'CHF' | 'EUR';
  balance_minor: number;
  customer_name: string;
  customer_country: string;
}

export interface SampleStatementFile {
  fileName: string;
  contentBase64: string;
  /** How many payments it holds. */
  payments: number;
}

export function sampleStatement(ctx: ServiceContext): SampleStatementFile {
  const accounts = getSettings(ctx).settings.bankAccounts;
  if (!isDemoBooks(accounts)) {
    throw new DomainError('conflict', `The sample bank statement is only for demo databases (their bank accounts say ${DEMO_ACCOUNT_MARK}): in real books it would record payments nobody made.`);
  }
  const chfAccount = accounts.find((a) => a.currency === 'CHF');
  const eurAccount = accounts.find((a) => a.currency === 'EUR');
  const open = statement(
    ctx,
    `SELECT i.number, i.currency, o.balance_minor, o.customer_name, o.customer_country FROM invoices i JOIN orders o ON o.id = i.order_id
     WHERE i.kind = 'invoice' AND i.currency = ? AND o.balance_minor > 500 AND o.status <> 'cancelled' AND i.number GLOB 'INV-*'
       AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.credits_invoice_id = i.id)
     ORDER BY i.issued_on DESC, i.id DESC LIMIT ?`,
  );
  const day = today(ctx);
  const id = `SAMPLE-${day.replace(/-/g, '')}`;
  const parts: CreditNotification[] = [];
  let payments = 0;
  if (chfAccount) {
    const chf = open.all('CHF', 9) as OpenInvoice[];
    const txs: CreditTx[] = chf.slice(0, 8).map((inv, i) => ({
      amount: fromMinorUnits(inv.balance_minor - (i === 2 ? 150 : 0), 'CHF'),
      reference: { type: 'QRR', value: qrReferenceFor(inv.number) },
      ...(i === 2 ? { charges: '1.50' } : {}),
      name: inv.customer_name,
      country: inv.customer_country,
      id: `${id}-CHF-${i + 1}`,
    }));
    const byText = chf[8];
    if (byText) txs.push({ amount: fromMinorUnits(byText.balance_minor, 'CHF'), text: `Facture ${byText.number}, merci`, name: byText.customer_name, country: byText.customer_country, id: `${id}-CHF-9` });
    txs.push({ amount: '50.00', text: 'Donation', name: 'A Friend of the Library', country: 'CH', id: `${id}-CHF-10` });
    parts.push({ id: `${id}-CHF`, iban: creditsBookedUnder(chfAccount)!, currency: 'CHF', day, txs });
    payments += txs.length;
  }
  if (eurAccount) {
    const eur = open.all('EUR', 4) as OpenInvoice[];
    const txs: CreditTx[] = eur.map((inv, i) => ({
      amount: fromMinorUnits(inv.balance_minor, 'EUR'),
      reference: { type: 'SCOR', value: creditorReferenceFor(inv.number) },
      name: inv.customer_name,
      country: inv.customer_country,
      id: `${id}-EUR-${i + 1}`,
    }));
    if (txs.length > 0) parts.push({ id: `${id}-EUR`, iban: creditsBookedUnder(eurAccount)!, currency: 'EUR', day, txs });
    payments += txs.length;
  }
  if (payments === 0) throw new DomainError('conflict', 'This demo database has no open CHF or EUR invoice left for a sample bank statement to pay.');
  const xml = camt054Xml(id, day, parts);
  return { fileName: `camt054-sample-${day}.xml`, contentBase64: Buffer.from(xml, 'utf8').toString('base64'), payments };
}
