/**
 * The currencies the unit accepts (ISO 4217) and how many decimals each one has.
 * The database keeps the same table; tests/db/database-file.test.ts checks the two agree.
 */
export const CURRENCIES = {
  CHF: { exponent: 2, name: 'Swiss franc' },
  EUR: { exponent: 2, name: 'Euro' },
  USD: { exponent: 2, name: 'US dollar' },
} as const;

export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as [CurrencyCode, ...CurrencyCode[]];

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCIES, value);
}

export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCIES[currency].exponent;
}
