/** The unit's bank accounts and invoices issued through the API, for the bank statement tests. */
import { call, openTestApp, type TestApp } from './test-db';
import { fakeRenderer } from './fake-renderer';

/** CHF: a normal IBAN and a QR-IBAN (QR payments are booked under it); EUR: a Swiss IBAN (RF references); USD: a UK account. */
export const CHF_IBAN = 'CH5604835012345678009';
export const CHF_QR_IBAN = 'CH4431999123000889012';
export const EUR_IBAN = 'CH9300762011623852957';
export const USD_IBAN = 'GB29NWBK60161331926819';

export const BANK_ACCOUNTS = [
  { currency: 'CHF', holder: 'International Organization for Migration', iban: CHF_IBAN, qrIban: CHF_QR_IBAN, bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG' },
  { currency: 'EUR', holder: 'International Organization for Migration', iban: EUR_IBAN, bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG' },
  { currency: 'USD', holder: 'International Organization for Migration', iban: USD_IBAN, bic: 'NWBKGB2L', bankName: 'NatWest' },
];

/** A test app on 2026-11-20 with the unit's accounts and invoices rendered by the fake renderer (numbers and money are under test, not PDFs). */
export async function openBankApp(now = '2026-11-20T10:00:00Z'): Promise<TestApp> {
  const app = openTestApp(undefined, () => new Date(now), { documents: fakeRenderer });
  await call(app, 'settings.set', { bankAccounts: BANK_ACCOUNTS });
  return app;
}

export interface IssuedInvoice {
  orderId: number;
  orderNumber: string;
  invoiceId: number;
  invoiceNumber: string;
  total: string;
  currency: string;
  /** The QR-bill's reference: 27 digits (QRR) for CHF, RF… (SCOR) for EUR, null for USD. */
  reference: string | null;
  customerName: string;
}

export async function issueInvoice(
  app: TestApp,
  unitPrice: string,
  options: { currency?: string; customer?: { name: string; country: string; email?: string }; receivedOn?: string; issuedOn?: string } = {},
): Promise<IssuedInvoice> {
  const customer = options.customer ?? { name: 'Bibliothèque de Genève', country: 'CH', email: '' };
  const { order } = await call(app, 'orders.create', {
    customer: { email: '', ...customer },
    currency: options.currency ?? 'CHF',
    receivedVia: 'mail',
    receivedOn: options.receivedOn ?? '2026-11-02',
    lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice }],
  });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id, issuedOn: options.issuedOn ?? options.receivedOn ?? '2026-11-03' });
  return {
    orderId: order.id,
    orderNumber: order.number,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    total: invoice.total,
    currency: invoice.currency,
    reference: invoice.document.qrBill?.reference ?? null,
    customerName: customer.name,
  };
}

export async function orderOf(app: TestApp, orderId: number) {
  return call(app, 'orders.get', { id: orderId });
}

/** Rows in the tables a refused import must leave untouched. */
export function tableCounts(app: TestApp): Record<string, number> {
  const count = (table: string) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    bank_files: count('bank_files'),
    bank_statements: count('bank_statements'),
    bank_lines: count('bank_lines'),
    bank_line_movements: count('bank_line_movements'),
    payments: count('payments'),
    audit_log: count('audit_log'),
  };
}
