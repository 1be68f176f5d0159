/**
 * E-mailing a batch's invoices: mail.sendBatch queues one mail per invoice whose order has an
 * address (the others are answered as skipped, to print), the sender hands them over one by one
 * off the main thread, and this screen follows them in the outbox (mail.outbox { batchId }).
 * Cancel stops the queued ones (mail.cancel); the one being handed over finishes, so it stops
 * between two mails.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailBatch, OutboxMail } from '../../../../shared/contract/mail';
import { orderDesk } from '../../../api/client';
import { newIdempotencyKey } from '../../../hooks/useIdempotencyKey';
import { batchSettled, tallyMails } from './mail-batch-tally';

export type MailBatchPhase = 'idle' | 'queuing' | 'sending' | 'stopping' | 'done';

const POLL_MS = 800;
const PAGE = 500;

async function batchMails(batchId: string) {
  const mails: OutboxMail[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await orderDesk().mail.outbox({ batchId, offset, limit: PAGE });
    if (!result.ok) return result;
    mails.push(...result.value.mails);
    if (result.value.mails.length < PAGE || mails.length >= result.value.total) return { ok: true as const, value: mails };
  }
}

export function useMailBatch() {
  const [phase, setPhase] = useState<MailBatchPhase>('idle');
  const [batch, setBatch] = useState<MailBatch | null>(null);
  const [mails, setMails] = useState<OutboxMail[]>([]);
  // Every mail of this visit's batches, by id: what was e-mailed decides what is left to print.
  const [known, setKnown] = useState<ReadonlyMap<number, OutboxMail>>(new Map());
  const [skippedIds, setSkippedIds] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // The mails Cancel stopped before their handover: not sent, and said so apart from those a server refused.
  const [cancelledIds, setCancelledIds] = useState<ReadonlySet<number>>(new Set());
  const stopped = useRef(false);
  // Answers that arrive after the screen is gone are dropped (set again on mount: a remount, as StrictMode does, is not a leaving).
  useEffect(() => {
    stopped.current = false;
    return () => void (stopped.current = true);
  }, []);

  const remember = useCallback((list: readonly OutboxMail[]) => setKnown((old) => new Map([...old, ...list.map((m) => [m.id, m] as const)])), []);

  const start = useCallback(async (documentIds: number[]) => {
    if (documentIds.length === 0) return;
    setPhase('queuing');
    setError(null);
    setCancelled(false);
    setMails([]);
    const result = await orderDesk().mail.sendBatch({ documentIds, idempotencyKey: newIdempotencyKey() });
    if (stopped.current) return;
    if (!result.ok) {
      setError(result.error.message);
      setPhase('idle');
      return;
    }
    setBatch(result.value);
    setSkippedIds((old) => new Set([...old, ...result.value.skipped.map((x) => x.documentId)]));
    setMails(result.value.queued);
    remember(result.value.queued);
    setPhase(result.value.queued.length > 0 ? 'sending' : 'done');
  }, [remember]);

  // Followed until every mail has its answer (or a later retry); read afresh after each answer.
  const batchId = batch?.batchId;
  const following = phase === 'sending' || phase === 'stopping';
  useEffect(() => {
    if (!batchId || !following) return;
    const timer = window.setTimeout(async () => {
      const result = await batchMails(batchId);
      if (stopped.current) return;
      if (!result.ok) {
        setError(`The outbox could not be read (${result.error.message}); asking again.`);
        setMails((m) => [...m]);
        return;
      }
      setError(null);
      setMails(result.value);
      remember(result.value);
      if (batchSettled(tallyMails(result.value))) setPhase('done');
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [batchId, following, mails, remember]);

  const cancel = useCallback(async () => {
    if (!batchId) return;
    setPhase((p) => (p === 'sending' ? 'stopping' : p));
    const result = await orderDesk().mail.cancel({ batchId });
    if (!result.ok) setError(`Cancel failed: ${result.error.message}`);
    else {
      setCancelled(true);
      setCancelledIds((old) => new Set([...old, ...result.value.cancelled.map((m) => m.id)]));
    }
  }, [batchId]);

  return { phase, batch, mails, allMails: [...known.values()], skippedIds, error, cancelled, cancelledIds, start, cancel };
}
