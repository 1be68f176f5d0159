/** Every action the audit log declares for an order has its own title in the order's history. */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../shared/contract/audit';
import { ACTION_TITLES, describeEntry, type Formatting } from '../../renderer/screens/orders/order-history';

const f: Formatting = { locale: 'en-CH', currency: 'CHF', countryName: (c) => c, date: (d) => d };

function entry(action: AuditAction<'order'>, before: unknown, after: unknown): AuditEntry<'order'> {
  return { id: 1, at: '2026-11-20T10:00:00Z', actor: 'Anna Keller', entity: 'order', entityId: 7, action, before, after };
}

describe('order history titles', () => {
  it('titles every declared order action in words, each differently', () => {
    const titles = AUDIT_ACTIONS.order.map((action) => describeEntry(entry(action, { status: 'received' }, { status: 'received' }), f).title);
    for (const [i, title] of titles.entries()) {
      const action = AUDIT_ACTIONS.order[i]!;
      // The fallback the screen used to show: the action's own name, capitalised ("Credit").
      expect(title, action).not.toBe(action.replace(/^./, (c) => c.toUpperCase()).replace(/_/g, ' '));
      expect(title, action).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    }
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('says an invoice credited in full took the order back to received, naming the credit note', () => {
    const item = describeEntry(entry('credit', { status: 'invoiced' }, { status: 'received', creditNoteNumber: 'CN-2026-00002' }), f);
    expect(item.title).toBe('Invoice credited in full');
    expect(item.changes).toEqual([
      { label: 'Status', before: 'Invoiced', after: 'Received' },
      { label: 'Credit note', before: '—', after: 'CN-2026-00002' },
    ]);
  });

  it('is a type error to leave an order action without a title', () => {
    // @ts-expect-error `credit` (and the rest) missing: npm run typecheck fails if this ever compiles.
    const missing: typeof ACTION_TITLES = { create: 'Order keyed in' };
    expect(Object.keys(missing)).not.toEqual(Object.keys(ACTION_TITLES));
  });
});
