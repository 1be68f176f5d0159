/**
 * A desk that keeps losing the race for the next number (another desk takes it while this one
 * renders) is not starved: after two lost tries it renders while holding the write lock, so the
 * number it prints is the one it stores. Two desks on one file, here two connections in one
 * process; the other desk's busy timeout is 0, so a write it tries while the lock is held is
 * refused at once instead of blocking this thread.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp, tempDir, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import type { DocumentRenderer } from '../../db/documents/render-pool';
import type { Result } from '../../shared/api/errors';

const clock = () => new Date('2026-11-20T10:00:00Z');

let desk: TestApp;
let other: TestApp;
/** What the other desk does while this desk renders its next PDF (null: nothing). */
let meanwhile: (() => Promise<Result<unknown>>) | null;
let otherResults: Result<unknown>[];
let renders: number;

beforeEach(async () => {
  const file = path.join(tempDir(), 'shared.db');
  meanwhile = null;
  otherResults = [];
  renders = 0;
  const plain = fakeRenderer();
  const racing: DocumentRenderer = {
    ...plain,
    async render(document) {
      renders++;
      if (meanwhile) otherResults.push(await meanwhile());
      return plain.render(document);
    },
  };
  desk = openTestApp(file, clock, { documents: () => racing });
  other = openTestApp(file, clock, { documents: () => fakeRenderer() });
  other.db.pragma('busy_timeout = 0');
  await call(desk, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
});
afterEach(async () => {
  await other?.close();
  await desk?.close();
});

async function orders(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { order } = await call(desk, 'orders.create', {
      customer: { name: `Library ${i}`, country: 'CH', email: '' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-02',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: '40.00' }],
    });
    ids.push(order.id as number);
  }
  return ids;
}

/** The other desk issues `method` for each input in turn, one per render of this desk. */
function otherDeskIssues(method: string, inputs: unknown[]): void {
  const queue = [...inputs];
  meanwhile = () => (queue.length ? other.invoke(method, queue.shift()) : Promise.resolve({ ok: true, value: null }));
}

const busy = { ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Another Order Desk kept the database busy/) } };

function storedPdfNumber(number: string): string {
  const row = desk.db.prepare('SELECT pdf FROM invoices WHERE number = ?').get(number) as { pdf: Buffer };
  return (JSON.parse(row.pdf.toString().split('\n').slice(1).join('\n')) as { number: string }).number;
}

describe('a desk that loses the race for the next number', () => {
  it('issues its invoice on the third try, rendered while the other desk cannot take the number', async () => {
    const [mine, ...theirs] = await orders(4);
    otherDeskIssues('invoices.issue', theirs.map((orderId) => ({ orderId })));
    const idempotencyKey = crypto.randomUUID();
    const { invoice } = await call(desk, 'invoices.issue', { orderId: mine, idempotencyKey });
    expect(renders).toBe(3);
    // Twice the other desk took the number this desk had rendered; the third time it had to wait.
    expect(otherResults.map((r) => (r.ok ? (r.value as { invoice: { number: string } }).invoice.number : r))).toEqual(['INV-2026-00001', 'INV-2026-00002', busy]);
    expect(invoice.number).toBe('INV-2026-00003');
    expect(storedPdfNumber('INV-2026-00003')).toBe('INV-2026-00003');
    // The lock is free again: the other desk issues the invoice it was refused, with the next number.
    meanwhile = null;
    expect((await call(other, 'invoices.issue', { orderId: theirs[2] })).invoice.number).toBe('INV-2026-00004');
    // Asked again with its key, the desk answers the invoice it issued under the lock.
    expect((await call(desk, 'invoices.issue', { orderId: mine, idempotencyKey })).invoice).toEqual(invoice);
    expect(desk.db.prepare("SELECT number FROM invoices WHERE kind = 'invoice' ORDER BY sequence").pluck().all()).toEqual([1, 2, 3, 4].map((n) => `INV-2026-0000${n}`));
  });

  it('issues its credit note the same way, and the credit note series stays gapless', async () => {
    const ids = await orders(4);
    const invoices: number[] = [];
    for (const orderId of ids) invoices.push((await call(desk, 'invoices.issue', { orderId })).invoice.id as number);
    const [mine, ...theirs] = invoices;
    renders = 0;
    otherDeskIssues('invoices.credit', theirs.map((invoiceId) => ({ invoiceId, reason: 'Returned' })));
    const { creditNote, invoice } = await call(desk, 'invoices.credit', { invoiceId: mine, reason: 'Wrong address' });
    expect(renders).toBe(3);
    expect(otherResults.map((r) => (r.ok ? (r.value as { creditNote: { number: string } }).creditNote.number : r))).toEqual(['CN-2026-00001', 'CN-2026-00002', busy]);
    expect(creditNote.number).toBe('CN-2026-00003');
    expect(storedPdfNumber('CN-2026-00003')).toBe('CN-2026-00003');
    expect(invoice.id).toBe(mine);
    meanwhile = null;
    expect((await call(other, 'invoices.credit', { invoiceId: theirs[2], reason: 'Returned' })).creditNote.number).toBe('CN-2026-00004');
  });

  it('stores nothing and leaves the lock free when the render fails while it holds the lock', async () => {
    const [mine, ...theirs] = await orders(3);
    otherDeskIssues('invoices.issue', theirs.map((orderId) => ({ orderId })));
    const racing = meanwhile!;
    // Two lost races, then the render under the lock fails (a crashed worker).
    meanwhile = () => (renders === 3 ? Promise.reject(new Error('The PDF could not be made: worker stopped')) : racing());
    const result = await desk.invoke('invoices.issue', { orderId: mine });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(renders).toBe(3);
    expect(desk.db.inTransaction).toBe(false);
    // No number used, and the other desk (which does not wait at all) writes at once.
    expect((await call(other, 'invoices.issue', { orderId: mine })).invoice.number).toBe('INV-2026-00003');
  });
});
