/**
 * Keeps what is derived from an order for finding it (the orders_fts row and the
 * customer sort key) in step with it, and turns what a clerk types into an FTS5 query.
 *
 * Text goes into the index already folded (accents, case, ł/ø/ß…) by the same function
 * that folds the query, so "Zolc" finds "Żółć" whatever the tokenizer knows. Chinese,
 * Japanese and Korean have no spaces between words, so each such character is indexed
 * as its own token and a query for "小明" becomes the phrase "小 明": it finds "王小明".
 */
import { isbnProblem, normalizeIsbn } from '../../../shared/domain/isbn';
import { foldForMatch } from '../../../shared/domain/text';
import type { Db } from '../../connection';
import type { WriteContext } from '../../context';
import { statement } from '../../statements';

export interface SearchableOrder {
  number: string;
  customerName: string;
  email: string;
  city: string;
  /** Every line's title. */
  titles: readonly string[];
  /** The ISBNs and E-ISBNs (13 digits) of the lines' publications. */
  isbns: readonly string[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Arabic names are often written with the article ("الحسن"); a clerk may type just "حسن". */
const ARABIC_ARTICLE = /(^|\s)ال(?=\p{Script=Arabic}{2})/gu;

function foldForSearch(text: string): string {
  return foldForMatch(text).replace(/ς/g, 'σ').replace(CJK, (c) => ` ${c} `);
}

/** The text stored in the index for one field: folded, CJK split, Arabic names also without the article. */
export function searchableText(text: string): string {
  const folded = foldForSearch(text);
  const withoutArticle = folded.replace(ARABIC_ARTICLE, '$1');
  return withoutArticle === folded ? folded : `${folded} ${withoutArticle}`;
}

/** How a customer name sorts in the list: folded, so "Łukasz" sorts with the L's and "Émile" with the E's. */
export function customerSortKey(name: string): string {
  return foldForMatch(name);
}

/**
 * Fills the sort key of orders written before it existed (migration 0004): SQL cannot fold
 * names, so this is the JavaScript half of that migration, run when the database is opened
 * (db/connection.ts); cheap when there are none. Prepared ad hoc: it runs once per opening.
 */
export function backfillCustomerSortKeys(db: Db): void {
  const pending = db.prepare('SELECT id, customer_name AS name FROM orders WHERE customer_sort_key IS NULL').all() as { id: number; name: string }[];
  if (pending.length === 0) return;
  const update = db.prepare('UPDATE orders SET customer_sort_key = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of pending) update.run(customerSortKey(row.name), row.id);
  }).immediate();
}

/** Writes the search row and sort key for an order from values the caller already has (used by bulk loads). */
export function writeSearchRow(ctx: WriteContext, orderId: number, order: SearchableOrder): void {
  statement(ctx, 'UPDATE orders SET customer_sort_key = ? WHERE id = ?').run(customerSortKey(order.customerName), orderId);
  statement(ctx, 'DELETE FROM orders_fts WHERE rowid = ?').run(orderId);
  statement(ctx, 'INSERT INTO orders_fts (rowid, number, customer_name, email, city, titles) VALUES (?, ?, ?, ?, ?, ?)')
    .run(
      orderId,
      searchableText(order.number),
      searchableText(order.customerName),
      searchableText(order.email),
      searchableText(order.city),
      searchableText(titlesText(order)),
    );
}

/**
 * The titles column: every line's title, then the lines' ISBNs and E-ISBNs as 13 digits, distinct
 * and sorted (migration 0009 wrote the same for orders stored before), so "9789290688051" and
 * "978-92-9068-805-1" (see toFtsQuery) find the order.
 */
function titlesText(order: SearchableOrder): string {
  const isbns = [...new Set(order.isbns.filter((i) => i !== ''))].sort();
  return isbns.length === 0 ? order.titles.join(' | ') : `${order.titles.join(' | ')} | ${isbns.join(' ')}`;
}

const LINE_ISBNS = `
  SELECT DISTINCT code FROM (
    SELECT p.isbn AS code FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE l.order_id = @id
    UNION ALL
    SELECT p.eisbn FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE l.order_id = @id
  ) WHERE code <> ''`;

/** Re-indexes an order from what is stored, in the transaction that changed it. */
export function indexOrder(ctx: WriteContext, orderId: number): void {
  const row = statement(ctx, 'SELECT number, customer_name AS customerName, customer_email AS email, customer_city AS city FROM orders WHERE id = ?')
    .get(orderId) as Omit<SearchableOrder, 'titles' | 'isbns'> | undefined;
  if (!row) {
    statement(ctx, 'DELETE FROM orders_fts WHERE rowid = ?').run(orderId);
    return;
  }
  const titles = (statement(ctx, 'SELECT title FROM order_lines WHERE order_id = ? ORDER BY position').pluck().all(orderId) as string[]) ?? [];
  const isbns = statement(ctx, LINE_ISBNS).pluck().all({ id: orderId }) as string[];
  writeSearchRow(ctx, orderId, { ...row, titles, isbns });
}

/** After a publication's ISBN or E-ISBN changed: every order with a line of it is found by the new one, and no longer by the old. */
export function indexOrdersOfPublication(ctx: WriteContext, publicationId: number): void {
  const orders = statement(ctx, 'SELECT DISTINCT order_id FROM order_lines WHERE publication_id = ?').pluck().all(publicationId) as number[];
  for (const orderId of orders) indexOrder(ctx, orderId);
}

/**
 * An ISBN typed with hyphens ("978-92-9068-805-1", or the start of one) is searched as its
 * digits, the way it is indexed; a whole ISBN-10 as its ISBN-13. Order numbers ("2026-00012")
 * never start with 978 or 979, so they stay phrases.
 */
function isbnWord(word: string): string {
  if (/^97[89]-[\d-]*$/.test(word)) return word.replace(/-/g, '');
  const compact = word.replace(/-/g, '');
  if (/^\d{9}[\dx]$/.test(compact) && isbnProblem(compact) === null) return normalizeIsbn(compact);
  return word;
}

/**
 * Every word must match the start of a word somewhere (prefix search), accents ignored.
 * Words are quoted so FTS5 syntax typed by a clerk ("AND", "*", quotes) is taken literally;
 * a word the tokenizer splits ("2026-00012", "anna@ex", "王小明") becomes a phrase.
 */
export function toFtsQuery(text: string): string | null {
  const words = foldForSearch(text)
    .split(/\s+/)
    .map((w) => isbnWord(w.replace(/"/g, '')))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  // Consecutive CJK characters typed together must stay adjacent: join them back into one phrase.
  const phrases: string[] = [];
  let cjkRun: string[] = [];
  const flush = () => {
    if (cjkRun.length) phrases.push(`"${cjkRun.join(' ')}"*`);
    cjkRun = [];
  };
  for (const word of words) {
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(word)) {
      cjkRun.push(word);
      continue;
    }
    flush();
    phrases.push(`"${word}"*`);
  }
  flush();
  return phrases.join(' ');
}
