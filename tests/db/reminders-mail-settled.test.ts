/**
 * A reminder whose e-mail did not go out is never sent once its invoice no longer owes anything for
 * its goods: paid (here by payments.record, as a bank statement import records it), credited in
 * full, or covered by the customer's credit. The clerk's Send again (mail.retry) is refused naming
 * `id`, and a retry the outbox would make by itself after a temporary refusal fails the mail with
 * the reason instead of handing it over: a real SMTP server on loopback receives nothing.
 *
 * The business clock is pinned to 00:30 in Geneva on 15 December 2026, still the 14th in UTC: the
 * payment is dated the unit's day, so a check taken on the UTC day would miss it.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../support/test-db';
import { closedAfterEachTest, issuedInvoice, settled, setUpMail, type MailDesk, type MailDeskOptions } from '../support/mail';
import type { OutboxMail } from '../../shared/contract/mail';
import type { Reminder } from '../../shared/contract/reminders';

// Invoices of 3 November 2026 (issuedInvoice) are due on 3 December; level 1 is due ten days later.
let now = '2026-11-20T10:00:00Z';
const opened = closedAfterEachTest({ now: () => new Date(now) });
const smtp = opened.smtp;
/** 15 December 2026, 00:30 in Geneva (CET): the unit's day is the 15th, UTC's still the 14th. */
const GENEVA_AFTER_MIDNIGHT = '2026-12-14T23:30:00Z';
const UNIT_DAY = '2026-12-15';

async function desk(options: MailDeskOptions = {}): Promise<MailDesk> {
  now = '2026-11-20T10:00:00Z';
  const mailDesk = opened.desk(options);
  await call(mailDesk.app, 'settings.set', { timeZone: 'Europe/Zurich' });
  return mailDesk;
}

async function reminderOf(app: MailDesk['app'], invoiceId: number): Promise<Reminder> {
  const { reminders } = await call(app, 'reminders.list', { invoiceId });
  expect(reminders).toHaveLength(1);
  return reminders[0] as Reminder;
}

async function mailOf(app: MailDesk['app'], id: number): Promise<OutboxMail> {
  return ((await call(app, 'mail.outbox', { limit: 500 })).mails as OutboxMail[]).find((m) => m.id === id)!;
}

const mailAudit = (app: MailDesk['app'], id: number) =>
  app.db.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'mail' AND entity_id = ? ORDER BY id").all(id) as { action: string; before: string; after: string }[];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An invoice e-mailed a reminder on the unit's day, to an address the server refuses with 550: the reminder's mail, failed. */
async function failedReminder(app: MailDesk['app'], email: string): Promise<{ invoice: Awaited<ReturnType<typeof issuedInvoice>>; mailId: number }> {
  const invoice = await issuedInvoice(app, { email });
  now = GENEVA_AFTER_MIDNIGHT;
  const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
  const mailId = (reminders[0] as Reminder).mail!.id;
  expect(await settled(app, mailId)).toMatchObject({ status: 'failed', attempts: 1, response: expect.stringMatching(/^550 /) });
  return { invoice, mailId };
}

describe('Send again of a reminder whose e-mail failed', () => {
  it('is refused naming id once the invoice is paid, queues nothing, and the mail server receives nothing', async () => {
    const refused = ['accounts@library.example'];
    const server = await smtp({ refuseRecipients: refused });
    const { app } = await desk();
    await setUpMail(app, server.port);
    const { invoice, mailId } = await failedReminder(app, 'accounts@library.example');
    const before = await mailOf(app, mailId);
    expect(before).toMatchObject({ kind: 'reminder', status: 'failed', settledSince: null });
    const failed = await reminderOf(app, invoice.id);
    expect(failed).toMatchObject({ deliveryStatus: 'email_failed', settledSince: null });

    // The invoice is paid today (the unit's day, as a bank statement import records it); the address is fixed meanwhile.
    await call(app, 'payments.record', { orderId: failed.orderId, method: 'bank_transfer', receivedOn: UNIT_DAY, amount: '2469.00' });
    refused.length = 0;
    const connectionsBefore = server.connections();

    const answer = await app.invoke('mail.retry', { id: mailId });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id', message: expect.stringMatching(new RegExp(`^${invoice.number} has been paid since this reminder was made \\(.*issued ${UNIT_DAY}\\): it is not sent again\\.$`)) },
    });
    // Nothing queued: the mail is as it was, and its history has no retry; the outbox says why it is not sent again.
    expect(await mailOf(app, mailId)).toEqual({ ...before, settledSince: 'paid' });
    // Home reads the failed mails, an invoice's delivery history its own and its reminders': both say it.
    const failedMails = (await call(app, 'mail.outbox', { status: 'failed' })).mails as OutboxMail[];
    expect(failedMails.map((m) => [m.id, m.settledSince])).toEqual([[mailId, 'paid']]);
    const history = (await call(app, 'mail.outbox', { invoiceId: invoice.id })).mails as OutboxMail[];
    expect(history.map((m) => [m.id, m.kind, m.settledSince])).toEqual([[mailId, 'reminder', 'paid']]);
    expect(mailAudit(app, mailId).map((a) => a.action)).toEqual(['queue']);
    const reminder = await reminderOf(app, invoice.id);
    expect(reminder).toMatchObject({ deliveryStatus: 'email_failed', settledSince: 'paid', mail: { id: mailId, status: 'failed' } });
    // The Reminders screen's list of e-mails not delivered says so of it.
    const undelivered = (await call(app, 'reminders.list', { deliveryStatus: ['email_failed', 'email_uncertain'] })).reminders as Reminder[];
    expect(undelivered.map((r) => [r.id, r.settledSince])).toEqual([[reminder.id, 'paid']]);

    await pause(500);
    expect(server.connections()).toBe(connectionsBefore);
    expect(server.dataCount()).toBe(0);
    expect(server.accepted).toEqual([]);
  }, 60_000);

  it('is refused once the invoice is credited in full, and still allowed for an invoice mail whose invoice was paid', async () => {
    const server = await smtp({ refuseRecipients: ['office@college.example', 'billing@college.example'] });
    const { app } = await desk();
    await setUpMail(app, server.port);
    const { invoice, mailId } = await failedReminder(app, 'office@college.example');
    await call(app, 'invoices.credit', { invoiceId: invoice.id, reason: 'Returned unopened' });
    expect(await app.invoke('mail.retry', { id: mailId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id', message: expect.stringMatching(new RegExp(`^${invoice.number} has been credited in full since this reminder was made \\(.*\\): it is not sent again\\.$`)) },
    });
    expect(await reminderOf(app, invoice.id)).toMatchObject({ deliveryStatus: 'email_failed', settledSince: 'credited' });
    expect(await mailOf(app, mailId)).toMatchObject({ status: 'failed', settledSince: 'credited' });

    // An invoice's own mail is a copy of the document, not a demand for money: sent again whatever was paid.
    now = '2026-11-20T10:00:00Z';
    const paidInvoice = await issuedInvoice(app, { email: 'billing@college.example' });
    const { mail } = await call(app, 'mail.send', { documentId: paidInvoice.id });
    expect(await settled(app, mail.id)).toMatchObject({ status: 'failed' });
    const { invoice: stored } = await call(app, 'invoices.get', { id: paidInvoice.id });
    await call(app, 'payments.record', { orderId: stored.orderId, method: 'bank_transfer', receivedOn: '2026-11-20', amount: '2469.00' });
    expect(await mailOf(app, mail.id)).toMatchObject({ kind: 'invoice', status: 'failed', settledSince: null });
    expect((await call(app, 'mail.retry', { id: mail.id })).mail).toMatchObject({ id: mail.id, kind: 'invoice', status: 'queued' });
  }, 60_000);
});

describe('an automatic retry of a reminder’s mail', () => {
  it('after a 421, when the invoice was paid meanwhile, is never handed over: failed with the reason, audited, and the reminder says so', async () => {
    let firstData!: () => void;
    const dataStarted = new Promise<void>((resolve) => (firstData = resolve));
    let release!: () => void;
    const paid = new Promise<void>((resolve) => (release = resolve));
    const server = await smtp({
      onData: (n) => n === 1 && firstData(),
      // The first mail is held until the payment is recorded, then refused for now; any later one would be taken.
      answer: async (n) => (n === 1 ? (await paid, { code: 421, message: '4.3.2 Try again later' }) : 'accept'),
    });
    const { app } = await desk({ policy: { retryDelaysMs: [200, 200] } });
    await setUpMail(app, server.port);
    try {
      const invoice = await issuedInvoice(app, { email: 'library@ville.example' });
      now = GENEVA_AFTER_MIDNIGHT;
      const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
      const reminder = reminders[0] as Reminder;
      const mailId = reminder.mail!.id;

      await dataStarted;
      await call(app, 'payments.record', { orderId: reminder.orderId, method: 'bank_transfer', receivedOn: UNIT_DAY, amount: '2469.00' });
      release();

      const done = await settled(app, mailId);
      expect(done).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
      expect(done.error).toMatch(new RegExp(`^${invoice.number} has been paid since this reminder was made \\(.*issued ${UNIT_DAY}\\): it is not sent again\\.$`));
      // Not a word more reached the server: one DATA (the refused one), nothing accepted.
      await pause(500);
      expect(server.dataCount()).toBe(1);
      expect(server.accepted).toEqual([]);
      expect(await mailOf(app, mailId)).toMatchObject({ status: 'failed', attempts: 1, settledSince: 'paid' });

      expect(await reminderOf(app, invoice.id)).toMatchObject({ deliveryStatus: 'email_failed', settledSince: 'paid', mail: { id: mailId, status: 'failed', error: done.error } });
      const audit = mailAudit(app, mailId);
      expect(audit.map((a) => a.action)).toEqual(['queue', 'withhold']);
      expect(JSON.parse(audit[1]!.after)).toEqual({ status: 'failed', error: done.error });
      // And the clerk cannot send it again either.
      expect(await app.invoke('mail.retry', { id: mailId })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    } finally {
      release();
    }
  }, 60_000);
});
