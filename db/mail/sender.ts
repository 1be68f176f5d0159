/**
 * Works through the outbox, one mail at a time, on the main thread but never waiting on the
 * network there: the handover itself is the SMTP worker's. For each mail due:
 *
 *   1. one transaction marks it `sending` (one more attempt) and commits — or, when what the mail
 *      says no longer holds (a reminder whose invoice was paid meanwhile: send-guard.ts), fails it
 *      with the reason instead, and it is never handed over;
 *   2. the worker hands it to the server;
 *   3. one transaction stores the outcome: `accepted` with the server's answer; after a temporary
 *      refusal `queued` again with a later `nextAttemptAt` (the policy's growing delays, bounded);
 *      `failed` with the reason after a permanent one or the last attempt.
 *
 * A process that stops between 1 and 3 leaves the mail `sending`: the next start marks it
 * `uncertain` (outbox.ts markInterrupted), and only the clerk sends it again. A worker lost during
 * step 2 does the same at once. Cancelling a batch stops between two mails: a queued mail is no
 * longer claimed, the one in flight finishes.
 */
import { DomainError } from '../../shared/api/errors';
import type { AppContext } from '../context';
import { jobFor } from './jobs';
import { markAccepted, markFailed, markForRetry, markInterrupted, markUncertain, nextDueAt, type MailRow } from './outbox';
import type { MailRuntime, MailWaker } from './runtime';
import { claimOrWithholdNextDue } from './send-guard';
import type { SmtpOutcome } from './smtp-types';
import { SmtpWorkerLost } from './smtp-client';

export interface MailSender extends MailWaker {
  /** No new handover starts; resolves once the one in flight (if any) is stored. */
  stop(): Promise<void>;
}

export interface MailSenderOptions {
  /** Unexpected failures (the database); never a mail's content or the password. */
  log?: (message: string, error: unknown) => void;
  /** How often the outbox is looked at when nothing is due: mails another process queued are found this way. */
  pollMs?: number;
}

function failureText(outcome: Extract<SmtpOutcome, { ok: false }>, attempts: number, willRetry: boolean): string {
  if (willRetry) return outcome.message;
  return outcome.temporary ? `${outcome.message} Tried ${attempts} times; not tried again.` : outcome.message;
}

export function startMailSender(ctx: AppContext, options: MailSenderOptions = {}): MailSender {
  const runtime: MailRuntime = ctx.mail!;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const pollMs = options.pollMs ?? 60_000;
  const clock = runtime.clock;
  const at = () => clock().toISOString();
  let stopped = false;
  let pumping: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function store(work: Parameters<AppContext['transact']>[0]): Promise<void> {
    await ctx.transact(work);
  }

  async function deliver(row: MailRow): Promise<void> {
    let job;
    try {
      job = jobFor(ctx, row);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Settings or the stored PDF stop this mail before anything went out: it failed, saying why.
      return store((w) => markFailed(w, row.id, at(), error.message, ''));
    }
    let outcome: SmtpOutcome;
    try {
      outcome = await runtime.transport.send(job);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Lost during the handover: nobody can say whether the server took it.
      if (error instanceof SmtpWorkerLost) {
        return store((w) => markUncertain(w, row.id, at(), `The handover to the mail server was cut off (${reason}): the server may or may not have taken it.`));
      }
      // Never handed over (the worker could not start): as a connection that failed, tried again later.
      outcome = { ok: false, temporary: true, code: 'connection', message: `The mail could not be handed over: ${reason}.`, response: '' };
    }
    if (outcome.ok) return store((w) => markAccepted(w, row.id, at(), outcome.response));
    const delays = runtime.policy.retryDelaysMs;
    const willRetry = outcome.temporary && row.attempts <= delays.length;
    if (willRetry) {
      const next = new Date(clock().getTime() + delays[row.attempts - 1]!).toISOString();
      return store((w) => markForRetry(w, row.id, at(), next, failureText(outcome, row.attempts, true), outcome.response));
    }
    return store((w) => markFailed(w, row.id, at(), failureText(outcome, row.attempts, false), outcome.response));
  }

  async function pump(): Promise<void> {
    while (!stopped) {
      const next = await ctx.transact((w) => claimOrWithholdNextDue(w, at(), runtime.senderId));
      if (!next) return;
      if (!next.withheld) await deliver(next.mail);
    }
  }

  function scheduleNext(): void {
    clearTimeout(timer);
    if (stopped) return;
    let wait = pollMs;
    try {
      const due = nextDueAt(ctx);
      if (due !== null) wait = Math.max(0, Math.min(pollMs, Date.parse(due) - clock().getTime()));
    } catch (error) {
      log('Order Desk: the mail sender could not read the outbox', error);
    }
    timer = setTimeout(wake, wait);
    timer.unref();
  }

  function wake(): void {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    clearTimeout(timer);
    pumping = pump()
      .catch((error: unknown) => log('Order Desk: the mail sender stopped on an error; it starts again with the next mail', error))
      .finally(() => {
        pumping = null;
        if (again) {
          again = false;
          wake();
        } else {
          scheduleNext();
        }
      });
  }

  // What an earlier run left in the middle of a handover is uncertain, before anything is sent.
  void ctx
    .transact((w) => markInterrupted(w, at()))
    .catch((error: unknown) => log('Order Desk: interrupted mails could not be marked uncertain', error))
    .then(() => {
      runtime.sender = sender;
      wake();
    });

  const sender: MailSender = {
    // Deferred: a service wakes the sender from inside its own transaction, which must end first.
    wake: () => void setImmediate(wake),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (runtime.sender === sender) runtime.sender = null;
      await pumping;
    },
  };
  return sender;
}
