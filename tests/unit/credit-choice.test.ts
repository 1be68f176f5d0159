/** The credit note dialog's checks and sums, and why an order cannot be edited, without a browser. */
import { describe, expect, it } from 'vitest';
import type { OrderInvoice } from '../../shared/contract/orders';
import type { Order } from '../../shared/contract/types';
import { creditedLineTotal } from '../../shared/documents/credit-lines';
import { atLineFields, creditChoiceOf, creditInput, type CreditRow } from '../../renderer/screens/orders/invoicing/credit-choice';
import { editRefusal, openInvoiceOf } from '../../renderer/screens/orders/invoicing/edit-refusal';

const ROWS: CreditRow[] = [
  { position: 1, title: 'World Migration Report 2024', left: 3, leftAmount: '50.97', unitPrice: '19.99', discountPercent: '15' },
  { position: 2, title: 'Migration and Health', left: 1, leftAmount: '25.00', unitPrice: '25.00', discountPercent: null },
];

describe('credited line amounts', () => {
  it('prices a part of a line like the line, and the last part as exactly what is left', () => {
    const line = { unitPrice: '0.01', discountPercent: '50' };
    // 3 × 0.01 less 50% is 0.015, rounded to 0.02 on the invoice; one copy alone rounds to 0.01.
    expect(creditedLineTotal(line, 1, { quantity: 3, amount: '0.02' }, 'CHF')).toBe('0.01');
    expect(creditedLineTotal(line, 1, { quantity: 2, amount: '0.01' }, 'CHF')).toBe('0.01');
    // Priced afresh the last copy would be 0.01 too, and the three parts 0.03 for a line of 0.02.
    expect(creditedLineTotal(line, 1, { quantity: 1, amount: '0.00' }, 'CHF')).toBe('0.00');
  });
});

describe('the credit note dialog', () => {
  it('adds the chosen copies and the shipping into the amount credited', () => {
    const choice = creditChoiceOf(ROWS, { 1: '1', 2: '' }, '2.50', '12.00', 'CHF');
    expect(choice).toEqual({ lines: [{ position: 1, quantity: 1 }], shipping: '2.50', errors: {}, total: '19.49', full: false });
    expect(creditInput(9, choice, 'One copy damaged', '2026-11-20')).toEqual({ invoiceId: 9, lines: [{ position: 1, quantity: 1 }], shipping: '2.50', reason: 'One copy damaged', issuedOn: '2026-11-20' });
  });

  it('knows a choice of everything left is a full credit note, and sends it without lines so the service credits what is left', () => {
    const choice = creditChoiceOf(ROWS, { 1: '3', 2: '1' }, '12', '12.00', 'CHF');
    expect(choice).toMatchObject({ total: '87.97', full: true });
    expect(creditInput(9, choice, 'Wrong order', '2026-11-20')).toEqual({ invoiceId: 9, reason: 'Wrong order', issuedOn: '2026-11-20' });
    // All the lines without the shipping is not everything.
    expect(creditChoiceOf(ROWS, { 1: '3', 2: '1' }, '', '12.00', 'CHF')).toMatchObject({ total: '75.97', full: false });
  });

  it('says at the line what is wrong with a quantity, and shows no amount meanwhile', () => {
    const choice = creditChoiceOf(ROWS, { 1: '4', 2: '1.5' }, '', '0.00', 'CHF');
    expect(choice.errors).toEqual({ 'line.1': 'Line 1: only 3 can still be credited.', 'line.2': 'Line 2: the quantity to credit must be a whole number.' });
    expect(choice.total).toBeNull();
  });

  it('refuses more shipping than is left, or more decimals than the currency has', () => {
    expect(creditChoiceOf(ROWS, {}, '12.01', '12.00', 'CHF').errors).toEqual({ shipping: 'Shipping to credit cannot be more than the 12.00 CHF left.' });
    expect(creditChoiceOf(ROWS, {}, '1.005', '12.00', 'CHF').errors).toEqual({ shipping: 'Shipping can have at most 2 decimals in CHF.' });
    expect(creditChoiceOf(ROWS, {}, 'ten', '12.00', 'CHF').errors.shipping).toMatch(/amount such as 12\.50/);
    expect(creditChoiceOf(ROWS, {}, '', '12.00', 'CHF')).toMatchObject({ lines: [], total: '0.00', full: false });
  });

  it("puts the service's line errors (by index of what was sent) at the line's own field", () => {
    const error = atLineFields(
      { code: 'invalid_input', message: 'Only 2 of line 2 can still be credited.', field: 'lines.1.quantity', issues: [{ field: 'lines.1.quantity', message: 'Only 2' }, { field: 'reason', message: 'Reason is required.' }] },
      [{ position: 1 }, { position: 3 }],
    );
    expect(error.field).toBe('line.3');
    expect(error.issues?.map((i) => i.field)).toEqual(['line.3', 'reason']);
  });
});

describe('why an order cannot be edited', () => {
  const order = (status: Order['status']) => ({ id: 7, number: 'ORD-2026-00012', status, paymentStatus: 'unpaid', balance: '80.00' }) as Order;
  const invoice = (number: string, status: OrderInvoice['status'], kind: OrderInvoice['kind'] = 'invoice'): OrderInvoice => ({ id: 1, kind, number, issuedOn: '2026-12-03', total: '80.00', status });

  it('names the invoice and its date, and how to correct it', () => {
    expect(editRefusal(order('invoiced'), [invoice('INV-2026-00012', 'unpaid')], 'en-GB')).toBe(
      'Invoiced on INV-2026-00012 (3 Dec 2026): an issued invoice never changes. To correct it, issue a credit note and then a new invoice.',
    );
    expect(editRefusal(order('shipped'), [invoice('INV-2026-00012', 'paid')], 'en-GB')).toMatch(/^Order ORD-2026-00012 is shipped and can no longer be edited: its invoice fixes what was ordered/);
  });

  it('finds the invoice not yet credited in full, and says nothing for an order that may be edited', () => {
    const docs = [invoice('INV-2026-00001', 'credited'), invoice('CN-2026-00001', 'credit_note', 'credit_note'), invoice('INV-2026-00002', 'unpaid')];
    expect(openInvoiceOf(docs)?.number).toBe('INV-2026-00002');
    expect(openInvoiceOf(docs.slice(0, 2))).toBeNull();
    expect(editRefusal(order('received'), docs.slice(0, 2), 'en-GB')).toBeNull();
    expect(editRefusal(order('cancelled'), [], 'en-GB')).toBe('Order ORD-2026-00012 is cancelled and can no longer be edited.');
  });
});
