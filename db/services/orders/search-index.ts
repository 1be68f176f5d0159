/** Keeps orders_fts in step with an order and turns what a clerk types into an FTS5 query. */
import type { ServiceContext } from '../../context';

export function indexOrder(ctx: ServiceContext, orderId: number): void {
  ctx.db.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(orderId);
  ctx.db
    .prepare(
      `INSERT INTO orders_fts (rowid, number, customer_name, email, city, titles)
       SELECT o.id, o.number, o.customer_name, o.customer_email, o.customer_city,
              (SELECT group_concat(l.title, ' | ') FROM order_lines l WHERE l.order_id = o.id)
       FROM orders o WHERE o.id = ?`,
    )
    .run(orderId);
}

/**
 * Every word must match the start of a word somewhere (prefix search), accents ignored.
 * Words are quoted so FTS5 syntax typed by a clerk ("AND", "*", quotes) is taken literally.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
