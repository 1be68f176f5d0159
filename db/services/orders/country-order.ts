/**
 * Sorting orders by country means by the country's name as the clerk reads it, in the
 * settings' locale ("Allemagne" before "Suisse" in French, "Deutschland" after "Belgien"
 * in German), not by ISO code. SQLite cannot collate in a locale, so each connection
 * keeps a temp table ranking every code by its name, built with Intl.Collator; the list
 * joins it and walks it in rank order, reading each country's orders off the
 * orders_country index, so the first page still never sorts the table.
 */
import { DEFAULT_SETTINGS } from '../../migrations/0002_seed_catalogue';
import { countryOptions } from '../../../shared/domain/countries';
import type { ServiceContext } from '../../context';
import { scratchStatement, statement } from '../../statements';

/** What the list's FROM becomes when it sorts by country; `country_rank.rank` is the sort key. */
export const ORDERS_WITH_COUNTRY_RANK = 'orders JOIN temp.order_country_rank AS country_rank ON country_rank.code = orders.customer_country';

const rankedFor = new WeakMap<object, string>();

function settingsLocale(ctx: ServiceContext): string {
  const stored = statement(ctx, "SELECT value FROM settings WHERE key = 'locale'").pluck().get() as string | undefined;
  return stored !== undefined ? (JSON.parse(stored) as string) : DEFAULT_SETTINGS.locale;
}

/** Makes sure the rank table follows the locale in the settings; cheap when it already does. */
export function ensureCountryRanks(ctx: ServiceContext): void {
  const locale = settingsLocale(ctx);
  if (rankedFor.get(ctx.db) === locale) return;
  ctx.db.exec('CREATE TEMP TABLE IF NOT EXISTS order_country_rank (code TEXT PRIMARY KEY, rank INTEGER NOT NULL UNIQUE)');
  const names = new Map(countryOptions(locale).map((c) => [c.code, c.name]));
  // Orders only hold codes from that list (the contract checks them); any older code
  // still gets a rank, by its code, so the join never drops an order.
  for (const code of statement(ctx, 'SELECT DISTINCT customer_country FROM orders').pluck().all() as string[]) {
    if (!names.has(code)) names.set(code, code);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const ranked = [...names].sort(([codeA, a], [codeB, b]) => collator.compare(a, b) || (codeA < codeB ? -1 : 1));
  const insert = scratchStatement(ctx, 'INSERT INTO temp.order_country_rank (code, rank) VALUES (?, ?)');
  ctx.db.transaction(() => {
    scratchStatement(ctx, 'DELETE FROM temp.order_country_rank').run();
    ranked.forEach(([code], rank) => insert.run(code, rank));
  })();
  // Without statistics SQLite takes the table for a big one and sorts every order instead of walking it.
  ctx.db.exec('ANALYZE temp.order_country_rank');
  rankedFor.set(ctx.db, locale);
}
