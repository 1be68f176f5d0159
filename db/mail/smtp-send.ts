/**
 * One mail handed to one SMTP server with nodemailer, and the server's answer sorted into what
 * the outbox needs to know: accepted, refused for good, or worth another try later. Runs in the
 * SMTP worker (smtp-worker.ts), off the main thread.
 */
import nodemailer from 'nodemailer';
import type { MailFailureCode } from '../../shared/contract/mail';
import { fetchCertificate, isCertificateError, tlsOptionsFor } from './certificate';
import type { SmtpJob, SmtpOutcome, SmtpServer, SmtpTimeouts } from './smtp-types';

type Failure = Extract<SmtpOutcome, { ok: false }>;

interface NodemailerError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  command?: string;
}

/** Pinned certificates fetched once per server and fingerprint (certificate.ts says why they are fetched). */
export type PinnedCertificates = Map<string, string>;

async function pinnedPemFor(server: SmtpServer, timeouts: SmtpTimeouts, cache: PinnedCertificates): Promise<string | null> {
  if (!server.pinnedFingerprint || server.security === 'none') return null;
  const key = `${server.host}|${server.port}|${server.security}|${server.pinnedFingerprint}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const fetched = await fetchCertificate(server, timeouts.connectionMs + timeouts.greetingMs);
  // Another certificate than the pinned one: the real connection refuses it and says which it saw.
  if (!fetched || fetched.fingerprint !== server.pinnedFingerprint) return null;
  cache.set(key, fetched.pem);
  return fetched.pem;
}

function failure(code: MailFailureCode, temporary: boolean, message: string, response = ''): Failure {
  return { ok: false, code, temporary, message, response };
}

/** The server's words, one line, as the outbox shows them. */
function serverWords(response: string | undefined): string {
  return (response ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}

async function classify(error: NodemailerError, job: SmtpJob): Promise<Failure> {
  const { server, timeouts } = job;
  const response = serverWords(error.response);
  const code = error.responseCode ?? 0;
  const system = error.originalCode ?? error.code ?? '';
  if (isCertificateError(error)) {
    const seen = await fetchCertificate(server, timeouts.connectionMs + timeouts.greetingMs);
    const refused = failure(
      'untrusted_certificate',
      false,
      server.pinnedFingerprint && seen?.fingerprint !== server.pinnedFingerprint
        ? `The mail server ${server.host} showed a certificate other than the one confirmed in Settings${seen ? ` (SHA-256 ${seen.fingerprint})` : ''}. Nothing was sent. Check with IT before confirming a new one.`
        : `The certificate of the mail server ${server.host} is not vouched for by any authority this computer trusts (${error.message ?? system}). Nothing was sent. If IT confirms its fingerprint${seen ? ` ${seen.fingerprint}` : ''}, confirm it in Settings → E-mail.`,
    );
    return seen ? { ...refused, fingerprint: seen.fingerprint } : refused;
  }
  if (error.code === 'EAUTH') {
    return failure('auth', code >= 400 && code < 500, `The mail server ${server.host} refused the user name or password${response ? `: ${response}` : ''}.`, response);
  }
  if (code >= 500 && code !== 503) {
    return failure('refused', false, `The mail server refused the mail${error.command ? ` at ${error.command}` : ''}: ${response || error.message}`, response);
  }
  if (code >= 400) {
    return failure('temporary', true, `The mail server asked to try again later${error.command ? ` (at ${error.command})` : ''}: ${response || error.message}`, response);
  }
  if (error.code === 'ETIMEDOUT') {
    return failure('timeout', true, `The mail server ${server.host}:${server.port} did not answer in time (${error.message ?? 'timeout'}).`, response);
  }
  if (['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL'].includes(error.code ?? '')) {
    return failure('connection', true, `The connection to the mail server ${server.host}:${server.port} failed (${system}: ${error.message ?? ''}).`, response);
  }
  // An envelope or message nodemailer itself refuses (an address it cannot use): the same every time.
  return failure('refused', false, `The mail could not be handed over: ${error.message ?? system}`, response);
}

export async function sendOverSmtp(job: SmtpJob, pinned: PinnedCertificates): Promise<SmtpOutcome> {
  const { server, timeouts, message } = job;
  const pinnedPem = await pinnedPemFor(server, timeouts, pinned);
  const transporter = nodemailer.createTransport({
    host: server.host.replace(/^\[(.*)\]$/, '$1'),
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    tls: tlsOptionsFor(server, pinnedPem),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    // The unit's server may well be on the local network, or this computer.
    allowInternalNetworkInterfaces: true,
    // Nothing of a mail (nor the login) goes to any log.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transporter.sendMail({
      from: { name: message.from.name, address: message.from.address },
      to: message.to,
      ...(message.bcc ? { bcc: message.bcc } : {}),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      attachments: message.attachments.map((a) => ({
        filename: a.fileName,
        contentType: a.contentType,
        content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      })),
    });
    const rejected = (info.rejected ?? []).map((r) => r.toLowerCase());
    // Accepted for the copy only is not sent to the customer.
    if (rejected.includes(message.to.toLowerCase())) {
      const refusal = info.rejectedErrors?.find((e) => (e as NodemailerError).response) as NodemailerError | undefined;
      return classify({ ...refusal, code: 'EENVELOPE', responseCode: refusal?.responseCode ?? 550, message: `The server refused the recipient ${message.to}` }, job);
    }
    return { ok: true, response: serverWords(info.response), messageId: info.messageId ?? message.messageId };
  } catch (error) {
    return classify(error as NodemailerError, job);
  } finally {
    transporter.close();
  }
}
