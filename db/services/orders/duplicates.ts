import type { z } from 'zod';
import type { DuplicateCandidate, DuplicateCheckInput } from '../../../shared/contract/orders';
import { addDays } from '../../../shared/domain/calendar';
import { foldForMatch } from '../../../shared/domain/text';
import { DUPLICATE_WINDOW_DAYS } from '../../../shared/domain/vocabulary';
import { fromMinorUnits } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import type { OrderRow } from './rows';

type LineKey = { publicationId?: number | null | undefined; title: string; quantity: number };

/** Order-independent fingerprint of titles and quantities. */
function linesFingerprint(lines: readonly LineKey[]): string {
  return lines
    .map((l) => `${l.publicationId != null ? `#${l.publicationId}` : foldForMatch(l.title)}×${l.quantity}`)
    .sort()
    .join('|');
}

/**
 * The same order often arrives twice (fax, then the mailed original). Finds orders from
 * the same customer (same e-mail, or same name and country ignoring accents and case)
 * with the same titles and quantities within the window around the received date.
 */
export function findDuplicateOrders(ctx: ServiceContext, input: z.output<typeof DuplicateCheckInput>): { duplicates: DuplicateCandidate[] } {
  const name = foldForMatch(input.customer.name);
  const email = input.customer.email.trim();
  const country = input.customer.country.toUpperCase();
  if ((name === '' || country === '') && email === '') return { duplicates: [] };
  if (input.lines.length === 0) return { duplicates: [] };

  const candidates = statement(
    ctx,
    `SELECT * FROM orders
     WHERE received_on BETWEEN @from AND @to AND status <> 'cancelled' AND id IS NOT @exclude
       AND ((@email <> '' AND customer_email = @email COLLATE NOCASE) OR customer_country = @country)`,
  ).all({
    from: addDays(input.receivedOn, -DUPLICATE_WINDOW_DAYS),
    to: addDays(input.receivedOn, DUPLICATE_WINDOW_DAYS),
    exclude: input.excludeOrderId ?? null,
    email,
    country,
  }) as OrderRow[];

  const sameCustomer = candidates.filter(
    (o) => (email !== '' && o.customer_email.toLowerCase() === email.toLowerCase()) || (name !== '' && o.customer_country === country && foldForMatch(o.customer_name) === name),
  );
  if (sameCustomer.length === 0) return { duplicates: [] };

  const wanted = linesFingerprint(input.lines);
  const linesOf = statement(ctx, 'SELECT publication_id AS publicationId, title, quantity FROM order_lines WHERE order_id = ?');
  const duplicates = sameCustomer
    .filter((o) => linesFingerprint(linesOf.all(o.id) as LineKey[]) === wanted)
    .map((o) => ({
      id: o.id,
      number: o.number,
      receivedOn: o.received_on,
      receivedVia: o.received_via,
      customerName: o.customer_name,
      total: fromMinorUnits(o.total_minor, o.currency),
      currency: o.currency,
    }));
  return { duplicates };
}
