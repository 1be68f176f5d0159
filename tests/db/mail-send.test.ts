/**
 * E-mailing documents to a real SMTP server on loopback: what arrives, and what the outbox says
 * about each mail (accepted only when the server took it; failed with its reason; retried after a
 * temporary refusal or a timeout, a bounded number of times).
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/test-db';
import { issuedInvoice, outbox, settled, setUpMail, startSilentServer, closedAfterEachTest } from '../support/mail';
import { createDocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { formatDocumentMoney } from '../../shared/documents/document-labels';

const { desk, smtp, later } = closedAfterEachTest();

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('an invoice e-mailed to a loopback server', () => {
  it('arrives with its exact stored PDF, the template in its language, and is accepted with the server’s answer', async () => {
    const server = await smtp();
    // The real PDF worker: the attachment is the invoice as issued, byte for byte.
    const { app } = desk({ documents: () => createDocumentRenderer(sourceRenderWorker()) });
    await setUpMail(app, server.port, { copyTo: 'archive@unit.example' });
    const invoice = await issuedInvoice(app, { email: 'bibliotheque@ville.example', country: 'FR', name: 'Bibliothèque de Lyon' });
    const stored = await call(app, 'invoices.pdf', { id: invoice.id });

    const preview = await call(app, 'mail.preview', { documentId: invoice.id });
    expect(preview).toMatchObject({
      to: 'bibliotheque@ville.example',
      orderEmail: 'bibliotheque@ville.example',
      language: 'fr',
      subject: `Facture ${invoice.number} – Publications Unit, International Organization for Migration`,
      attachment: { fileName: `${invoice.number}.pdf`, size: Buffer.from(stored.contentBase64, 'base64').length, sha256: stored.sha256 },
      problems: [],
    });
    // Amount and date in the document's language, by the project's formatters.
    const amount = formatDocumentMoney('2469.00', 'CHF', 'fr');
    expect(amount).toMatch(/^2\s469,00\sCHF$/u);
    expect(preview.text).toContain(`d’un montant de ${amount}, payable jusqu’au 3 décembre 2026.`);
    expect(preview.text).toMatch(/^Bonjour Bibliothèque de Lyon,/);

    const { mail } = await call(app, 'mail.send', { documentId: invoice.id });
    expect(mail).toMatchObject({ status: 'queued', to: 'bibliotheque@ville.example', documentNumber: invoice.number, attempts: 0 });
    const done = await settled(app, mail.id, 60_000);
    expect(done).toMatchObject({ status: 'accepted', attempts: 1, error: '', response: expect.stringMatching(/^250 .*queued as test-1/) });
    expect(done.acceptedAt).not.toBeNull();

    expect(server.accepted).toHaveLength(1);
    const received = server.accepted[0]!;
    expect(received.envelopeTo.sort()).toEqual(['archive@unit.example', 'bibliotheque@ville.example']);
    // The copy to the unit's mailbox is blind: the customer does not see it.
    expect(received.parsed.headers.has('cc')).toBe(false);
    expect(received.parsed.messageId).toBe(done.messageId);
    expect(received.parsed.subject).toBe(preview.subject);
    expect(received.parsed.text?.trim()).toBe(preview.text);
    expect(received.parsed.from?.value).toEqual([{ name: 'Publications Unit', address: 'publications@unit.example' }]);
    expect(received.parsed.replyTo?.value).toEqual([{ name: '', address: 'orders@unit.example' }]);
    expect(received.parsed.attachments).toHaveLength(1);
    const attachment = received.parsed.attachments[0]!;
    expect(attachment.filename).toBe(`${invoice.number}.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.content.equals(Buffer.from(stored.contentBase64, 'base64'))).toBe(true);
    expect(sha256(attachment.content)).toBe(stored.sha256);
  }, 120_000);

  it('leaves a mail the server refuses with 550 failed with that reason, and does not try it again', async () => {
    const server = await smtp({ refuseRecipients: ['nobody@customer.example'] });
    const { app } = desk();
    await setUpMail(app, server.port);
    const invoice = await issuedInvoice(app, { email: 'nobody@customer.example' });
    const { mail } = await call(app, 'mail.send', { documentId: invoice.id });
    const done = await settled(app, mail.id);
    expect(done).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null, acceptedAt: null });
    expect(done.response).toMatch(/^550 .*No such user here/);
    expect(done.error).toMatch(/refused/);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await outbox(app))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(server.accepted).toHaveLength(0);
  });

  it('accepts, after two retries, a mail the server answered 421 twice', async () => {
    const server = await smtp({ answer: (n) => (n <= 2 ? { code: 421, message: '4.3.2 Service busy, try again later' } : 'accept') });
    const { app } = desk();
    await setUpMail(app, server.port);
    const invoice = await issuedInvoice(app);
    const { mail } = await call(app, 'mail.send', { documentId: invoice.id });
    const done = await settled(app, mail.id);
    expect(done).toMatchObject({ status: 'accepted', attempts: 3, error: '' });
    expect(server.dataCount()).toBe(3);
    expect(server.accepted).toHaveLength(1);
    expect(server.accepted[0]!.parsed.messageId).toBe(done.messageId);
  });

  it('retries a server that never answers after each timeout, then fails it saying so (bounded)', async () => {
    const silent = await startSilentServer();
    later(silent);
    const { app } = desk();
    await setUpMail(app, silent.port);
    const invoice = await issuedInvoice(app);
    const { mail } = await call(app, 'mail.send', { documentId: invoice.id });
    const done = await settled(app, mail.id, 20_000);
    // Two retries in the test policy: three attempts, three connections, then failed.
    expect(done).toMatchObject({ status: 'failed', attempts: 3 });
    expect(done.error).toMatch(/did not answer in time.*Tried 3 times; not tried again\./);
    expect(silent.connections()).toBe(3);
  });

  it('shows a mail waiting for its retry as queued, with when and why', async () => {
    const server = await smtp({ answer: () => ({ code: 451, message: '4.7.1 Greylisted, come back later' }) });
    const { app } = desk({ policy: { retryDelaysMs: [60_000] } });
    await setUpMail(app, server.port);
    const { mail } = await call(app, 'mail.send', { documentId: (await issuedInvoice(app)).id });
    await expect.poll(async () => (await outbox(app))[0]!.response, { timeout: 10_000 }).toMatch(/^451 /);
    const [waiting] = await outbox(app);
    expect(waiting).toMatchObject({ id: mail.id, status: 'queued', response: expect.stringMatching(/^451 /), error: expect.stringMatching(/try again later/) });
    expect(Date.parse(waiting!.nextAttemptAt!)).toBeGreaterThan(Date.now() + 50_000);
  });
});

describe('mail.send refusals', () => {
  it('names the field: no server set, no address on the order, a document that does not exist, the same document twice', async () => {
    const { app } = desk({ sender: false });
    await call(app, 'settings.set', { bankAccounts: (await import('../support/fake-renderer')).TEST_BANK_ACCOUNTS });
    const invoice = await issuedInvoice(app);
    expect(await app.invoke('mail.send', { documentId: invoice.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'settings.mail.host' } });
    await setUpMail(app, 2525);
    const noAddress = await issuedInvoice(app, { email: '' });
    expect(await app.invoke('mail.send', { documentId: noAddress.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to', message: expect.stringContaining('no e-mail address') } });
    expect(await app.invoke('mail.send', { documentId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'documentId' } });
    expect(await app.invoke('mail.send', { documentId: invoice.id, to: 'not-an-address' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    expect(await app.invoke('mail.send', { documentId: 'INV-1' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'documentId' } });
    await call(app, 'mail.send', { documentId: invoice.id });
    expect(await app.invoke('mail.send', { documentId: invoice.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'documentId', message: expect.stringContaining('already waiting') } });
  });

  it('answers every bad input of the mail methods with a 4xx naming the field', async () => {
    const { app } = desk({ sender: false });
    const cases: Array<[string, unknown, string]> = [
      ['mail.test', {}, 'to'],
      ['mail.test', { to: 'it' }, 'to'],
      ['mail.preview', { documentId: 0 }, 'documentId'],
      ['mail.outbox', { status: 'sent' }, 'status'],
      ['mail.outbox', { limit: 501 }, 'limit'],
      ['mail.outbox', { kind: 'letter' }, 'kind'],
      ['mail.sendBatch', { documentIds: [] }, 'documentIds'],
      ['mail.sendBatch', { documentIds: [1, 'x'] }, 'documentIds.1'],
      ['mail.retry', { id: -1 }, 'id'],
      ['mail.cancel', {}, 'ids'],
      ['mail.setPassword', { password: 42 }, 'password'],
      ['mail.send', { documentId: 1, idempotencyKey: 'again' }, 'idempotencyKey'],
    ];
    for (const [method, input, field] of cases) {
      expect(await app.invoke(method, input), `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
  });

  it('queues once when the same send is repeated with its idempotency key (an answer lost, a double click)', async () => {
    const { app } = desk({ sender: false });
    await setUpMail(app, 2525);
    const invoice = await issuedInvoice(app);
    const key = '0f8c2d3e-5a4b-4c6d-8e7f-9a0b1c2d3e4f';
    const first = await call(app, 'mail.send', { documentId: invoice.id, idempotencyKey: key });
    const again = await call(app, 'mail.send', { documentId: invoice.id, idempotencyKey: key });
    expect(again).toEqual(first);
    expect(await outbox(app)).toHaveLength(1);
  });

  it('sends to the recipient, subject and text the clerk typed instead of the defaults', async () => {
    const server = await smtp();
    const { app } = desk();
    await setUpMail(app, server.port);
    const invoice = await issuedInvoice(app);
    const { mail } = await call(app, 'mail.send', { documentId: invoice.id, to: 'accounts@customer.example', subject: 'Your invoice', text: 'Hello,\n\nhere it is.' });
    expect(await settled(app, mail.id)).toMatchObject({ status: 'accepted', to: 'accounts@customer.example' });
    expect(server.accepted[0]!.parsed).toMatchObject({ subject: 'Your invoice' });
    expect(server.accepted[0]!.parsed.text?.trim()).toBe('Hello,\n\nhere it is.');
  });
});
