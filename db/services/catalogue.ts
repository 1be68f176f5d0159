import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { PriceInput, PublicationInput } from '../../shared/contract/catalogue';
import type { PriceHistoryEntry, PriceInForce, Publication } from '../../shared/contract/types';
import { normalizeIsbn } from '../../shared/domain/isbn';
import type { PublicationFormat } from '../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../shared/money/currencies';
import { fromMinorUnits, toMinorUnits } from '../../shared/money/money';
import { timestamp, today, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';
import { audit } from './audit';
import { checkDate } from './date-check';

interface PublicationRow {
  id: number;
  title: string;
  subtitle: string;
  year: number | null;
  pages: number | null;
  isbn: string;
  eisbn: string;
  languages: string;
  formats: string;
  active: number;
  updated_at: string;
}

interface PriceRow {
  id: number;
  publication_id: number;
  currency: CurrencyCode;
  unit_price_minor: number;
  valid_from: string;
  created_at: string;
}

const PRICES_IN_FORCE = `
  SELECT p.* FROM prices p
  WHERE p.valid_from = (SELECT max(q.valid_from) FROM prices q
                        WHERE q.publication_id = p.publication_id AND q.currency = p.currency AND q.valid_from <= @asOf)`;

function pricesInForce(ctx: ServiceContext, asOf: string, publicationId?: number): Map<number, Publication['prices']> {
  const sql = publicationId === undefined ? PRICES_IN_FORCE : `${PRICES_IN_FORCE} AND p.publication_id = @publicationId`;
  const rows = statement(ctx, sql).all({ asOf, publicationId }) as PriceRow[];
  const byPublication = new Map<number, Publication['prices']>();
  for (const row of rows) {
    const prices = byPublication.get(row.publication_id) ?? {};
    prices[row.currency] = toPriceInForce(row);
    byPublication.set(row.publication_id, prices);
  }
  return byPublication;
}

function toPriceInForce(row: PriceRow): PriceInForce {
  return { currency: row.currency, unitPrice: fromMinorUnits(row.unit_price_minor, row.currency), validFrom: row.valid_from };
}

function toPublication(row: PublicationRow, prices: Publication['prices']): Publication {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    year: row.year,
    pages: row.pages,
    isbn: row.isbn,
    eisbn: row.eisbn,
    languages: JSON.parse(row.languages) as string[],
    formats: JSON.parse(row.formats) as PublicationFormat[],
    active: row.active === 1,
    prices,
    updatedAt: row.updated_at,
  };
}

export function listPublications(
  ctx: ServiceContext,
  input: { includeRetired: boolean; asOf?: string | undefined },
): { publications: Publication[]; upcoming: PriceHistoryEntry[] } {
  const asOf = input.asOf ?? today(ctx);
  const rows = statement(ctx, `SELECT * FROM publications ${input.includeRetired ? '' : 'WHERE active = 1'} ORDER BY title COLLATE NOCASE`).all() as PublicationRow[];
  const prices = pricesInForce(ctx, asOf);
  const upcoming = statement(ctx, 'SELECT * FROM prices WHERE valid_from > ? ORDER BY valid_from, currency').all(asOf) as PriceRow[];
  const listed = new Set(rows.map((r) => r.id));
  return {
    publications: rows.map((row) => toPublication(row, prices.get(row.id) ?? {})),
    upcoming: upcoming.filter((r) => listed.has(r.publication_id)).map(toHistoryEntry),
  };
}

function toHistoryEntry(r: PriceRow): PriceHistoryEntry {
  return { ...toPriceInForce(r), id: r.id, publicationId: r.publication_id, createdAt: r.created_at };
}

export function getPublication(ctx: ServiceContext, id: number, asOf?: string): Publication {
  const row = statement(ctx, 'SELECT * FROM publications WHERE id = ?').get(id) as PublicationRow | undefined;
  if (!row) throw new DomainError('not_found', `Publication ${id} does not exist.`, 'publicationId');
  const prices = pricesInForce(ctx, asOf ?? today(ctx), id);
  return toPublication(row, prices.get(id) ?? {});
}

export function savePublication(ctx: WriteContext, input: z.output<typeof PublicationInput>): { publication: Publication } {
  const now = timestamp(ctx);
  const values = {
    title: input.title,
    subtitle: input.subtitle,
    year: input.year,
    pages: input.pages,
    isbn: normalizeIsbn(input.isbn),
    eisbn: normalizeIsbn(input.eisbn),
    languages: JSON.stringify(input.languages),
    formats: JSON.stringify([...new Set(input.formats)]),
    active: input.active ? 1 : 0,
    now,
  };
  assertIsbnFree(ctx, values.isbn, 'isbn', input.id);
  assertIsbnFree(ctx, values.eisbn, 'eisbn', input.id);
  let id = input.id;
  if (id === undefined) {
    id = Number(
      statement(
        ctx,
        `INSERT INTO publications (title, subtitle, year, pages, isbn, eisbn, languages, formats, active, created_at, updated_at)
         VALUES (@title, @subtitle, @year, @pages, @isbn, @eisbn, @languages, @formats, @active, @now, @now)`,
      ).run(values).lastInsertRowid,
    );
    const after = getPublication(ctx, id);
    audit(ctx, 'publication', id, 'create', null, after);
    return { publication: after };
  }
  const before = getPublication(ctx, id);
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== before.updatedAt) {
    throw new DomainError('conflict', 'Someone else changed this title after you opened it. Close and reopen it to see their changes.', 'id');
  }
  statement(
    ctx,
    `UPDATE publications SET title = @title, subtitle = @subtitle, year = @year, pages = @pages, isbn = @isbn, eisbn = @eisbn,
     languages = @languages, formats = @formats, active = @active, updated_at = @now WHERE id = @id`,
  ).run({ ...values, id });
  const after = getPublication(ctx, id);
  audit(ctx, 'publication', id, 'update', before, after);
  return { publication: after };
}

function assertIsbnFree(ctx: ServiceContext, isbn: string, field: 'isbn' | 'eisbn', ownId: number | undefined): void {
  if (isbn === '') return;
  const clash = statement(ctx, 'SELECT id, title FROM publications WHERE (isbn = @isbn OR eisbn = @isbn) AND id IS NOT @ownId')
    .get({ isbn, ownId: ownId ?? null }) as { id: number; title: string } | undefined;
  if (clash) throw new DomainError('conflict', `${field === 'isbn' ? 'ISBN' : 'E-ISBN'} is already used by "${clash.title}".`, field);
}

export function setPrice(ctx: WriteContext, input: z.output<typeof PriceInput>): { publication: Publication } {
  const validFrom = checkDate(ctx, input.validFrom ?? today(ctx), { field: 'validFrom', label: 'Valid from', futureAllowed: true, closedMonthAllowed: true });
  getPublication(ctx, input.publicationId);
  const minor = toMinorUnits(input.unitPrice, input.currency);
  const before = statement(ctx, 'SELECT * FROM prices WHERE publication_id = ? AND currency = ? AND valid_from = ?')
    .get(input.publicationId, input.currency, validFrom) as PriceRow | undefined;
  statement(
    ctx,
    `INSERT INTO prices (publication_id, currency, unit_price_minor, valid_from, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (publication_id, currency, valid_from) DO UPDATE SET unit_price_minor = excluded.unit_price_minor`,
  ).run(input.publicationId, input.currency, minor, validFrom, timestamp(ctx));
  audit(ctx, 'publication', input.publicationId, 'price', before ? toPriceInForce(before) : null, {
    currency: input.currency,
    unitPrice: fromMinorUnits(minor, input.currency),
    validFrom,
  });
  return { publication: getPublication(ctx, input.publicationId) };
}

export function priceHistory(ctx: ServiceContext, publicationId: number): { prices: PriceHistoryEntry[] } {
  getPublication(ctx, publicationId);
  const rows = statement(ctx, 'SELECT * FROM prices WHERE publication_id = ? ORDER BY currency, valid_from DESC').all(publicationId) as PriceRow[];
  return { prices: rows.map(toHistoryEntry) };
}

/** Only a price that has not yet come into force can be withdrawn; once in force it is history that orders relied on. */
export function cancelScheduledPrice(ctx: WriteContext, priceId: number): { publication: Publication } {
  const row = statement(ctx, 'SELECT * FROM prices WHERE id = ?').get(priceId) as PriceRow | undefined;
  if (!row) throw new DomainError('not_found', `Price ${priceId} does not exist.`, 'priceId');
  if (row.valid_from <= today(ctx)) {
    throw new DomainError('conflict', `This price has been in force since ${row.valid_from} and is kept as history; set a new price instead.`, 'priceId');
  }
  statement(ctx, 'DELETE FROM prices WHERE id = ?').run(priceId);
  audit(ctx, 'publication', row.publication_id, 'price_withdrawn', toPriceInForce(row), null);
  return { publication: getPublication(ctx, row.publication_id) };
}
