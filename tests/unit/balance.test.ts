import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBalance, type BalanceMovement } from '../../shared/money/balance';
import { MOVEMENT_KINDS, type MovementKind } from '../../shared/domain/vocabulary';
import { fromMinorUnits } from '../../shared/money/money';

/** The rule written out again in plain integers (cents), independently of the code under test. */
function expected(totalCents: number, cancelled: boolean, moves: { kind: MovementKind; cents: number; reversal: boolean }[]) {
  const sum = (kind: MovementKind) => moves.filter((m) => m.kind === kind).reduce((acc, m) => acc + (m.reversal ? -m.cents : m.cents), 0);
  const [paid, refunded, writtenOff, creditIn, creditOut] = MOVEMENT_KINDS.map(sum) as [number, number, number, number, number];
  const held = paid - refunded + creditIn - creditOut;
  const balance = cancelled ? -held : totalCents - paid + refunded - writtenOff - creditIn + creditOut;
  const gaveBack = refunded + creditOut > 0;
  let status: string;
  if (cancelled) status = held > 0 ? 'refund_due' : gaveBack ? 'refunded' : 'unpaid';
  else if (balance < 0) status = 'overpaid';
  else if (balance === 0) status = totalCents === 0 && gaveBack ? 'refunded' : 'paid';
  else status = paid - refunded + writtenOff + creditIn - creditOut > 0 ? 'partially_paid' : 'unpaid';
  return { balance, status, held };
}

const movement = fc.record({
  kind: fc.constantFrom(...MOVEMENT_KINDS),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  reversal: fc.boolean(),
});

describe('the balance of an order', () => {
  it('is total − payments + refunds − write-offs ∓ credit moved, exactly, for any sequence of movements; the payment status follows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), fc.array(movement, { maxLength: 12 }), (totalCents, cancelled, moves) => {
        const movements: BalanceMovement[] = moves.map((m) => ({ kind: m.kind, amount: fromMinorUnits(m.cents, 'CHF'), reversal: m.reversal }));
        const result = computeBalance({ currency: 'CHF', total: fromMinorUnits(totalCents, 'CHF'), cancelled, movements });
        const want = expected(totalCents, cancelled, moves);
        expect(result.balance).toBe(fromMinorUnits(want.balance, 'CHF'));
        expect(result.held).toBe(fromMinorUnits(want.held, 'CHF'));
        expect(result.paymentStatus).toBe(want.status);
      }),
      { numRuns: 2000 },
    );
  });

  it('walks through the statuses a clerk sees for the CHF 123.45 order: check, short transfer, bank fees written off', () => {
    const steps: BalanceMovement[] = [];
    const at = () => computeBalance({ currency: 'CHF', total: '123.45', cancelled: false, movements: steps });
    expect(at()).toMatchObject({ balance: '123.45', paymentStatus: 'unpaid' });
    steps.push({ kind: 'payment', amount: '100.00' });
    expect(at()).toMatchObject({ balance: '23.45', paymentStatus: 'partially_paid' });
    steps.push({ kind: 'payment', amount: '20.00' });
    expect(at()).toMatchObject({ balance: '3.45', paymentStatus: 'partially_paid' });
    steps.push({ kind: 'write_off', amount: '3.45' });
    expect(at()).toMatchObject({ balance: '0.00', paid: '120.00', writtenOff: '3.45', paymentStatus: 'paid' });
  });

  it('keeps an overpayment as a credit, and a cancelled order that kept money owes it back', () => {
    expect(computeBalance({ currency: 'EUR', total: '50.00', cancelled: false, movements: [{ kind: 'payment', amount: '60.00' }] })).toMatchObject({
      balance: '-10.00',
      paymentStatus: 'overpaid',
    });
    const cancelled = { currency: 'EUR' as const, total: '50.00', cancelled: true };
    expect(computeBalance({ ...cancelled, movements: [] })).toMatchObject({ balance: '0.00', due: '0.00', paymentStatus: 'unpaid' });
    expect(computeBalance({ ...cancelled, movements: [{ kind: 'payment', amount: '50.00' }] })).toMatchObject({ balance: '-50.00', paymentStatus: 'refund_due' });
    expect(
      computeBalance({ ...cancelled, movements: [{ kind: 'payment', amount: '50.00' }, { kind: 'refund', amount: '50.00' }] }),
    ).toMatchObject({ balance: '0.00', paymentStatus: 'refunded' });
  });

  it('undoes a reversed payment exactly, and never writes "-0.00"', () => {
    const result = computeBalance({
      currency: 'USD',
      total: '10.00',
      cancelled: false,
      movements: [{ kind: 'payment', amount: '10.00' }, { kind: 'payment', amount: '10.00', reversal: true }],
    });
    expect(result).toMatchObject({ balance: '10.00', paid: '0.00', paymentStatus: 'unpaid' });
    expect(computeBalance({ currency: 'USD', total: '0.00', cancelled: true, movements: [] }).balance).toBe('0.00');
  });

  it('counts reminder fees as owed besides the invoice, never as invoiced, and a payment of both settles it', () => {
    const invoiced = { currency: 'CHF' as const, total: '80.00', invoiced: '80.00', credited: '0.00', fees: '10.00', cancelled: false };
    expect(computeBalance({ ...invoiced, movements: [{ kind: 'payment', amount: '30.00' }] })).toMatchObject({
      invoiced: '80.00',
      fees: '10.00',
      due: '90.00',
      balance: '60.00',
      paymentStatus: 'partially_paid',
    });
    expect(computeBalance({ ...invoiced, movements: [{ kind: 'payment', amount: '30.00' }, { kind: 'payment', amount: '60.00' }] })).toMatchObject({ balance: '0.00', paymentStatus: 'paid' });
    // Credited in full, the fee stays owed: the money paid covers it first.
    expect(computeBalance({ ...invoiced, credited: '80.00', movements: [{ kind: 'payment', amount: '30.00' }] })).toMatchObject({ balance: '-20.00', paymentStatus: 'overpaid' });
    expect(computeBalance({ ...invoiced, fees: undefined, movements: [] })).toMatchObject({ fees: '0.00', balance: '80.00' });
  });
});
