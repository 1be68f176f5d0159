/**
 * The invoices a statement's QR and RF references name, read by the app on its own connection
 * while the bank worker stores the first lines, and handed to the worker with a later stage: the
 * lookups (some 50 µs a line of the worker's time, most of them reading pages no one else needs)
 * run on the core that would otherwise wait. An issued invoice is never changed nor deleted
 * (the triggers of migration 0006), so what is read here stays true; a number not found is looked up
 * again by the worker in its transaction, and whether credit notes cover an invoice is always
 * read there (match.ts).
 */
import type { ServiceContext } from '../../context';
import { consistentRead } from '../../transactions';
import { issuedInvoices, type IssuedInvoice } from './match';

/** Lookups per turn of the main thread: 2 to 4 ms, so the window and browser mode's API answer in between (250 a turn let a garbage collection push a turn near the 50 ms the bench allows). */
const PER_TURN = 100;

/** Stops at the first turn after `until` is aborted (the import is over), with what it found so far. */
export async function readAheadInvoices(ctx: ServiceContext, numbers: readonly string[], until: AbortSignal): Promise<IssuedInvoice[]> {
  const found: IssuedInvoice[] = [];
  for (let start = 0; start < numbers.length; start += PER_TURN) {
    await new Promise((resolve) => setImmediate(resolve));
    if (until.aborted) break;
    const turn = numbers.slice(start, start + PER_TURN);
    found.push(...consistentRead(ctx, () => issuedInvoices(ctx, turn)).values());
  }
  return found;
}
