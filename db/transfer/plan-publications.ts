/**
 * Publications import: a row updates the publication it names (by ID, then ISBN or
 * E-ISBN, then exact title) or adds a new one. Columns left unmapped keep their values.
 */
import { PublicationInput } from '../../shared/contract/catalogue';
import type { Publication } from '../../shared/contract/types';
import { normalizeIsbn } from '../../shared/domain/isbn';
import { listOf, schemaProblems, shown, wholeNumberOrText, yesNoOrText, type PlannedRow, type RowCells } from './plan-common';
import { pricesFromColumns, type PublicationIndex } from './plan-prices';

export interface PublicationSeen {
  ids: Map<number, number>;
  isbns: Map<string, number>;
}

function findExisting(index: PublicationIndex, cells: RowCells, problems: string[]): Publication | undefined {
  const idText = cells('id') ?? '';
  if (idText !== '') {
    const found = /^\d+$/.test(idText) ? index.byId.get(Number(idText)) : undefined;
    if (!found) problems.push(`ID ${idText} is not a publication in this catalogue. Leave ID empty to add the publication as new.`);
    return found;
  }
  for (const key of ['isbn', 'eisbn']) {
    const found = index.isbn(cells(key) ?? '');
    if (found) return found;
  }
  const title = cells('title') ?? '';
  const byTitle = title ? index.title(title) : undefined;
  return byTitle === 'ambiguous' ? undefined : byTitle;
}

export function planPublicationRow(index: PublicationIndex, row: number, cells: RowCells, seen: PublicationSeen): PlannedRow {
  const problems: string[] = [];
  const existing = findExisting(index, cells, problems);
  const raw: Record<string, unknown> = existing
    ? { id: existing.id, title: existing.title, subtitle: existing.subtitle, year: existing.year, pages: existing.pages, isbn: existing.isbn, eisbn: existing.eisbn, languages: existing.languages, formats: existing.formats, active: existing.active }
    : {};
  const text = (key: string, set: (v: string) => unknown) => {
    const v = cells(key);
    const value = v === undefined ? undefined : set(v);
    // An empty Formats/Active cell keeps what the publication has (or the default for a new one).
    if (value !== undefined) raw[key] = value;
  };
  text('title', (v) => v);
  text('subtitle', (v) => v);
  text('year', wholeNumberOrText);
  text('pages', wholeNumberOrText);
  text('isbn', (v) => v);
  text('eisbn', (v) => v);
  text('languages', listOf);
  text('formats', (v) => (v === '' ? undefined : listOf(v)));
  text('active', yesNoOrText);

  const parsed = PublicationInput.safeParse(raw);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error));
  const prices = pricesFromColumns(cells, existing?.id ?? 1, undefined, problems);

  if (parsed.success) {
    if (existing) {
      const earlier = seen.ids.get(existing.id);
      if (earlier !== undefined) problems.push(`This is the same publication as row ${earlier} ("${existing.title}").`);
      else seen.ids.set(existing.id, row);
    }
    for (const [key, label] of [['isbn', 'ISBN'], ['eisbn', 'E-ISBN']] as const) {
      const isbn = normalizeIsbn(parsed.data[key]);
      if (isbn === '') continue;
      const owner = index.isbn(isbn);
      if (owner && owner.id !== existing?.id) problems.push(`${label} ${parsed.data[key]} is already used by "${owner.title}".`);
      const earlier = seen.isbns.get(isbn);
      if (earlier !== undefined && earlier !== row) problems.push(`${label} ${parsed.data[key]} is also on row ${earlier}.`);
      else seen.isbns.set(isbn, row);
    }
  }

  const data = parsed.success ? parsed.data : undefined;
  const values: Record<string, string> = {};
  for (const key of ['id', 'title', 'subtitle', 'year', 'pages', 'isbn', 'eisbn', 'languages', 'formats', 'active'] as const) {
    values[key] = key === 'id' ? (existing ? String(existing.id) : '') : shown(data ? data[key] : raw[key]);
  }
  if (data) {
    values.isbn = normalizeIsbn(data.isbn);
    values.eisbn = normalizeIsbn(data.eisbn);
  }
  for (const p of prices) values[`price${p.currency}`] = p.unitPrice;

  const planned: PlannedRow = { row, action: existing ? 'update' : 'create', values, problems, ...(existing ? { matches: existing.title } : {}) };
  if (data && problems.length === 0) planned.write = { kind: 'publication', publication: data, prices, update: existing !== undefined };
  return planned;
}
