/**
 * Prices import: each row names a publication (by ISBN or exact title) and gives a price,
 * either as Currency + Unit price columns or as one "Price CHF/EUR/USD" column each.
 */
import { PriceInput } from '../../shared/contract/catalogue';
import type { Publication } from '../../shared/contract/types';
import { normalizeIsbn } from '../../shared/domain/isbn';
import { CURRENCY_CODES } from '../../shared/money/currencies';
import { amountText, schemaProblems, type ParsedPrice, type PlannedRow, type RowCells } from './plan-common';

/** Prices given in "Price CHF"-style columns, validated with the API's own PriceInput. */
export function pricesFromColumns(cells: RowCells, publicationId: number, validFrom: string | undefined, problems: string[]): ParsedPrice[] {
  const prices: ParsedPrice[] = [];
  for (const currency of CURRENCY_CODES) {
    const text = cells(`price${currency}`);
    if (text === undefined || text === '') continue;
    const parsed = PriceInput.safeParse({ publicationId, currency, unitPrice: amountText(text), ...(validFrom ? { validFrom } : {}) });
    if (parsed.success) prices.push(parsed.data);
    else problems.push(...schemaProblems(parsed.error, (m) => m.replace(/^Unit price/, `Price ${currency}`)));
  }
  return prices;
}

export class PublicationIndex {
  private readonly byIsbn = new Map<string, Publication>();
  private readonly byTitle = new Map<string, Publication[]>();
  readonly byId = new Map<number, Publication>();

  constructor(publications: Publication[]) {
    for (const p of publications) {
      this.byId.set(p.id, p);
      if (p.isbn) this.byIsbn.set(p.isbn, p);
      if (p.eisbn) this.byIsbn.set(p.eisbn, p);
      const key = p.title.trim().toLowerCase();
      this.byTitle.set(key, [...(this.byTitle.get(key) ?? []), p]);
    }
  }

  isbn(text: string): Publication | undefined {
    return text ? this.byIsbn.get(normalizeIsbn(text)) : undefined;
  }

  /** The one publication with this exact title (case aside); "ambiguous" when several share it. */
  title(text: string): Publication | 'ambiguous' | undefined {
    const found = this.byTitle.get(text.trim().toLowerCase()) ?? [];
    return found.length > 1 ? 'ambiguous' : found[0];
  }
}

/** `today` is the day a price without "Valid from" takes effect, shown in the preview. */
export function planPriceRow(index: PublicationIndex, row: number, cells: RowCells, seen: Map<string, number>, today: string): PlannedRow {
  const problems: string[] = [];
  const isbn = cells('isbn') ?? '';
  const title = cells('title') ?? '';
  let publication: Publication | undefined;
  if (isbn) {
    publication = index.isbn(isbn);
    if (!publication) problems.push(`No publication in the catalogue has ISBN ${isbn}.`);
  } else if (title) {
    const found = index.title(title);
    if (found === 'ambiguous') problems.push(`Several publications are titled "${title}"; give the ISBN instead.`);
    else if (!found) problems.push(`No publication in the catalogue is titled exactly "${title}".`);
    else publication = found;
  } else {
    problems.push('ISBN or Title is required to know which publication the price is for.');
  }

  const validFrom = cells('validFrom') || undefined;
  const publicationId = publication?.id ?? 1;
  const prices = pricesFromColumns(cells, publicationId, validFrom, problems);
  const currency = cells('currency');
  const unitPrice = cells('unitPrice');
  if (currency !== undefined || unitPrice !== undefined) {
    if ((currency ?? '') !== '' || (unitPrice ?? '') !== '') {
      const parsed = PriceInput.safeParse({ publicationId, currency: (currency ?? '').toUpperCase(), unitPrice: amountText(unitPrice ?? ''), ...(validFrom ? { validFrom } : {}) });
      if (parsed.success) prices.push(parsed.data);
      else problems.push(...schemaProblems(parsed.error));
    }
  }
  if (prices.length === 0 && problems.length === 0) problems.push('No price is given on this row.');

  for (const p of prices) {
    const key = `${publicationId}|${p.currency}|${p.validFrom ?? ''}`;
    const earlier = seen.get(key);
    if (publication && earlier !== undefined) problems.push(`The ${p.currency} price of this publication is also on row ${earlier}.`);
    else seen.set(key, row);
  }

  const values: Record<string, string> = { isbn, title: publication?.title ?? title, validFrom: validFrom ?? today };
  for (const p of prices) values[`price${p.currency}`] = p.unitPrice;
  const planned: PlannedRow = { row, action: 'update', values, problems, ...(publication ? { matches: publication.title } : {}) };
  if (publication && problems.length === 0) planned.write = { kind: 'prices', publicationId: publication.id, prices };
  return planned;
}
