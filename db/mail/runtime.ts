/**
 * What e-mail needs besides the database, given to the context once when the app starts
 * (electron/main/main.ts, electron/web/cli.ts; tests make their own): where the password is kept,
 * how mails reach the server, how long to wait and how often to try again, and the sender that
 * works through the outbox.
 */
import os from 'node:os';
import type { ServiceContext } from '../context';
import type { MailPasswordStore } from './password-store';
import type { SmtpTimeouts, SmtpTransport } from './smtp-types';

export interface MailPolicy {
  /**
   * The waits before each new attempt after a temporary refusal: growing, and bounded (a mail is
   * tried at most this many times plus one, then failed with the last reason).
   */
  retryDelaysMs: readonly number[];
  timeouts: SmtpTimeouts;
}

export const DEFAULT_MAIL_POLICY: MailPolicy = {
  retryDelaysMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000],
  timeouts: { connectionMs: 30_000, greetingMs: 30_000, socketMs: 60_000 },
};

/** Wakes the sender after a mail is queued; a process without a sender (the seed, some tests) leaves mails queued. */
export interface MailWaker {
  wake(): void;
}

export interface MailRuntime {
  passwords: MailPasswordStore;
  transport: SmtpTransport;
  policy: MailPolicy;
  /** host:pid of this process: written on the mails it hands over (see 0011_mail_outbox.ts). */
  senderId: string;
  sender: MailWaker | null;
  /**
   * The time mails are queued, handed over and retried by: the computer's clock. Not the
   * business clock (ctx.now), which tests pin to a day: a retry is due seconds later in real time.
   */
  clock: () => Date;
}

export function createMailRuntime(options: { passwords: MailPasswordStore; transport: SmtpTransport; policy?: Partial<MailPolicy>; clock?: () => Date }): MailRuntime {
  return {
    passwords: options.passwords,
    transport: options.transport,
    policy: { ...DEFAULT_MAIL_POLICY, ...options.policy },
    senderId: `${os.hostname()}:${process.pid}`,
    sender: null,
    clock: options.clock ?? (() => new Date()),
  };
}

/** Gives the process's context its mail runtime (every context made from it inherits it). */
export function attachMail(ctx: ServiceContext, runtime: MailRuntime): void {
  ctx.mail = runtime;
}
