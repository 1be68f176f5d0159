/** The words and safeguards of the payment screens, without a browser. */
import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry } from '../../shared/contract/audit';
import { scanForCardNumbers } from '../../shared/domain/card-numbers';
import { maskCardNumbers, scrubDeep, scrubForStorage, screenCardText } from '../../renderer/components/card-safe-text';
import { formErrorsOf } from '../../renderer/components/api-field-errors';
import { describeEntry, type Formatting } from '../../renderer/screens/orders/order-history';
import { readDraft, writeDraft, type DraftStore } from '../../renderer/screens/order-entry/draft-storage';

const f: Formatting = { locale: 'en-CH', currency: 'CHF', countryName: (c) => c, date: (d) => d };
/** Intl puts a no-break space between code and amount; the tests read it as a space. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const describe_ = (e: AuditEntry<'order'>) => {
  const item = describeEntry(e, f);
  return { ...item, title: plain(item.title), changes: item.changes.map((c) => ({ label: c.label, before: plain(c.before), after: plain(c.after) })) };
};

function entry(action: AuditAction<'order'>, before: unknown, after: unknown, actor = 'Anna Keller'): AuditEntry<'order'> {
  return { id: 1, at: '2026-11-20T10:00:00Z', actor, entity: 'order', entityId: 7, action, before, after };
}

const owed = (balance: string, paymentStatus = 'partially_paid') => ({ status: 'received', paymentStatus, balance });

describe('order history of money movements', () => {
  it('says what moved, how, when and why, with the clerk, and only the changed status fields', () => {
    const payment = describe_(
      entry('payment', owed('123.45', 'unpaid'), { ...owed('23.45'), movement: { kind: 'payment', on: '2026-11-20', amount: '100.00', currency: 'CHF', method: 'check', reference: '4471' } })
    );
    expect(payment.title).toBe('Payment received: CHF 100.00 by check on 2026-11-20; reference 4471');
    expect(payment.actor).toBe('Anna Keller');
    expect(payment.changes).toEqual([
      { label: 'Payment status', before: 'Unpaid', after: 'Partly paid' },
      { label: 'Balance due', before: 'CHF 123.45', after: 'CHF 23.45' },
    ]);
    const card = describe_(entry('payment', owed('50.00', 'unpaid'), { ...owed('0.00', 'paid'), movement: { kind: 'payment', on: '2026-11-20', amount: '50.00', currency: 'CHF', method: 'credit_card', cardLast4: '1111' } }));
    expect(card.title).toBe('Payment received: CHF 50.00 by credit card •••• 1111 on 2026-11-20');
  });

  it('reads refunds, write-offs, credit moved both ways and reversals, and a credit in words', () => {
    const m = (kind: string, extra: object = {}) => ({ kind, on: '2026-11-21', amount: '3.45', currency: 'CHF', ...extra });
    expect(describe_(entry('write_off', owed('3.45'), { ...owed('0.00', 'paid'), movement: m('write_off', { reason: 'Bank fees' }) })).title).toBe(
      'Written off: CHF 3.45 on 2026-11-21; reason: Bank fees',
    );
    expect(describe_(entry('refund', owed('-3.45', 'overpaid'), { ...owed('0.00', 'paid'), movement: m('refund', { method: 'bank_transfer', reason: 'Overpaid' }) })).title).toBe(
      'Refund paid: CHF 3.45 by bank transfer on 2026-11-21; reason: Overpaid',
    );
    const out = describe_(entry('credit_out', owed('-3.45', 'overpaid'), { ...owed('0.00', 'paid'), movement: m('credit_out', { counterpartOrder: '2026-00002', reason: 'Moved to order 2026-00002' }) }));
    expect(out.title).toBe('Credit moved out to order 2026-00002: CHF 3.45 on 2026-11-21');
    expect(out.changes).toContainEqual({ label: 'Balance due', before: 'CHF 3.45 credit', after: 'CHF 0.00' });
    expect(describe_(entry('credit_in', owed('10.00'), { ...owed('6.55'), movement: m('credit_in', { counterpartOrder: '2026-00001' }) })).title).toBe(
      'Credit moved in from order 2026-00001: CHF 3.45 on 2026-11-21',
    );
    expect(describe_(entry('reverse', owed('0.00', 'paid'), { ...owed('3.45'), movement: m('write_off', { reverses: 4, reason: 'Fees were refunded by the bank' }) })).title).toBe(
      'Reversed: written off of CHF 3.45 on 2026-11-21; reason: Fees were refunded by the bank',
    );
  });
});

describe('card numbers in free text', () => {
  it('masks a full number on leaving the field and says so; refuses one with a CVV beside it', () => {
    expect(screenCardText('Notes', 'Paid by 4111 1111 1111 1111')).toEqual({
      text: 'Paid by •••• 1111',
      notice: 'Notes: a full card number was typed; only its last four digits (1111) are kept.',
      error: null,
    });
    const refused = screenCardText('Reference', '4111-1111-1111-1111 cvv 123');
    expect(refused.error).toMatch(/^Reference must not hold a card security code/);
    expect(screenCardText('Reference', 'PO 2026-117')).toEqual({ text: 'PO 2026-117', notice: null, error: null });
  });

  it('keeps neither the number nor its CVV in browser storage, even before the field is left', () => {
    expect(scrubForStorage('Card 4111 1111 1111 1111 123 thanks')).toBe('Card •••• 1111 thanks');
    expect(scrubForStorage('Card 4111111111111111, CVV: 123')).toBe('Card •••• 1111, ');
    expect(scrubDeep({ a: ['x 4111111111111111'], n: 3 })).toEqual({ a: ['x •••• 1111'], n: 3 });
    const kept = new Map<string, string>();
    const store: DraftStore = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => void kept.set(k, v), removeItem: (k) => void kept.delete(k) };
    const form = { customer: { name: 'Zoë' }, lines: [], currency: 'CHF', notes: 'Visa 4111 1111 1111 1111 CVV 123', customerReference: '4111111111111111' };
    writeDraft(store, 'k', { form: form as never, savedAt: '2026-11-20T10:00:00Z' });
    const raw = kept.get('k')!;
    expect(raw).not.toMatch(/4111 ?1111 ?1111 ?1111|CVV 123/);
    expect(readDraft(store, 'k')?.form).toMatchObject({ notes: 'Visa •••• 1111 ', customerReference: '•••• 1111' });
  });
});

describe('an action form sent straight from a field not yet left', () => {
  it('sends only the last four digits, and leaves text with a CVV as typed for the contract to refuse', () => {
    expect(maskCardNumbers({ orderId: 3, amount: '50.00', note: 'Card 4111-1111-1111-1111', card: { last4: '1111' } })).toEqual({
      orderId: 3,
      amount: '50.00',
      note: 'Card •••• 1111',
      card: { last4: '1111' },
    });
    expect(maskCardNumbers({ reference: '4111 1111 1111 1111 cvv 123' }).reference).toBe('4111 1111 1111 1111 cvv 123');
  });
});

describe('the shared card-number scan', () => {
  it('finds a card number followed by its CVV, which reads as one longer run of digits', () => {
    expect(scanForCardNumbers('4111 1111 1111 1111 123')).toEqual({ text: '•••• 1111 123', masked: ['1111'], securityCode: true });
    expect(scanForCardNumbers('4111-1111-1111-1111-123')).toMatchObject({ masked: ['1111'], securityCode: true });
    expect(scanForCardNumbers('Invoice 2026 0001 0002 0003 4')).toMatchObject({ masked: [], securityCode: false });
  });
});

describe('API errors at their fields', () => {
  it('puts known fields at their inputs and the rest above the buttons', () => {
    expect(formErrorsOf({ code: 'invalid_input', message: 'x', issues: [{ field: 'amount', message: 'Too much' }, { field: 'orderId', message: 'Gone' }] }, ['amount'])).toEqual({
      fields: { amount: 'Too much' },
      general: 'Gone',
    });
    expect(formErrorsOf({ code: 'conflict', message: 'Order is cancelled.' }, ['amount'])).toEqual({ fields: {}, general: 'Order is cancelled.' });
  });
});
