import { describe, expect, it } from 'vitest';
import { buildInvoiceDocument, type InvoiceDocumentInput } from '../../shared/documents/build-invoice-document';
import { BANK_ACCOUNTS, ISSUER, ARABIC_CUSTOMER } from '../support/invoice-fixtures';

function build(overrides: Partial<InvoiceDocumentInput> = {}) {
  return buildInvoiceDocument({
    number: 'INV-2025-00007',
    issuedOn: '2025-01-31',
    paymentTermsDays: 30,
    orderNumber: 'ORD-2025-00100',
    language: 'en',
    currency: 'CHF',
    issuer: ISSUER,
    customer: ARABIC_CUSTOMER,
    lines: [
      { position: 2, title: 'Seven leaflets', quantity: 7, unitPrice: '0.10' },
      { position: 1, title: 'World Migration Report', quantity: 3, unitPrice: '19.99', discountPercent: '15' },
    ],
    shipping: '12.5',
    amountPaid: '20',
    bankAccounts: BANK_ACCOUNTS,
    ...overrides,
  });
}

describe('buildInvoiceDocument', () => {
  it('computes every amount with the money module: discounts rounded half-up at the cent, shipping, paid and balance', () => {
    const document = build();
    expect(document.lines.map((line) => [line.position, line.lineTotal, line.discountPercent])).toEqual([
      [1, '50.97', '15'], // 3 × 19.99 = 59.97, less 15 % = 50.9745
      [2, '0.70', null],
    ]);
    expect(document.subtotal).toBe('51.67');
    expect(document.shipping).toBe('12.50');
    expect(document.total).toBe('64.17');
    expect(document.amountPaid).toBe('20.00');
    expect(document.balanceDue).toBe('44.17');
  });

  it('treats zero shipping and a zero discount as none, and an overpayment as a negative balance', () => {
    const document = build({ shipping: '0.00', amountPaid: '60', lines: [{ position: 1, title: 'Report', quantity: 2, unitPrice: '25.00', discountPercent: '0' }] });
    expect(document.shipping).toBeNull();
    expect(document.lines[0]!.discountPercent).toBeNull();
    expect(document.total).toBe('50.00');
    expect(document.balanceDue).toBe('-10.00');
    expect(document.qrBill).toBeNull();
  });

  it('dates the due date from the payment terms, across month ends; credit notes have none', () => {
    expect(build().dueOn).toBe('2025-03-02');
    expect(build({ issuedOn: '2024-12-15', paymentTermsDays: 20 }).dueOn).toBe('2025-01-04');
    expect(build({ paymentTermsDays: 0 }).dueOn).toBe('2025-01-31');
    const note = build({ kind: 'credit_note', number: 'CN-2025-00001', creditNote: { invoiceNumber: 'INV-2025-00007', reason: 'Returned' } });
    expect(note.dueOn).toBeNull();
    expect(note.creditNote).toEqual({ invoiceNumber: 'INV-2025-00007', reason: 'Returned' });
    expect(note.qrBill).toBeNull();
  });

  it('prints the bank account of the invoice\'s currency', () => {
    expect(build({ currency: 'USD' }).bankAccount?.iban).toBe('GB29NWBK60161331926819');
    expect(build({ currency: 'EUR' }).bankAccount?.iban).toBe('CH9300762011623852957');
    expect(build({ bankAccounts: BANK_ACCOUNTS.filter((a) => a.currency !== 'CHF') }).bankAccount).toBeNull();
  });

  it('QR-bill per currency: CHF to a QR-IBAN with a QR reference, EUR to a normal IBAN with an RF reference, none in USD', () => {
    const chf = build();
    expect(chf.qrBill).toEqual({ account: 'CH4431999123000889012', referenceType: 'QRR', reference: '000000000000000002025000074', message: 'Invoice INV-2025-00007 / ORD-2025-00100' });
    const eur = build({ currency: 'EUR', language: 'fr' });
    expect(eur.qrBill?.referenceType).toBe('SCOR');
    expect(eur.qrBill?.reference).toMatch(/^RF\d\dINV202500007$/);
    expect(eur.qrBill?.message).toBe('Facture INV-2025-00007 / ORD-2025-00100');
    expect(build({ currency: 'USD' }).qrBill).toBeNull();
  });

  it('no QR-bill for an account outside Switzerland and Liechtenstein, or with nothing left to pay', () => {
    const german = BANK_ACCOUNTS.map((a) => (a.currency === 'EUR' ? { ...a, iban: 'DE89370400440532013000' } : a));
    expect(build({ currency: 'EUR', bankAccounts: german }).qrBill).toBeNull();
    expect(build({ amountPaid: '64.17' }).qrBill).toBeNull();
  });

  it('a preview has no number: its QR reference comes from the order number and its message says DRAFT', () => {
    const preview = build({ number: null });
    expect(preview.number).toBeNull();
    expect(preview.qrBill?.reference).toBe('000000000000000002025001006');
    expect(preview.qrBill?.message).toBe('Invoice DRAFT / ORD-2025-00100');
  });
});
