/** What the batch screen says, from the batch's state; pure, so the wording is the same everywhere. */
import { plural } from '../../../../shared/domain/plural';
import type { BatchOutcome, BatchProgress, IssuedEntry } from './batch-runner';

/** The live line under the progress bar, e.g. "12 of 40 — INV-2026-00123 issued". */
export function progressText(progress: BatchProgress, stopping: boolean): string {
  const count = `${progress.done} of ${progress.total}`;
  if (stopping) return progress.current ? `${count} — stopping after ${progress.current.number}, the invoice in progress…` : `${count} — stopping…`;
  const last = progress.last;
  if (!last) return progress.current ? `${count} — issuing the invoice for ${progress.current.number}…` : count;
  if (last.kind === 'issued') return `${count} — ${last.entry.invoiceNumber} issued`;
  return `${count} — ${last.entry.order.number} not invoiced: ${last.entry.message}`;
}

/** "INV-2026-00012 to INV-2026-00017", or the numbers listed when they are not one run. */
export function numberRange(entries: readonly IssuedEntry[]): string {
  const numbers = entries.map((e) => e.invoiceNumber);
  if (numbers.length <= 2) return numbers.join(' and ');
  const parse = (n: string) => /^(.*-)(\d+)$/.exec(n);
  const first = parse(numbers[0]!);
  const contiguous = first !== null && numbers.every((n, i) => {
    const m = parse(n);
    return m !== null && m[1] === first[1] && Number(m[2]) === Number(first[2]) + i;
  });
  return contiguous ? `${numbers[0]} to ${numbers.at(-1)}` : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** The summary's heading, e.g. "Stopped: 3 of 6 invoices issued". */
export function outcomeHeading(outcome: BatchOutcome): string {
  const total = outcome.issued.length + outcome.failed.length + outcome.notStarted.length;
  const issued = `${outcome.issued.length} of ${plural(total, 'invoice', 'invoices')} issued`;
  if (outcome.stopped?.by === 'cancel') return `Cancelled: ${issued}`;
  if (outcome.stopped?.by === 'error') return `Stopped: ${issued}`;
  return `Done: ${issued}`;
}
