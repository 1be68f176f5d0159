/**
 * A mail server with a self-signed certificate: refused (test mail and documents alike), the
 * refusal answering the certificate's fingerprint; once the clerk pins that fingerprint, accepted;
 * another certificate on the same server is refused again.
 */
import crypto from 'node:crypto';
import selfsigned from 'selfsigned';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/test-db';
import { issuedInvoice, openMailDesk, settled, setUpMail, startSmtpServer, type MailDesk, type TestSmtpServer } from '../support/mail';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

interface Certificate {
  key: string;
  cert: string;
  fingerprint: string;
}

async function certificate(commonName: string): Promise<Certificate> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], { keyType: 'ec', algorithm: 'sha256' });
  // Computed here from the certificate itself, not taken from what the code under test reports.
  const fingerprint = new crypto.X509Certificate(pems.cert).fingerprint256;
  return { key: pems.private, cert: pems.cert, fingerprint };
}

let unitCert: Certificate;
let otherCert: Certificate;
beforeAll(async () => {
  unitCert = await certificate('mail.unit.example');
  otherCert = await certificate('mail.unit.example');
});

async function server(cert: Certificate, secure = false): Promise<TestSmtpServer> {
  const started = await startSmtpServer({ tls: { key: cert.key, cert: cert.cert, secure } });
  closing.push(() => started.close());
  return started;
}

function desk(): MailDesk {
  const opened = openMailDesk();
  closing.push(() => opened.close());
  return opened;
}

describe('STARTTLS with a self-signed certificate', () => {
  it('is refused until its fingerprint is confirmed, then the test mail and invoices go through', async () => {
    const smtp = await server(unitCert);
    const { app } = desk();
    await setUpMail(app, smtp.port, { security: 'starttls' });

    const refused = await call(app, 'mail.test', { to: 'it@unit.example' });
    expect(refused).toMatchObject({ ok: false, code: 'untrusted_certificate', fingerprint: unitCert.fingerprint });
    expect(refused.message).toContain(unitCert.fingerprint);
    const invoice = await issuedInvoice(app);
    const { mail } = await call(app, 'mail.send', { documentId: invoice.id });
    const failed = await settled(app, mail.id);
    // Permanent until the clerk decides: not retried in a loop.
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining(unitCert.fingerprint) });
    expect(smtp.accepted).toHaveLength(0);

    // The clerk compares it with what IT says and confirms it (typed in lower case without colons, as some tools print it).
    const typed = unitCert.fingerprint.replace(/:/g, '').toLowerCase();
    expect((await call(app, 'settings.set', { mail: { pinnedFingerprint: typed } })).settings.mail.pinnedFingerprint).toBe(unitCert.fingerprint);
    expect(await call(app, 'mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: true, response: expect.stringMatching(/^250 /) });
    await call(app, 'mail.retry', { id: mail.id });
    expect(await settled(app, mail.id)).toMatchObject({ status: 'accepted' });
    expect(smtp.accepted.map((m) => m.parsed.subject)).toEqual(['Order Desk: test e-mail', expect.stringContaining(invoice.number)]);
  });

  it('refuses another certificate on the pinned server, naming the one it saw', async () => {
    const smtp = await server(otherCert);
    const { app } = desk();
    await setUpMail(app, smtp.port, { security: 'starttls', pinnedFingerprint: unitCert.fingerprint });
    const result = await call(app, 'mail.test', { to: 'it@unit.example' });
    expect(result).toMatchObject({ ok: false, code: 'untrusted_certificate', fingerprint: otherCert.fingerprint, message: expect.stringContaining('other than the one confirmed') });
    expect(smtp.accepted).toHaveLength(0);
  });

  it('refuses to send in clear to a server that offers no STARTTLS', async () => {
    const plain = await startSmtpServer();
    closing.push(() => plain.close());
    const { app } = desk();
    await setUpMail(app, plain.port, { security: 'starttls' });
    const result = await call(app, 'mail.test', { to: 'it@unit.example' });
    expect(result).toMatchObject({ ok: false });
    expect(plain.accepted).toHaveLength(0);
  });
});

describe('implicit TLS with a self-signed certificate', () => {
  it('is refused, then accepted once pinned', async () => {
    const smtp = await server(unitCert, true);
    const { app } = desk();
    await setUpMail(app, smtp.port, { security: 'tls' });
    expect(await call(app, 'mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: false, code: 'untrusted_certificate', fingerprint: unitCert.fingerprint });
    await call(app, 'settings.set', { mail: { pinnedFingerprint: unitCert.fingerprint } });
    expect(await call(app, 'mail.test', { to: 'it@unit.example' })).toMatchObject({ ok: true });
    expect(smtp.accepted).toHaveLength(1);
  });
});
