/**
 * Where a batch's mails stand, from their outbox rows; pure, so the batch screen's counts and
 * its end are decided in one place. A mail the server asked to retry later waits in the outbox
 * (queued, tried at least once): the sender takes it up again by itself, so the batch screen is
 * done with it, and says so, rather than waiting minutes or hours with the clerk.
 */
import type { OutboxMail } from '../../../../shared/contract/mail';

export interface MailBatchTally {
  total: number;
  accepted: number;
  failed: number;
  uncertain: number;
  /** Refused for now; tried again later by the sender. */
  waiting: number;
  /** Not handed over yet, or being handed over now. */
  pending: number;
  /** The mail being handed over now, if any. */
  sending: OutboxMail | null;
}

export function tallyMails(mails: readonly OutboxMail[]): MailBatchTally {
  const tally: MailBatchTally = { total: mails.length, accepted: 0, failed: 0, uncertain: 0, waiting: 0, pending: 0, sending: null };
  for (const mail of mails) {
    if (mail.status === 'accepted') tally.accepted += 1;
    else if (mail.status === 'failed') tally.failed += 1;
    else if (mail.status === 'uncertain') tally.uncertain += 1;
    else if (mail.status === 'queued' && mail.attempts > 0) tally.waiting += 1;
    else {
      tally.pending += 1;
      if (mail.status === 'sending') tally.sending = mail;
    }
  }
  return tally;
}

/** Mails the sender has finished with for now (an answer, or a later retry scheduled). */
export function settledCount(tally: MailBatchTally): number {
  return tally.total - tally.pending;
}

export function batchSettled(tally: MailBatchTally): boolean {
  return tally.pending === 0;
}

/** Documents that go to the print folder: those not e-mailed (no address) and those whose mail failed. */
export function documentsToPrint(issuedIds: readonly number[], mails: readonly OutboxMail[]): number[] {
  const onTheirWay = new Set(mails.filter((m) => m.status !== 'failed').map((m) => m.documentId));
  return issuedIds.filter((id) => !onTheirWay.has(id));
}
