import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, formatMoney, fromMinorUnits, lineTotal, orderTotals, sumAmounts, toMinorUnits } from '../../shared/money/money';

describe('money', () => {
  it('computes the issue example exactly: 3 × 19.99 less 15% and 7 × 0.10', () => {
    const totals = orderTotals(
      [
        { quantity: 3, unitPrice: '19.99', discountPercent: '15' },
        { quantity: 7, unitPrice: '0.10' },
      ],
      'CHF',
    );
    // 59.97 × 0.85 = 50.9745 → 50.97 (half-up); 0.70; total 51.67
    expect(totals.lineTotals).toEqual(['50.97', '0.70']);
    expect(totals.total).toBe('51.67');
  });

  it('rounds half-up at the cent, where binary floats would go wrong', () => {
    expect(lineTotal({ quantity: 1, unitPrice: '1.005', discountPercent: null }, 'USD')).toBe('1.01');
    expect(lineTotal({ quantity: 3, unitPrice: '0.10' }, 'EUR')).toBe('0.30');
    expect(lineTotal({ quantity: 1, unitPrice: '10.00', discountPercent: '12.5' }, 'EUR')).toBe('8.75');
    expect(lineTotal({ quantity: 1, unitPrice: '0.05', discountPercent: '50' }, 'EUR')).toBe('0.03');
  });

  it('round-trips minor units and refuses sub-cent amounts', () => {
    expect(toMinorUnits('25.00', 'CHF')).toBe(2500);
    expect(fromMinorUnits(2500, 'CHF')).toBe('25.00');
    expect(fromMinorUnits(7, 'USD')).toBe('0.07');
    expect(fromMinorUnits(-5, 'EUR')).toBe('-0.05');
    expect(fromMinorUnits(-123456, 'CHF')).toBe('-1234.56');
    expect(fromMinorUnits(0, 'CHF')).toBe('0.00');
    expect(fromMinorUnits(-0, 'CHF')).toBe('0.00');
    expect(fromMinorUnits(999999999999999n, 'USD')).toBe('9999999999999.99');
    expect(fromMinorUnits(Number.MAX_SAFE_INTEGER, 'CHF')).toBe('90071992547409.91');
    expect(() => toMinorUnits('1.005', 'CHF')).toThrow(/decimals/);
  });

  it('reads an amount written in any plain form as the exact count of minor units, and refuses what is not one', () => {
    expect(toMinorUnits('1234.5', 'CHF')).toBe(123450);
    expect(toMinorUnits('007.50', 'EUR')).toBe(750);
    expect(toMinorUnits('12', 'USD')).toBe(1200);
    expect(toMinorUnits('-0.05', 'CHF')).toBe(-5);
    expect(toMinorUnits('1.500', 'CHF')).toBe(150);
    expect(toMinorUnits('9999999999999.99', 'CHF')).toBe(999999999999999);
    expect(Object.is(toMinorUnits('-0.00', 'CHF'), -0)).toBe(true);
    expect(() => toMinorUnits('1.001', 'CHF')).toThrow(/decimals/);
    expect(() => toMinorUnits('1e3', 'CHF')).toThrow(/Not a decimal amount/);
    expect(() => toMinorUnits('12.', 'CHF')).toThrow(/Not a decimal amount/);
    expect(() => toMinorUnits(' 12.00', 'CHF')).toThrow(/Not a decimal amount/);
    expect(() => toMinorUnits('12,50', 'CHF')).toThrow(/Not a decimal amount/);
  });

  it('formats with the currency code and locale grouping', () => {
    expect(formatMoney('1234.50', 'CHF', 'en-US')).toMatch(/CHF\s?1,234\.50/);
    expect(formatMoney('1234.50', 'EUR', 'de-DE')).toMatch(/1\.234,50\s?EUR/);
    expect(formatMoney('9999999999999.99', 'USD', 'en-US')).toMatch(/9,999,999,999,999\.99/);
  });

  it('writes every currency with the locale’s one number form, the figures exactly as formatAmount writes them', () => {
    for (const locale of ['en-CH', 'de-CH', 'fr-CH', 'en-GB', 'es-ES']) {
      const figures = (['CHF', 'EUR', 'USD'] as const).map((c) => formatMoney('35764.65', c, locale).replace(c, '').trim());
      expect(figures).toEqual(Array(3).fill(formatAmount('35764.65', 'EUR', locale)));
      // A negative amount has one shape too, whatever the currency.
      expect(formatMoney('-72.00', 'EUR', locale).replace('EUR', 'CHF')).toBe(formatMoney('-72.00', 'CHF', locale));
    }
    expect(formatMoney('569.00', 'EUR', 'fr-CH').replace(/\s/g, ' ')).toBe('569,00 EUR');
    expect(formatAmount('59', 'EUR', 'fr-CH')).toBe('59,00');
  });

  // Independent model: everything in integer hundredths of a cent with BigInt, then half-up.
  const bigLineTotal = (qty: number, priceCents: number, discountBp: number): bigint => {
    const gross = BigInt(qty) * BigInt(priceCents) * BigInt(10000 - discountBp); // cents × 1/10000
    return (gross + 5000n) / 10000n;
  };

  it('matches an integer model for any quantity, price and discount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 100_000 }), cents: fc.integer({ min: 0, max: 10_000_000 }), bp: fc.integer({ min: 0, max: 10_000 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (lines) => {
          const asInput = lines.map((l) => ({
            quantity: l.qty,
            unitPrice: fromMinorUnits(l.cents, 'CHF'),
            discountPercent: `${Math.trunc(l.bp / 100)}.${String(l.bp % 100).padStart(2, '0')}`,
          }));
          const totals = orderTotals(asInput, 'CHF');
          const expectedLines = lines.map((l) => bigLineTotal(l.qty, l.cents, l.bp));
          expect(totals.lineTotals.map((t) => BigInt(toMinorUnits(t, 'CHF')))).toEqual(expectedLines);
          expect(BigInt(toMinorUnits(totals.total, 'CHF'))).toBe(expectedLines.reduce((a, b) => a + b, 0n));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums are exact however many small amounts are added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99_999 }), { maxLength: 200 }), (cents) => {
        const sum = sumAmounts(cents.map((c) => fromMinorUnits(c, 'EUR')), 'EUR');
        expect(toMinorUnits(sum, 'EUR')).toBe(cents.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
