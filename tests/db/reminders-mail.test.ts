/**
 * Payment reminders e-mailed through the outbox to a real SMTP server on loopback, on a pinned
 * business day: the reminder arrives with its stored PDF byte for byte and reads as accepted
 * only then; a server's 550 leaves it failed (never sent) with the server's reason until the
 * clerk retries; a handover cut off leaves it uncertain; an invoice without an address goes to
 * print; and the reminder's mail is found by the reminder's id and in its invoice's history.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/test-db';
import { issuedInvoice, outbox, settled, setUpMail, type MailDesk, closedAfterEachTest, type MailDeskOptions } from '../support/mail';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { claimNextDue, markInterrupted } from '../../db/mail/outbox';
import { formatDocumentMoney } from '../../shared/documents/document-labels';
import type { Reminder } from '../../shared/contract/reminders';

// Invoices of 3 November 2026 (issuedInvoice) are due on 3 December; level 1 is due ten days later.
let today = '2026-11-20';
const pinned = () => new Date(`${today}T10:00:00Z`);
const REMINDER_DAY = '2026-12-14';

const opened = closedAfterEachTest({ now: pinned });
const smtp = opened.smtp;

function desk(options: MailDeskOptions = {}): MailDesk {
  today = '2026-11-20';
  return opened.desk(options);
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

async function reminderOf(app: MailDesk['app'], invoiceId: number): Promise<Reminder> {
  const { reminders } = await call(app, 'reminders.list', { invoiceId });
  expect(reminders).toHaveLength(1);
  return reminders[0] as Reminder;
}

describe('a reminder issued for e-mail', () => {
  it('arrives at the mail server with its stored PDF byte for byte and the French template, and reads as accepted only then', async () => {
    const server = await smtp();
    // The real PDF worker: the attachment is the reminder as issued.
    const { app } = desk({ documents: () => createDocumentRenderer(sourceRenderWorker()) });
    await setUpMail(app, server.port, { copyTo: 'archive@unit.example' });
    await call(app, 'settings.set', { reminders: { levels: [{ name: 'Reminder', days: 10, fees: { CHF: '10.00' } }] } });
    const invoice = await issuedInvoice(app, { email: 'bibliotheque@ville.example', country: 'FR', name: 'Bibliothèque de Lyon' });
    today = REMINDER_DAY;

    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
    const issued = reminders[0] as Reminder;
    // Handed to the outbox in the transaction that stored it: queued, not sent.
    expect(issued).toMatchObject({ delivery: 'email', deliveryStatus: 'email_pending', email: 'bibliotheque@ville.example', mail: { status: 'queued' } });
    const done = await settled(app, issued.mail!.id, 90_000);
    expect(done).toMatchObject({ kind: 'reminder', documentId: issued.id, documentNumber: invoice.number, status: 'accepted', to: 'bibliotheque@ville.example' });

    const stored = await call(app, 'reminders.pdf', { id: issued.id });
    expect(server.accepted).toHaveLength(1);
    const received = server.accepted[0]!;
    expect(received.envelopeTo.sort()).toEqual(['archive@unit.example', 'bibliotheque@ville.example']);
    expect(received.parsed.messageId).toBe(done.messageId);
    expect(received.parsed.subject).toBe(`Rappel de paiement : facture ${invoice.number}`);
    // What the reminder asks for (the open amount and its fee, booked on the order) and the invoice's due date, in the invoice's language.
    const text = received.parsed.text ?? '';
    expect(text).toMatch(/^Bonjour Bibliothèque de Lyon,/);
    expect(text).toContain(`votre commande ${invoice.orderNumber}, échue le 3 décembre 2026,`);
    expect(text).toContain(`Le montant restant dû est de ${formatDocumentMoney('2479.00', 'CHF', 'fr')}.`);
    expect(received.parsed.attachments).toHaveLength(1);
    const attachment = received.parsed.attachments[0]!;
    expect(attachment.filename).toBe(`${invoice.number} reminder 1.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.content.equals(Buffer.from(stored.contentBase64, 'base64'))).toBe(true);
    expect(sha256(attachment.content)).toBe(issued.sha256);

    const after = await reminderOf(app, invoice.id);
    expect(after).toMatchObject({ deliveryStatus: 'email_accepted', mail: { id: done.id, status: 'accepted', error: '', response: expect.stringMatching(/^250 /) } });
    expect(after.mail!.acceptedAt).not.toBeNull();
    // The customer account says the same.
    const profile = await call(app, 'customers.profile', { id: after.customerId });
    expect(profile.reminders.map((r: Reminder) => [r.id, r.deliveryStatus])).toEqual([[issued.id, 'email_accepted']]);
  }, 180_000);

  it('is failed, never sent, with the server’s reason when the server answers 550, and sent once the clerk retries', async () => {
    const refused = ['nobody@customer.example'];
    const server = await smtp({ refuseRecipients: refused });
    const { app } = desk();
    await setUpMail(app, server.port);
    const invoice = await issuedInvoice(app, { email: 'nobody@customer.example' });
    today = REMINDER_DAY;
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
    const done = await settled(app, reminders[0].mail.id);
    expect(done).toMatchObject({ status: 'failed', attempts: 1, response: expect.stringMatching(/^550 .*No such user here/) });

    const failed = await reminderOf(app, invoice.id);
    expect(failed.deliveryStatus).toBe('email_failed');
    expect(failed.mail).toMatchObject({ status: 'failed', acceptedAt: null, response: expect.stringMatching(/^550 /), error: expect.stringMatching(/refused.*No such user here/) });
    expect(server.accepted).toHaveLength(0);
    // Failed stays failed: nothing tries it again by itself.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await reminderOf(app, invoice.id)).deliveryStatus).toBe('email_failed');
    // Listed among the reminders not delivered (as the Reminders screen asks), with when it was handed over.
    const undelivered = async () => (await call(app, 'reminders.list', { deliveryStatus: ['email_failed', 'email_uncertain'] })).reminders.map((r: Reminder) => r.id);
    expect(await undelivered()).toEqual([failed.id]);
    expect(failed.mail!.sendingAt).not.toBeNull();
    expect((await call(app, 'reminders.list', { deliveryStatus: ['email_accepted'] })).reminders).toEqual([]);
    expect(await app.invoke('reminders.list', { deliveryStatus: ['sent'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'deliveryStatus.0' } });

    // The address fixed on the server's side; the clerk sends the same mail again.
    refused.length = 0;
    const { mail } = await call(app, 'mail.retry', { id: done.id });
    expect(mail).toMatchObject({ id: done.id, kind: 'reminder', status: 'queued', attempts: 0 });
    expect(await settled(app, done.id)).toMatchObject({ status: 'accepted', attempts: 1 });
    expect(await reminderOf(app, invoice.id)).toMatchObject({ deliveryStatus: 'email_accepted', mail: { id: done.id, status: 'accepted', error: '' } });
    expect(server.accepted).toHaveLength(1);
    expect(await undelivered()).toEqual([]);
    expect(server.accepted[0]!.parsed.attachments[0]!.filename).toBe(`${invoice.number} reminder 1.pdf`);
  }, 60_000);

  it('is uncertain when Order Desk stopped while handing its mail over, and pending again once the clerk retries', async () => {
    const { app, runtime } = desk({ sender: false });
    await setUpMail(app, 2525);
    const invoice = await issuedInvoice(app);
    today = REMINDER_DAY;
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
    const at = () => new Date().toISOString();
    // The handover started (committed `sending`), then the process stopped: the next start finds it.
    await app.ctx.transact((w) => claimNextDue(w, at(), runtime.senderId));
    expect((await reminderOf(app, invoice.id)).deliveryStatus).toBe('email_pending');
    await app.ctx.transact((w) => markInterrupted(w, at()));
    const uncertain = await reminderOf(app, invoice.id);
    expect(uncertain).toMatchObject({ deliveryStatus: 'email_uncertain', mail: { id: reminders[0].mail.id, status: 'uncertain', error: expect.stringMatching(/may or may not have taken it/) } });
    await call(app, 'mail.retry', { id: reminders[0].mail.id });
    expect(await reminderOf(app, invoice.id)).toMatchObject({ deliveryStatus: 'email_pending', mail: { status: 'queued', error: '' } });
    // Cancelled before its handover: failed, saying who cancelled.
    await call(app, 'mail.cancel', { ids: [reminders[0].mail.id] });
    expect(await reminderOf(app, invoice.id)).toMatchObject({ deliveryStatus: 'email_failed', mail: { status: 'failed', error: 'Cancelled by test-clerk before it was sent.' } });
  });
});

describe('a batch of reminders', () => {
  it('e-mails the invoice with an address and makes a letter of the one without, as the Reminders screen sends them', async () => {
    const server = await smtp();
    const { app } = desk();
    await setUpMail(app, server.port);
    const withAddress = await issuedInvoice(app, { email: 'accounts@library.example' });
    const without = await issuedInvoice(app, { email: '' });
    today = REMINDER_DAY;
    const due = (await call(app, 'reminders.due', {})).reminders as { invoiceId: number; email: string }[];
    expect(due.map((r) => [r.invoiceId, r.email])).toEqual([
      [withAddress.id, 'accounts@library.example'],
      [without.id, ''],
    ]);
    // Both for e-mail: refused naming the one without an address, and nothing issued or queued.
    const refused = await app.invoke('reminders.issue', { invoiceIds: [withAddress.id, without.id], delivery: 'email' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'delivery', message: expect.stringContaining(`${without.number} has no e-mail address`) } });
    expect(await outbox(app)).toEqual([]);

    // E-mail where there is an address, a letter for the rest (the screen's two calls).
    const emailed = await call(app, 'reminders.issue', { invoiceIds: due.filter((r) => r.email !== '').map((r) => r.invoiceId), delivery: 'email' });
    const letters = await call(app, 'reminders.issue', { invoiceIds: due.filter((r) => r.email === '').map((r) => r.invoiceId), delivery: 'print' });
    expect(letters.reminders[0]).toMatchObject({ invoiceId: without.id, delivery: 'print', deliveryStatus: 'to_print', mail: null });
    await settled(app, emailed.reminders[0].mail.id);
    expect((await reminderOf(app, withAddress.id)).deliveryStatus).toBe('email_accepted');
    expect((await reminderOf(app, without.id)).deliveryStatus).toBe('to_print');
    // One mail only, to the address there was.
    expect((await outbox(app)).map((m) => [m.kind, m.documentId, m.to])).toEqual([['reminder', emailed.reminders[0].id, 'accounts@library.example']]);
    expect(server.accepted.map((m) => m.envelopeTo)).toEqual([['accounts@library.example']]);
  });

  it('is refused for e-mail, before anything is issued, while no mail server is set', async () => {
    const { app } = desk({ sender: false });
    await call(app, 'settings.set', { bankAccounts: (await import('../support/fake-renderer')).TEST_BANK_ACCOUNTS });
    const invoice = await issuedInvoice(app);
    today = REMINDER_DAY;
    expect(await app.invoke('reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'settings.mail.host', message: expect.stringContaining('as letters to print. Nothing was sent.') },
    });
    expect(await call(app, 'reminders.list', {})).toEqual({ reminders: [] });
  });
});

describe('finding a reminder’s mail', () => {
  it('by the reminder’s id with its kind, and in its invoice’s delivery history beside the invoice’s own mails', async () => {
    const { app } = desk({ sender: false });
    await setUpMail(app, 2525);
    const invoice = await issuedInvoice(app);
    const { mail: invoiceMail } = await call(app, 'mail.send', { documentId: invoice.id });
    today = REMINDER_DAY;
    const { reminders } = await call(app, 'reminders.issue', { invoiceIds: [invoice.id], delivery: 'email' });
    const reminder = reminders[0] as Reminder;
    // Both are document 1 of their tables here: the kind tells them apart.
    expect(reminder.id).toBe(invoice.id);
    expect((await outbox(app, { kind: 'reminder', documentId: reminder.id })).map((m) => m.id)).toEqual([reminder.mail!.id]);
    expect((await outbox(app, { documentId: invoice.id })).map((m) => m.id)).toEqual([invoiceMail.id]);
    expect((await outbox(app, { kind: 'invoice', documentId: invoice.id })).map((m) => m.id)).toEqual([invoiceMail.id]);
    expect((await outbox(app, { invoiceId: invoice.id })).map((m) => [m.kind, m.id])).toEqual([
      ['reminder', reminder.mail!.id],
      ['invoice', invoiceMail.id],
    ]);
    expect(await outbox(app, { invoiceId: invoice.id + 1 })).toEqual([]);
    expect(await call(app, 'reminders.list', { ids: [reminder.id] })).toMatchObject({ reminders: [{ id: reminder.id }] });
  });
});
