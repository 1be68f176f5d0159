/**
 * The outbox over time: a month's batch sent one by one and cancelled between two mails; a mail
 * retried by the clerk; a process killed in the middle of a batch, after which no mail is sent
 * twice and the one being handed over is uncertain until the clerk says otherwise.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, tempDir } from '../support/test-db';
import { issuedInvoice, outbox, settled, setUpMail, closedAfterEachTest, openMailDesk, startSmtpServer } from '../support/mail';
import type { OutboxMail } from '../../shared/contract/mail';
import { SmtpWorkerLost } from '../../db/mail/smtp-client';
import type { SmtpTransport } from '../../db/mail/smtp-types';

const { desk, smtp, later } = closedAfterEachTest();

const byId = (mails: OutboxMail[]) => [...mails].sort((a, b) => a.id - b.id);

describe('mail.sendBatch', () => {
  it('queues the documents with an address, skips the rest with the reason, and sends them one by one', async () => {
    const server = await smtp();
    const { app } = desk();
    await setUpMail(app, server.port);
    const withAddress = [await issuedInvoice(app), await issuedInvoice(app), await issuedInvoice(app)];
    const without = await issuedInvoice(app, { email: '' });
    const batch = await call(app, 'mail.sendBatch', { documentIds: [withAddress[0]!.id, without.id, withAddress[1]!.id, withAddress[2]!.id] });
    expect(batch.queued.map((m: OutboxMail) => m.documentNumber)).toEqual(withAddress.map((i) => i.number));
    expect(batch.skipped).toEqual([{ documentId: without.id, documentNumber: without.number, reason: 'The order has no e-mail address: print it.' }]);
    await Promise.all(batch.queued.map((m: OutboxMail) => settled(app, m.id)));
    const sent = byId(await outbox(app, { batchId: batch.batchId }));
    expect(sent.map((m) => m.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // One at a time, in the order given.
    expect(server.accepted.map((m) => m.parsed.subject)).toEqual(withAddress.map((i) => expect.stringContaining(i.number)));
    // The same batch again: nothing is sent twice.
    const again = await call(app, 'mail.sendBatch', { documentIds: withAddress.map((i) => i.id) });
    expect(again.queued).toEqual([]);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual(withAddress.map(() => expect.stringMatching(/^Already sent: the server accepted it/)));
  });

  it('is cancelled between two mails: the one being handed over finishes, the queued ones are never sent', async () => {
    let release: () => void = () => undefined;
    const secondStarted = new Promise<void>((resolve) => (release = resolve));
    const server = await smtp({ onData: (n) => n === 2 && release(), answer: () => 'accept' });
    const { app } = desk();
    await setUpMail(app, server.port);
    const invoices = [];
    for (let i = 0; i < 5; i += 1) invoices.push(await issuedInvoice(app));
    const batch = await call(app, 'mail.sendBatch', { documentIds: invoices.map((i) => i.id) });
    await secondStarted;
    const { cancelled } = await call(app, 'mail.cancel', { batchId: batch.batchId });
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.every((m: OutboxMail) => m.status === 'failed' && m.error === 'Cancelled by test-clerk before it was sent.')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = byId(await outbox(app, { batchId: batch.batchId }));
    const accepted = mails.filter((m) => m.status === 'accepted');
    expect(accepted.length + cancelled.length).toBe(5);
    expect(server.accepted).toHaveLength(accepted.length);
    expect(mails.some((m) => ['queued', 'sending'].includes(m.status))).toBe(false);
  });
});

describe('mail.retry', () => {
  it('sends a failed mail again with the same Message-ID; an accepted one is never retried', async () => {
    let refuse = true;
    const server = await smtp({ answer: () => (refuse ? { code: 554, message: '5.7.1 Message rejected as spam' } : 'accept') });
    const { app } = desk();
    await setUpMail(app, server.port);
    const { mail } = await call(app, 'mail.send', { documentId: (await issuedInvoice(app)).id });
    expect(await settled(app, mail.id)).toMatchObject({ status: 'failed', response: expect.stringMatching(/^554 /) });
    refuse = false;
    expect((await call(app, 'mail.retry', { id: mail.id })).mail).toMatchObject({ status: 'queued', attempts: 0, error: '' });
    const done = await settled(app, mail.id);
    expect(done).toMatchObject({ status: 'accepted', messageId: mail.messageId });
    expect(await app.invoke('mail.retry', { id: mail.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect(await app.invoke('mail.retry', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });
});

describe('a worker lost during the handover', () => {
  it('leaves the mail uncertain (not failed, not sent again by itself)', async () => {
    const { app, runtime } = desk();
    await setUpMail(app, 2525);
    let handovers = 0;
    const dying: SmtpTransport = {
      send: async () => {
        handovers += 1;
        throw new SmtpWorkerLost('the SMTP worker stopped (exit code 1)');
      },
      close: async () => undefined,
    };
    runtime.transport = dying;
    const { mail } = await call(app, 'mail.send', { documentId: (await issuedInvoice(app)).id });
    expect(await settled(app, mail.id)).toMatchObject({ status: 'uncertain', attempts: 1, error: expect.stringMatching(/cut off.*may or may not have taken it/) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(handovers).toBe(1);
  });
});

describe('a sending process killed in the middle of a batch', () => {
  it('after the restart: no mail sent twice, the interrupted one uncertain until the clerk retries it', async () => {
    const file = path.join(tempDir('order-desk-mail-kill-'), 'orders.db');
    const sending: { child?: ReturnType<typeof spawn> } = {};
    let killed = false;
    const killedNow = new Promise<void>((resolve) => {
      const server = startSmtpServer({
        // The third mail's data arrives, and before the server answers, the sending process dies.
        answer: (n) => (n === 3 ? 'hang' : 'accept'),
        onData: (n) => {
          if (n === 3 && !killed) {
            killed = true;
            setTimeout(() => {
              sending.child!.kill('SIGKILL');
              sending.child!.once('exit', () => resolve());
            }, 100);
          }
        },
      });
      void server.then((s) => {
        later(s);
        portReady(s);
      });
    });
    let portReady!: (s: Awaited<ReturnType<typeof startSmtpServer>>) => void;
    const server = await new Promise<Awaited<ReturnType<typeof startSmtpServer>>>((resolve) => (portReady = resolve));

    // This process queues (it runs no sender); the child sends.
    const queuing = openMailDesk({ file, sender: false });
    await setUpMail(queuing.app, server.port);
    const invoices = [];
    for (let i = 0; i < 5; i += 1) invoices.push(await issuedInvoice(queuing.app));
    const batch = await call(queuing.app, 'mail.sendBatch', { documentIds: invoices.map((i) => i.id) });
    await queuing.close();

    sending.child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../support/mail-batch-child.ts'), file], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ORDER_DESK_SMTP_PASSWORD: 'unused-here' },
    });
    await killedNow;
    expect(server.accepted).toHaveLength(2);

    // The restart: the one in the middle of its handover is uncertain, the rest go out once.
    const restarted = desk({ file });
    const { app } = restarted;
    const queued = byId(batch.queued);
    await settled(app, queued[4]!.id);
    const after = byId(await outbox(app, { batchId: batch.batchId }));
    expect(after.map((m) => m.status)).toEqual(['accepted', 'accepted', 'uncertain', 'accepted', 'accepted']);
    expect(after[2]!.error).toMatch(/may or may not have taken it/);
    const delivered = server.accepted.map((m) => m.parsed.messageId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual([after[0]!, after[1]!, after[3]!, after[4]!].map((m) => m.messageId).sort());

    // Only the clerk sends it again; then it is accepted, still once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await outbox(app, { status: 'uncertain' })).map((m) => m.id)).toEqual([queued[2]!.id]);
    await call(app, 'mail.retry', { id: queued[2]!.id });
    expect(await settled(app, queued[2]!.id)).toMatchObject({ status: 'accepted' });
    expect(server.accepted.filter((m) => m.parsed.messageId === after[2]!.messageId)).toHaveLength(1);
  }, 60_000);
});
