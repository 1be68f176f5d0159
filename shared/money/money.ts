/**
 * The one module that owns money. Amounts travel as decimal strings ("25.00"),
 * live in SQLite as integer minor units, and are computed only with decimal.js.
 * Screen, database, invoice and exports all call these functions so a total can
 * never differ between them.
 */
import Decimal from 'decimal.js';
import { currencyExponent, type CurrencyCode } from './currencies';

// A private constructor so the app never depends on a global decimal.js setting.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Amount = InstanceType<typeof D>;

const DECIMAL_STRING = /^\d{1,13}(\.\d{1,12})?$/;
const SIGNED_DECIMAL_STRING = /^-?\d{1,13}(\.\d{1,12})?$/;

/** True when `text` is a plain non-negative decimal such as "25" or "19.99" (what a clerk types as a price). */
export function isDecimalString(text: string): boolean {
  return DECIMAL_STRING.test(text);
}

/** True for a decimal that may carry a minus sign, such as "-12.50" (a refund, an overpaid balance). */
export function isSignedDecimalString(text: string): boolean {
  return SIGNED_DECIMAL_STRING.test(text);
}

/** Number of digits after the decimal point in a decimal string. */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A decimal string (signed: refunds and balances can be negative) as an exact Amount. */
export function amount(text: string | Amount): Amount {
  if (typeof text !== 'string') return text;
  if (!isSignedDecimalString(text)) throw new RangeError(`Not a decimal amount: ${text.slice(0, 40)}`);
  return new D(text);
}

export function zero(): Amount {
  return new D(0);
}

/** Round half-up to the currency's minor unit. */
export function roundToCurrency(value: Amount, currency: CurrencyCode): Amount {
  return value.toDecimalPlaces(currencyExponent(currency), D.ROUND_HALF_UP);
}

/** "19.99" → "19.99"; always with exactly the currency's number of decimals. */
export function toDecimalString(value: Amount, currency: CurrencyCode): string {
  const rounded = roundToCurrency(value, currency);
  // decimal.js keeps the sign of zero ("-0.00"); an amount of nothing has no sign.
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(currencyExponent(currency));
}

/** Integer minor units for SQLite. Refuses amounts that are not whole minor units. */
// 10^exponent per currency exponent, made once: conversions run for every row a ledger reads.
const SCALES = new Map<number, Amount>();
function scaleOf(places: number): Amount {
  let scale = SCALES.get(places);
  if (!scale) SCALES.set(places, (scale = new D(10).pow(places)));
  return scale;
}

export function toMinorUnits(value: Amount | string, currency: CurrencyCode): number {
  const places = currencyExponent(currency);
  if (typeof value === 'string') {
    const read = minorUnitsOfDigits(value, places);
    if (read !== null) return read;
  }
  const minor = amount(value).times(scaleOf(places));
  if (!minor.isInteger()) throw new RangeError(`Amount has more decimals than ${currency} allows`);
  if (minor.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount is too large');
  return minor.toNumber();
}

const PLAIN_AMOUNT = /^(-?)(\d{1,13})(?:\.(\d{1,12}))?$/;

/**
 * "1234.5" with 2 places is 123450, read off its digits: exact, and without a decimal.js number,
 * as a bank import converts every amount of a file. Null for what the decimal path must decide:
 * not a plain amount (refused there), more decimals than the currency has (trailing zeros are
 * fine there, anything else refused), or more digits than a double holds exactly.
 */
function minorUnitsOfDigits(value: string, places: number): number | null {
  const match = PLAIN_AMOUNT.exec(value);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > places) return null;
  const digits = whole + fraction.padEnd(places, '0');
  if (digits.length > 15) return null;
  const minor = Number(digits);
  // As decimal.js answers: "-0.00" is -0.
  return sign ? -minor : minor;
}

/** Decimal string from integer minor units read from SQLite. */
export function fromMinorUnits(minor: number | bigint, currency: CurrencyCode): string {
  const places = currencyExponent(currency);
  // An integer moved by the exponent is exact, with nothing to round; anything else (a number
  // that is not a whole count of minor units) goes through the division and rounding as before.
  if (typeof minor === 'bigint' || Number.isSafeInteger(minor)) return placeDecimalPoint(minor, places);
  return toDecimalString(new D(minor.toString()).dividedBy(scaleOf(places)), currency);
}

/**
 * An integer count of minor units written with the point `places` digits from the right
 * (-5, 2 → "-0.05"): exact, with nothing to round, and without a decimal.js number, as a ledger
 * or a bank import converts every row it reads.
 */
function placeDecimalPoint(minor: number | bigint, places: number): string {
  const negative = minor < 0;
  const digits = String(negative ? -minor : minor).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

export interface LineInput {
  quantity: number;
  unitPrice: string;
  discountPercent?: string | null;
}

/**
 * quantity × unit price, less the line discount in percent, rounded half-up to the
 * currency's minor unit. The rounding happens once per line; the order total is
 * then the exact sum of rounded lines, as on a paper invoice.
 */
export function lineTotal(line: LineInput, currency: CurrencyCode): string {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) throw new RangeError('Quantity must be a whole number');
  const gross = amount(line.unitPrice).times(line.quantity);
  const discount = line.discountPercent ? amount(line.discountPercent) : zero();
  if (discount.greaterThan(100)) throw new RangeError('Discount cannot exceed 100%');
  const net = gross.times(new D(100).minus(discount)).dividedBy(100);
  return toDecimalString(net, currency);
}

/** Exact sum of signed decimal strings (already rounded line totals, payments, refunds as negatives). */
export function sumAmounts(values: readonly string[], currency: CurrencyCode): string {
  const total = values.reduce<Amount>((acc, v) => acc.plus(amount(v)), zero());
  return toDecimalString(total, currency);
}

export interface OrderTotals {
  lineTotals: string[];
  total: string;
}

export function orderTotals(lines: readonly LineInput[], currency: CurrencyCode): OrderTotals {
  const lineTotals = lines.map((line) => lineTotal(line, currency));
  return { lineTotals, total: sumAmounts(lineTotals, currency) };
}

/** a − b as a decimal string (may be negative, e.g. an overpaid balance). */
export function subtractAmounts(a: string, b: string, currency: CurrencyCode): string {
  return toDecimalString(amount(a).minus(amount(b)), currency);
}

/** −a, written the way the rest of the app writes amounts ("0.00", never "-0.00"). */
export function negateAmount(a: string, currency: CurrencyCode): string {
  return toDecimalString(amount(a).negated(), currency);
}

export function compareAmounts(a: string, b: string): number {
  return amount(a).comparedTo(amount(b));
}

/** −1, 0 or 1. */
export function signOf(a: string): -1 | 0 | 1 {
  const c = amount(a).comparedTo(0);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Exact sum of signed integer minor units from SQLite, as a decimal string. */
export function sumMinorUnits(values: readonly (number | bigint)[], currency: CurrencyCode): string {
  const total = values.reduce<Amount>((acc, v) => acc.plus(new D(v.toString())), zero());
  return fromMinorUnits(BigInt(total.toFixed(0)), currency);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An amount without its currency code, in the locale's one convention for numbers:
 * "25'088.70" (en-CH), "25 088,70" (fr-CH), "25,088.70" (en-GB). Every amount a screen or a
 * document shows goes through this, with or without its code (formatMoney), so a line amount
 * and the total under it can never be written two ways.
 * Intl formats the decimal string itself (ECMA-402 "Intl.NumberFormat v3"), so no float touches it.
 */
export function formatAmount(value: string, currency: CurrencyCode, locale = 'en-CH'): string {
  return numberFormat(locale, currencyExponent(currency)).format(value as unknown as number);
}

const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction']);
/** What goes before and after the figures, by locale and currency: ["CHF ", ""] in en-CH, ["", " CHF"] in fr-CH. */
const shapes = new Map<string, [string, string]>();

/**
 * Taken from the locale's pattern for "no currency" (XXX) with the code put in: the pattern
 * some locales keep for one currency (en-CH writes "CHF-1.00" but "-EUR 1.00") would again
 * give one screen two forms.
 */
function moneyShape(locale: string, currency: CurrencyCode): [string, string] {
  const key = `${locale}|${currency}`;
  let shape = shapes.get(key);
  if (!shape) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'XXX', currencyDisplay: 'code' }).formatToParts(1);
    const first = parts.findIndex((p) => NUMBER_PARTS.has(p.type));
    const last = parts.findLastIndex((p) => NUMBER_PARTS.has(p.type));
    const text = (from: number, to: number) =>
      parts
        .slice(from, to)
        .map((p) => (p.type === 'currency' ? currency : p.value))
        .join('');
    shape = [text(0, first), text(last + 1, parts.length)];
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * With the currency code always shown, where the locale puts it: "CHF 25'088.70" and
 * "EUR 35'764.65" (en-CH), "569,00 EUR" (fr-CH); a negative amount keeps the code in the same
 * place and its sign on the figures, as the locale writes any negative number ("EUR -72.00").
 * Intl's currency style is not used for the figures: some locales keep separate separators
 * per currency (en-CH groups EUR with "," but CHF with "'") or for money (fr-CH writes
 * "569.00 EUR" but "59,00"), which put two conventions side by side. It only says where the
 * code goes; the figures are formatAmount's.
 */
export function formatMoney(value: string, currency: CurrencyCode, locale = 'en-CH'): string {
  const [before, after] = moneyShape(locale, currency);
  return `${before}${formatAmount(value, currency, locale)}${after}`;
}
