/**
 * The batch screen's state: the month's orders still to invoice, the run in progress (Cancel
 * asks it to stop after the invoice being issued), and what was issued in this visit for the
 * month, across runs, so "Save all PDFs" after a cancelled run and its restart covers them all.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { orderDesk } from '../../../api/client';
import { useApiRead } from '../../../hooks/useApiRead';
import { newIdempotencyKey } from '../../../hooks/useIdempotencyKey';
import { useUnsavedChangesGuard } from '../../../hooks/useUnsavedChangesGuard';
import { useLeavePrompt } from '../../../hooks/useLeavePrompt';
import { runBatch, type BatchOutcome, type BatchProgress, type IssuedEntry } from './batch-runner';

export type BatchPhase = 'ready' | 'running' | 'stopping' | 'finished';

const LEAVING_STOPS = 'Invoices are being issued. Leaving this screen stops the batch after the invoice in progress; the invoices issued so far stay issued.';
const LEAVE_WORDS = { title: 'Stop issuing and leave?', stay: 'Keep issuing', leave: 'Stop the batch and leave' };

export function useInvoiceBatch(month: string) {
  const uninvoiced = useApiRead(() => (month ? orderDesk().invoices.uninvoiced({ month }) : null), [month]);
  const [phase, setPhase] = useState<BatchPhase>('ready');
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const [issued, setIssued] = useState<{ month: string; entries: IssuedEntry[] }>({ month, entries: [] });
  const stopRequested = useRef(false);
  /** The run's idempotency key: kept after a run an error stopped, so its restart re-sends the same calls; new after a run that ended. */
  const runKey = useRef(newIdempotencyKey());

  // Another month starts afresh (what was issued stays on the Invoices screen).
  if (issued.month !== month && phase !== 'running' && phase !== 'stopping') {
    setIssued({ month, entries: [] });
    setOutcome(null);
    setProgress(null);
    setPhase('ready');
  }

  const busy = phase === 'running' || phase === 'stopping';
  useUnsavedChangesGuard(busy);
  // The app's one leave prompt; the batch goes on while it is asked.
  const leavePrompt = useLeavePrompt({ dirty: busy, unsaved: LEAVING_STOPS, words: LEAVE_WORDS, onLeave: () => void (stopRequested.current = true) });
  // Leaving the screen by any way stops the batch between two invoices.
  useEffect(() => () => void (stopRequested.current = true), []);

  const orders = uninvoiced.data?.month === month ? uninvoiced.data.orders : null;
  const { reload } = uninvoiced;

  const start = useCallback(async () => {
    if (!orders || orders.length === 0) return;
    stopRequested.current = false;
    setPhase('running');
    setOutcome(null);
    const result = await runBatch(orders, (orderId, idempotencyKey) => orderDesk().invoices.issue({ orderId, idempotencyKey }), {
      runKey: runKey.current,
      stopRequested: () => stopRequested.current,
      onProgress: setProgress,
    });
    // An answer lost to an error may hide an invoice made: the restart must ask the same again. Otherwise every call was answered.
    if (result.stopped?.by !== 'error') runKey.current = newIdempotencyKey();
    setIssued((so) => ({ month: so.month, entries: [...so.entries, ...result.issued] }));
    setOutcome(result);
    setPhase('finished');
    reload();
  }, [orders, reload]);

  const cancel = useCallback(() => {
    stopRequested.current = true;
    setPhase((p) => (p === 'running' ? 'stopping' : p));
  }, []);

  return { uninvoiced, orders, phase, progress, outcome, leavePrompt, issued: issued.month === month ? issued.entries : [], start, cancel };
}
