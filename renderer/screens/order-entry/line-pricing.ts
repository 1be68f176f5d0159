/**
 * Pure decisions about line prices and totals. Amounts are only ever computed by the
 * shared money module; this file decides which lines can be totalled and which
 * prices a currency or date change may replace.
 */
import type { Publication } from '../../../shared/contract/types';
import { currencyExponent, type CurrencyCode } from '../../../shared/money/currencies';
import { decimalPlaces, isDecimalString, orderTotals } from '../../../shared/money/money';
import { parseQuantity, type LineDraft } from './form-model';

export type PriceLookup = (publicationId: number, currency: CurrencyCode) => string | undefined;

export function priceLookup(publications: readonly Publication[]): PriceLookup {
  const byId = new Map(publications.map((p) => [p.id, p]));
  return (publicationId, currency) => byId.get(publicationId)?.prices[currency]?.unitPrice;
}

/** Picking a title fills its list price; without a price in this currency a typed price is kept. */
export function pickPublication(line: LineDraft, publication: Publication, currency: CurrencyCode): LineDraft {
  const listPrice = publication.prices[currency]?.unitPrice;
  if (listPrice !== undefined) return { ...line, publicationId: publication.id, title: publication.title, unitPrice: listPrice, priceSource: 'list' };
  const keepTyped = line.priceSource === 'typed' && line.unitPrice.trim() !== '';
  return { ...line, publicationId: publication.id, title: publication.title, unitPrice: keepTyped ? line.unitPrice : '', priceSource: keepTyped ? 'typed' : 'none' };
}

/** Typing over a picked title makes it a free-text line; the price the clerk sees stays. */
export function editTitle(line: LineDraft, title: string): LineDraft {
  return { ...line, title, publicationId: null, priceSource: line.priceSource === 'list' ? 'typed' : line.priceSource };
}

export function editPrice(line: LineDraft, unitPrice: string): LineDraft {
  return { ...line, unitPrice, priceSource: unitPrice.trim() === '' ? 'none' : 'typed' };
}

export interface RepricePlan {
  /** Lines whose list price will follow the new currency. */
  fromList: number;
  /** Catalogue lines with a hand-typed price the clerk may choose to replace. */
  typedReplaceable: number;
  /** Catalogue lines with no list price in the new currency: left for the clerk to type. */
  withoutPrice: string[];
}

export function planReprice(lines: readonly LineDraft[], currency: CurrencyCode, priceOf: PriceLookup): RepricePlan {
  const plan: RepricePlan = { fromList: 0, typedReplaceable: 0, withoutPrice: [] };
  for (const line of lines) {
    if (line.publicationId === null) continue;
    const price = priceOf(line.publicationId, currency);
    if (line.priceSource === 'typed') {
      if (price !== undefined) plan.typedReplaceable += 1;
    } else if (price === undefined) plan.withoutPrice.push(line.title);
    else plan.fromList += 1;
  }
  return plan;
}

/**
 * Prices lines from the list in `currency`. List and empty prices always follow the
 * list; typed prices only when the clerk agreed. A list price with no counterpart
 * becomes empty rather than silently keeping a figure from another currency.
 */
export function applyReprice(lines: readonly LineDraft[], currency: CurrencyCode, priceOf: PriceLookup, replaceTyped: boolean): LineDraft[] {
  return lines.map((line) => {
    if (line.publicationId === null) return line;
    if (line.priceSource === 'typed' && !replaceTyped) return line;
    const price = priceOf(line.publicationId, currency);
    if (price === undefined) return line.priceSource === 'typed' ? line : { ...line, unitPrice: '', priceSource: 'none' };
    return { ...line, unitPrice: price, priceSource: 'list' };
  });
}

/** True when the line's quantity and price are complete enough to total. */
function totallable(line: LineDraft, currency: CurrencyCode): boolean {
  const quantity = parseQuantity(line.quantity);
  const price = line.unitPrice.trim();
  return quantity !== undefined && Number.isSafeInteger(quantity) && quantity >= 0 && isDecimalString(price) && decimalPlaces(price) <= currencyExponent(currency);
}

export interface DisplayTotals {
  /** Total per line key; null while the line is incomplete or wrong. */
  lineTotals: Map<string, string | null>;
  total: string;
  /** Some started line is not counted in the total yet. */
  incomplete: boolean;
}

/**
 * Line totals and the Amount due. A line with an error (`hasError`: a quantity over the limit,
 * a missing title…) is never counted, even when its figures could be multiplied: the Amount
 * due then says some line is not counted yet.
 */
export function displayTotals(
  lines: readonly LineDraft[],
  currency: CurrencyCode,
  isBlank: (line: LineDraft) => boolean,
  hasError: (line: LineDraft) => boolean = () => false,
): DisplayTotals {
  const counted = lines.filter((l) => totallable(l, currency) && !hasError(l));
  const totals = orderTotals(
    counted.map((l) => ({ quantity: parseQuantity(l.quantity)!, unitPrice: l.unitPrice.trim(), discountPercent: l.discountPercent })),
    currency,
  );
  const lineTotals = new Map<string, string | null>(lines.map((l) => [l.key, null]));
  counted.forEach((l, i) => lineTotals.set(l.key, totals.lineTotals[i] ?? null));
  const incomplete = lines.some((l) => !isBlank(l) && lineTotals.get(l.key) === null);
  return { lineTotals, total: totals.total, incomplete };
}
