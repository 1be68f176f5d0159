/** The two rules that decide when a clerk is asked before money is recorded or a price changes. */
import { describe, expect, it } from 'vitest';
import { overpaymentQuestion, overpaymentToConfirm } from '../../shared/domain/overpayment';
import { priceChangeNeedsConfirmation, priceChangeQuestion } from '../../shared/domain/price-change';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('overpaymentToConfirm', () => {
  it('asks when a payment is more than 10 % or 10.00 (whichever is more) above what is owed', () => {
    expect(overpaymentToConfirm('37125.00', '3712.50', 'EUR')).toEqual({ excess: '33412.50', allowance: '371.25' });
    expect(overpaymentToConfirm('4083.75', '3712.50', 'EUR')).toBeNull();
    expect(overpaymentToConfirm('4083.76', '3712.50', 'EUR')).toEqual({ excess: '371.26', allowance: '371.25' });
    expect(overpaymentToConfirm('35.00', '25.00', 'CHF')).toBeNull();
    expect(overpaymentToConfirm('35.01', '25.00', 'CHF')).toEqual({ excess: '10.01', allowance: '10.00' });
    // Paying less than owed, or exactly, never asks.
    expect(overpaymentToConfirm('1.00', '3712.50', 'USD')).toBeNull();
    expect(overpaymentToConfirm('3712.50', '3712.50', 'USD')).toBeNull();
  });

  it('counts all of a payment as too much on an order that owes nothing or holds a credit', () => {
    expect(overpaymentToConfirm('10.00', '0.00', 'CHF')).toBeNull();
    expect(overpaymentToConfirm('10.01', '0.00', 'CHF')).toEqual({ excess: '10.01', allowance: '10.00' });
    expect(overpaymentToConfirm('20.00', '-50.00', 'CHF')).toEqual({ excess: '20.00', allowance: '10.00' });
  });

  it('says how much over the balance the payment is', () => {
    const over = overpaymentToConfirm('37125.00', '3712.50', 'EUR')!;
    expect(plain(overpaymentQuestion('37125.00', '3712.50', 'EUR', over))).toMatch(/^EUR 37.125\.00 is EUR 33.412\.50 more than the EUR 3.712\.50 the order owes\. Is the amount right\?/);
  });
});

describe('priceChangeNeedsConfirmation', () => {
  it('asks beyond a factor of 3 either way, never within it', () => {
    expect(priceChangeNeedsConfirmation('64.00', '640.00')).toBe(true);
    expect(priceChangeNeedsConfirmation('64.00', '192.00')).toBe(false);
    expect(priceChangeNeedsConfirmation('64.00', '192.01')).toBe(true);
    expect(priceChangeNeedsConfirmation('64.00', '21.34')).toBe(false);
    expect(priceChangeNeedsConfirmation('64.00', '21.33')).toBe(true);
    expect(priceChangeNeedsConfirmation('64.00', '64.00')).toBe(false);
  });

  it('asks when a free title gets a price or a priced one becomes free', () => {
    expect(priceChangeNeedsConfirmation('0.00', '10.00')).toBe(true);
    expect(priceChangeNeedsConfirmation('10.00', '0.00')).toBe(true);
    expect(priceChangeNeedsConfirmation('0.00', '0.00')).toBe(false);
  });

  it('names the title, the new price and how far it is from the current one', () => {
    expect(plain(priceChangeQuestion('Migration and Health', 'EUR', '64.00', '640.00'))).toBe(
      'EUR 640.00 for Migration and Health is 10 times the current price (EUR 64.00). Is it right? Confirm to set it, or correct it.',
    );
    expect(plain(priceChangeQuestion('Migration and Health', 'EUR', '64.00', '6.40'))).toContain('is less than a third of the current price (EUR 64.00)');
  });
});
