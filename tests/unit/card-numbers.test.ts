import { describe, expect, it } from 'vitest';
import { passesLuhn, scanForCardNumbers } from '../../shared/domain/card-numbers';

describe('card numbers in free text', () => {
  it('keeps only the last four digits of a Luhn-valid number, however it is grouped', () => {
    for (const typed of ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111']) {
      const scan = scanForCardNumbers(`Paid by card ${typed}, thanks`);
      expect(scan.text).toBe('Paid by card •••• 1111, thanks');
      expect(scan.masked).toEqual(['1111']);
      expect(scan.text).not.toMatch(/4111/);
    }
    expect(scanForCardNumbers('Amex 3782 822463 10005').text).toBe('Amex •••• 0005');
  });

  it('leaves numbers that are not card numbers alone: phone numbers, references, order numbers', () => {
    for (const text of ['RF18 5390 0754 7034', 'CH44 3199 9123 0008 8901 2', '+41 22 717 9111', 'PO-2026-0042', 'Order 2026-00017', 'IBAN CH93 0076 2011 6238 5295 7', '4111 1111 1111 1112']) {
      expect(scanForCardNumbers(text)).toMatchObject({ text, masked: [], securityCode: false });
    }
  });

  it('spots a security code beside a card number or named as such', () => {
    expect(scanForCardNumbers('4111 1111 1111 1111 123').securityCode).toBe(true);
    expect(scanForCardNumbers('4111111111111111 / 123').securityCode).toBe(true);
    expect(scanForCardNumbers('card 4111 1111 1111 1111 exp 12/28 CVV 737').securityCode).toBe(true);
    expect(scanForCardNumbers('cvc: 1234').securityCode).toBe(true);
    expect(scanForCardNumbers('4111 1111 1111 1111').securityCode).toBe(false);
  });

  it('checks digits with Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('5555555555554444')).toBe(true);
  });
});
