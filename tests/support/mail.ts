/**
 * E-mail under test: a real SMTP server on loopback (smtp-server) whose answer to each mail the
 * test chooses, and an Order Desk with its mail runtime (the real SMTP worker, short delays and
 * timeouts) and sender running.
 */
import net from 'node:net';
import { afterEach } from 'vitest';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { call, openTestApp, tempDir, type TestApp, type TestAppOptions } from './test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from './fake-renderer';
import { attachMail, createMailRuntime, type MailPolicy, type MailRuntime } from '../../db/mail/runtime';
import { createWorkerTransport } from '../../db/mail/smtp-client';
import { startMailSender, type MailSender } from '../../db/mail/sender';
import { memoryPasswordStore, type MailPasswordStore } from '../../db/mail/password-store';
import type { OutboxMail } from '../../shared/contract/mail';

/** What the server does with one mail's DATA: take it, refuse it with a code, or never answer. */
export type DataAnswer = 'accept' | { code: number; message: string } | 'hang';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelopeTo: string[];
}

export interface TestSmtpServer {
  port: number;
  /** Mails the server accepted (answered 250), in order. */
  accepted: ReceivedMail[];
  /** Every DATA the server got, accepted or not. */
  dataCount: () => number;
  /** Every connection a client opened: a mail that is never handed over opens none. */
  connections: () => number;
  /** Logins tried: user and password as the server saw them. */
  logins: Array<{ user: string; password: string }>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Decides each mail's answer, by the count of DATA received so far (1 for the first); a promise holds the answer back until it settles. */
  answer?: (n: number, session: SMTPServerSession) => DataAnswer | Promise<DataAnswer>;
  /** Addresses refused at RCPT TO with 550. */
  refuseRecipients?: string[];
  /** A certificate for STARTTLS (or implicit TLS with `secure`); without one, no STARTTLS is offered. */
  tls?: { key: string; cert: string; secure?: boolean };
  /** Login required and checked against this; without it the server takes mail without login. */
  auth?: { user: string; password: string };
  /** Called as each DATA starts (before the answer). */
  onData?: (n: number) => void;
}

export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const accepted: ReceivedMail[] = [];
  const logins: Array<{ user: string; password: string }> = [];
  let dataCount = 0;
  let connections = 0;
  const config: SMTPServerOptions = {
    logger: false,
    banner: 'test server',
    disableReverseLookup: true,
    secure: options.tls?.secure ?? false,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { hideSTARTTLS: true }),
    authOptional: !options.auth,
    allowInsecureAuth: true,
    ...(options.auth ? {} : { disabledCommands: ['AUTH'] }),
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipients?.includes(address.address)) return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      dataCount += 1;
      const n = dataCount;
      options.onData?.(n);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void Promise.resolve(options.answer?.(n, session) ?? 'accept').then((answer) => {
          if (answer === 'hang') return;
          if (answer !== 'accept') return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          const raw = Buffer.concat(chunks);
          void simpleParser(raw).then((parsed) => {
            accepted.push({ raw, parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback(null, `Ok: queued as test-${n}`);
          });
        });
      });
    },
  };
  const server = new SMTPServer(config);
  // A client that refuses the certificate ends the handshake: the server says so as an 'error' event.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    accepted,
    logins,
    dataCount: () => dataCount,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server that takes the connection and never says a word: every attempt times out. */
export async function startSilentServer(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

export const TEST_POLICY: MailPolicy = {
  retryDelaysMs: [150, 300],
  timeouts: { connectionMs: 2_000, greetingMs: 600, socketMs: 2_000 },
};

export interface MailDesk {
  app: TestApp;
  runtime: MailRuntime;
  sender: MailSender;
  /** Where the sender and invoke logged (the password must never be there). */
  logged: string[];
  close(): Promise<void>;
}

export interface MailDeskOptions extends TestAppOptions {
  file?: string;
  passwords?: MailPasswordStore;
  policy?: Partial<MailPolicy>;
  /** Without a sender mails stay queued (another process sends them). */
  sender?: boolean;
  /** The business clock (the unit's day), pinned where dates matter; the mail clock stays the computer's. */
  now?: () => Date;
}

export function openMailDesk(options: MailDeskOptions = {}): MailDesk {
  const logged: string[] = [];
  const log = (message: string, error: unknown) => void logged.push(`${message} ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error)}`);
  const app = openTestApp(options.file ?? path.join(tempDir('order-desk-mail-'), 'orders.db'), options.now, { documents: fakeRenderer, log, ...options });
  const runtime = createMailRuntime({
    passwords: options.passwords ?? memoryPasswordStore(),
    transport: createWorkerTransport(),
    policy: { ...TEST_POLICY, ...options.policy },
  });
  attachMail(app.ctx, runtime);
  const sender = options.sender === false ? null : startMailSender(app.ctx, { log, pollMs: 100 });
  return {
    app,
    runtime,
    sender: sender ?? { wake: () => undefined, stop: async () => undefined },
    logged,
    async close() {
      await sender?.stop();
      await runtime.transport.close();
      await app.close();
    },
  };
}

/**
 * E-mail set up, but nobody sending: mails are queued and stay so, as when another Order Desk
 * process on the same file sends them. For tests of what is queued, not of what arrives.
 */
export async function withQueueOnlyMail(app: TestApp): Promise<MailRuntime> {
  const runtime = createMailRuntime({
    passwords: memoryPasswordStore(),
    transport: { send: () => Promise.reject(new Error('Nothing is sent in this test.')), close: () => Promise.resolve() },
  });
  attachMail(app.ctx, runtime);
  await call(app, 'settings.set', { mail: { host: '127.0.0.1', port: 2525, security: 'none', fromAddress: 'publications@unit.example' } });
  return runtime;
}

/** The unit's server on loopback, without login, and bank accounts so invoices can be issued. */
export async function setUpMail(app: TestApp, port: number, mail: Record<string, unknown> = {}): Promise<void> {
  await call(app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    mail: { host: '127.0.0.1', port, security: 'none', fromAddress: 'publications@unit.example', fromName: 'Publications Unit', replyTo: 'orders@unit.example', ...mail },
  });
}

let orderCount = 0;

/** An order with the customer's e-mail (or none), invoiced: the invoice's id and number. */
export async function issuedInvoice(app: TestApp, options: { email?: string; country?: string; name?: string; currency?: string } = {}): Promise<{ id: number; number: string; orderNumber: string }> {
  orderCount += 1;
  const { order } = await call(app, 'orders.create', {
    customer: {
      name: options.name ?? `Bibliothèque ${orderCount}`,
      country: options.country ?? 'CH',
      email: options.email ?? `library${orderCount}@customer.example`,
      city: 'Genève',
      postalCode: '1205',
      address: 'Promenade des Bastions 1',
    },
    currency: options.currency ?? 'CHF',
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '1234.50' }],
  });
  const { invoice } = await call(app, 'invoices.issue', { orderId: order.id, issuedOn: '2026-11-03' });
  return { id: invoice.id, number: invoice.number, orderNumber: order.number };
}

export async function outbox(app: TestApp, input: Record<string, unknown> = {}): Promise<OutboxMail[]> {
  return (await call(app, 'mail.outbox', input)).mails as OutboxMail[];
}

/** Waits until `mail` has left queued/sending (or the wait ends), and answers it. */
export async function settled(app: TestApp, id: number, timeoutMs = 15_000): Promise<OutboxMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = (await call(app, 'mail.outbox', { limit: 500 })).mails.filter((m: OutboxMail) => m.id === id) as OutboxMail[];
    if (mail && !['queued', 'sending'].includes(mail.status)) return mail;
    if (Date.now() > until) throw new Error(`mail ${id} still ${mail?.status} after ${timeoutMs} ms: ${JSON.stringify(mail)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Mail desks and SMTP servers a test opens, closed after it (last opened first), so a failed
 * assertion never leaves a sender worker or a listening port behind for the next test.
 */
export function closedAfterEachTest(defaults: MailDeskOptions = {}) {
  const closing: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });
  const later = <T extends { close(): Promise<void> }>(opened: T): T => {
    closing.push(() => opened.close());
    return opened;
  };
  return {
    later,
    desk: (options: MailDeskOptions = {}): MailDesk => later(openMailDesk({ ...defaults, ...options })),
    smtp: async (options: TestSmtpOptions = {}): Promise<TestSmtpServer> => later(await startSmtpServer(options)),
  };
}
