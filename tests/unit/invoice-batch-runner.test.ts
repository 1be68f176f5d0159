/** The batch's rules without a browser: one call at a time, Cancel only between calls, go on past an order's own problem, stop on a failure every order would hit. */
import { describe, expect, it } from 'vitest';
import { batchCallKey, runBatch, type BatchProgress, type IssueOne } from '../../renderer/screens/invoices/batch/batch-runner';
import type { UninvoicedOrder } from '../../shared/contract/invoice-batch';

const runKey = '5d0c9a3e-7b21-4f6a-9c8d-2e1f0a9b8c7d';
const orders: UninvoicedOrder[] = [1, 2, 3, 4, 5].map((id) => ({ id, number: `ORD-2026-0000${id}`, receivedOn: '2026-11-02', customerName: `Customer ${id}`, currency: 'CHF', total: '10.00' }));

function fakeIssue(refuse: Record<number, { code: 'invalid_input' | 'internal'; message: string }> = {}) {
  const calls: number[] = [];
  let running = 0;
  let next = 1;
  const issue: IssueOne = async (orderId) => {
    running += 1;
    if (running > 1) throw new Error('two issues at once');
    calls.push(orderId);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running -= 1;
    const refusal = refuse[orderId];
    if (refusal) return { ok: false, error: refusal };
    const number = `INV-2026-${String(next++).padStart(5, '0')}`;
    return { ok: true, value: { invoice: { id: orderId * 10, number } } };
  };
  return { issue, calls };
}

describe('runBatch', () => {
  it('issues every order in order, one call at a time, reporting progress before and after each', async () => {
    const { issue, calls } = fakeIssue();
    const progress: BatchProgress[] = [];
    const outcome = await runBatch(orders, issue, { runKey, stopRequested: () => false, onProgress: (p) => progress.push(p) });
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    expect(outcome.issued.map((e) => e.invoiceNumber)).toEqual(['INV-2026-00001', 'INV-2026-00002', 'INV-2026-00003', 'INV-2026-00004', 'INV-2026-00005']);
    expect(outcome).toMatchObject({ failed: [], notStarted: [], stopped: null });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(progress[2]).toMatchObject({ total: 5, current: orders[2], last: { kind: 'issued', entry: { invoiceNumber: 'INV-2026-00002' } } });
    expect(progress.at(-1)).toMatchObject({ current: null, last: { entry: { invoiceNumber: 'INV-2026-00005' } } });
  });

  it('stops between two calls after Cancel: the call in progress completes, the rest are not started', async () => {
    const { issue, calls } = fakeIssue();
    let stop = false;
    const outcome = await runBatch(orders, issue, {
      runKey,
      stopRequested: () => stop,
      onProgress: (p) => {
        if (p.current?.id === 3) stop = true;
      },
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(outcome.issued.map((e) => e.order.id)).toEqual([1, 2, 3]);
    expect(outcome.notStarted.map((o) => o.id)).toEqual([4, 5]);
    expect(outcome.stopped).toEqual({ by: 'cancel' });
  });

  it("lists an order's own problem with its reason and goes on; stops at once on a failure every order would hit", async () => {
    const problem = { code: 'invalid_input' as const, message: 'There is no USD bank account in Settings → Bank accounts.' };
    const goesOn = await runBatch(orders, fakeIssue({ 2: problem }).issue, { runKey, stopRequested: () => false, onProgress: () => undefined });
    expect(goesOn.issued.map((e) => e.order.id)).toEqual([1, 3, 4, 5]);
    expect(goesOn.failed).toEqual([{ order: orders[1], message: problem.message }]);
    expect(goesOn.stopped).toBeNull();

    const broken = fakeIssue({ 3: { code: 'internal', message: 'Order Desk is not reachable.' } });
    const stops = await runBatch(orders, broken.issue, { runKey, stopRequested: () => false, onProgress: () => undefined });
    expect(broken.calls).toEqual([1, 2, 3]);
    expect(stops.issued.map((e) => e.order.id)).toEqual([1, 2]);
    expect(stops.notStarted.map((o) => o.id)).toEqual([3, 4, 5]);
    expect(stops.stopped).toEqual({ by: 'error', message: 'Order Desk is not reachable.' });
  });
});

describe('batchCallKey', () => {
  it("gives each order of a run its own UUID, the same each time the run is sent, and another run other keys", () => {
    const ids = [1, 2, 3, 255, 256, 65_537, 2 ** 31 - 1];
    const keys = ids.map((id) => batchCallKey(runKey, id));
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(ids.length);
    expect(ids.map((id) => batchCallKey(runKey.toUpperCase(), id))).toEqual(keys);
    const otherRun = ids.map((id) => batchCallKey('0f8c2d3e-5a4b-4c6d-8e7f-9a0b1c2d3e4f', id));
    expect(otherRun.filter((key) => keys.includes(key))).toEqual([]);
  });
});
