/**
 * The storing worker reads into its connection's page cache, while the other worker reads the
 * file, the parts of the database its stages then touch at random places: recording each payment
 * reads its order and the order's payments and invoices, and writes index entries all over the
 * payments, orders, audit and bank line indexes. Cold, each first touch of a page was a read from
 * the file, and the stages of the bench's 10,000 payments took 2.5 to 3.5 s; warmed, about 2.1 s.
 *
 * Counting an index's entries reads every page of it, about 20 ms per 1,000 pages; a table is
 * read a slice of rows at a time. The b-trees below are some 18,000 pages at 100,000 orders, well
 * within the import's page cache. It gives way as soon as the file is read (`stop`), so the first
 * stage waits for it no longer than the index or slice under way.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../connection';

/** Table, and index of it (null: the table itself), most pages touched per page read first. */
export const STAGES_TOUCH: readonly (readonly [string, string | null])[] = [
  ['payments', 'payments_order'],
  ['invoices', 'invoices_order'],
  ['orders', 'orders_payment_status'],
  ['audit_log', 'audit_entity'],
  ['bank_lines', 'bank_lines_content'],
  ['bank_lines', 'bank_lines_entry'],
  ['bank_lines', 'bank_lines_status'],
  ['bank_lines', 'bank_lines_statement'],
  ['payments', 'payments_report'],
  ['payments', null],
  ['orders', null],
];

/** Rows of a table read per slice: some 30 ms, the longest the first stage waits for it. */
const ROWS_PER_SLICE = 10_000;

/** Reads a table's pages a slice of rows at a time, looking at `stop()` between two. */
async function warmTable(db: Db, table: string, stop: () => boolean): Promise<boolean> {
  const last = (db.prepare(`SELECT max(rowid) FROM "${table}"`).pluck().get() as number | null) ?? 0;
  const slice = db.prepare(`SELECT count(*) FROM "${table}" WHERE rowid > ? AND rowid <= ?`).pluck();
  for (let from = 0; from < last; from += ROWS_PER_SLICE) {
    await nextTurn();
    if (stop()) return false;
    slice.get(from, from + ROWS_PER_SLICE);
  }
  return true;
}

/** Reads the b-trees into `db`'s page cache until done or `stop()` (looked at between two slices); answers how many it read whole. */
export async function warmPageCache(db: Db, stop: () => boolean): Promise<number> {
  const existing = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')`).pluck().all() as string[]);
  let read = 0;
  for (const [table, index] of STAGES_TOUCH) {
    await nextTurn();
    if (stop()) break;
    // A b-tree a later version renamed is only not warmed.
    if (!existing.has(index ?? table)) continue;
    if (index === null) {
      if (!(await warmTable(db, table, stop))) break;
    } else {
      db.prepare(`SELECT count(*) FROM "${table}" INDEXED BY "${index}"`).pluck().get();
    }
    read++;
  }
  return read;
}
