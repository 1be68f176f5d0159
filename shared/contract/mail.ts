/**
 * E-mail: documents sent to customers through the unit's mail server, and the outbox that tells
 * the truth about each of them (issue 17).
 *
 * Every mail is a row (the outbox) before it is handed to the server:
 *   queued → sending → accepted (the server's answer and the Message-ID) or failed (its reason).
 * A temporary refusal (SMTP 4xx, a dropped or timed-out connection) puts it back to `queued` with a
 * later `nextAttemptAt`, a bounded number of times; a permanent one (5xx, a rejected address) fails
 * it at once. A mail that was being handed over when the app stopped is `uncertain` after the
 * restart and is sent again only by `mail.retry`. Only `accepted` means sent, anywhere.
 *
 * The attachment is the document's stored PDF, byte for byte: its SHA-256 is checked against the
 * one stored at issue before every attempt.
 *
 * The server's password is never a setting and never in an answer: settings.mail says only
 * `passwordSet` and `passwordSource` (where it comes from). The desktop app keeps it with the operating system's protection
 * (`mail.setPassword`); browser mode reads it from --smtp-password-file or ORDER_DESK_SMTP_PASSWORD.
 */
import { z } from 'zod';
import { method } from './define';
import { cleanedString, enumOf, id, idempotencyKey, optionalEmail, optionalText, requiredText, wholeNumber } from './fields';
import type { SettledSince } from './reminders';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../documents/invoice-document';
import { MAIL_KINDS, MAIL_PLACEHOLDERS, unknownPlaceholders, type MailKind, type MailTemplates } from '../mail/templates';

export { MAIL_KINDS, type MailKind, type MailTemplates };

export const MAIL_STATUSES = ['queued', 'sending', 'accepted', 'failed', 'uncertain'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
/** `tls`: TLS from the first byte (usually port 465); `starttls`: plain, then STARTTLS, required (587); `none`: a server on this computer only. */
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** The only hosts `security: 'none'` is allowed for: the password and the documents never cross a network in clear. */
export const LOCAL_MAIL_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

export function isLocalMailHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (LOCAL_MAIL_HOSTS as readonly string[]).includes(bare);
}

/**
 * Where the mail password comes from: `saved` with the desktop app's operating-system protection
 * (Electron's safeStorage, mail.setPassword); in browser mode `file`, the file named by
 * --smtp-password-file, or `environment`, the variable ORDER_DESK_SMTP_PASSWORD; `none` when no
 * password is there (a server that asks for a user name then cannot be used).
 */
export const MAIL_PASSWORD_SOURCES = ['saved', 'file', 'environment', 'none'] as const;
export type MailPasswordSource = (typeof MAIL_PASSWORD_SOURCES)[number];

/** The unit's outgoing mail server and how its mails are addressed. */
export interface MailSettings {
  /** Empty until the unit sets its server: nothing can be sent before. */
  host: string;
  port: number;
  security: MailSecurity;
  /** Empty for a server that needs no login. */
  user: string;
  fromAddress: string;
  fromName: string;
  /** Where customers' replies go; empty: to the sender address. */
  replyTo: string;
  /** The unit's own mailbox, sent a blind copy of every mail; empty for none. */
  copyTo: string;
  /**
   * The SHA-256 fingerprint of a certificate the clerk confirmed (AB:CD:… in upper case), for a
   * server whose certificate no authority vouches for (a self-signed one); empty for none.
   */
  pinnedFingerprint: string;
  /** Whether a password is kept for the server (never the password itself). */
  passwordSet: boolean;
  /** Where that password comes from; `none` exactly when `passwordSet` is false. Read only, like `passwordSet`. */
  passwordSource: MailPasswordSource;
}

/** What settings.mail answers but nobody sets: the password store says them (a save that sends them back has them ignored). */
export type MailPasswordFacts = Pick<MailSettings, 'passwordSet' | 'passwordSource'>;

export const DEFAULT_MAIL_SETTINGS: Omit<MailSettings, keyof MailPasswordFacts> = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  fromAddress: '',
  fromName: '',
  replyTo: '',
  copyTo: '',
  pinnedFingerprint: '',
};

const HOST_MESSAGE = 'Mail server must be a host name such as mail.example.org or an address such as 127.0.0.1.';
const HOST_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]{2,45}\]?$/;

export function mailHost(label = 'Mail server') {
  return optionalText(label, 255).refine((v) => v === '' || HOST_NAME.test(v) || (v.includes(':') && IPV6.test(v)), {
    error: label === 'Mail server' ? HOST_MESSAGE : `${label} must be a host name such as mail.example.org.`,
  });
}

const FINGERPRINT_MESSAGE = 'Certificate fingerprint must be the 64 hexadecimal digits of a SHA-256 fingerprint (AB:CD:…), or empty.';

/** Upper case with colons, as Node and most tools print a SHA-256 fingerprint; "" stays "". */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

export function certificateFingerprint() {
  return optionalText('Certificate fingerprint', 200)
    .refine((v) => v === '' || /^[0-9A-F]{64}$/.test(v.replace(/[\s:]/g, '').toUpperCase()), { error: FINGERPRINT_MESSAGE })
    .transform(normaliseFingerprint);
}

/**
 * A change to the mail settings: the fields sent replace the stored ones, the others stay. A
 * pinned fingerprint belongs to one server: changing host or port without sending
 * `pinnedFingerprint` again drops it. The answer's read-only fields (`passwordSet`,
 * `passwordSource`), sent back with the rest of a settings form, are ignored as any unknown key is. Rules across fields (a sender address once a server is
 * set, `none` only on this computer) are checked on the result by the settings service.
 */
export const MailSettingsPatch = z.object(
  {
    host: mailHost().optional(),
    port: wholeNumber('Mail server port', 1, 65535).optional(),
    security: enumOf('Mail security', MAIL_SECURITY).optional(),
    user: optionalText('Mail user name', 254).optional(),
    fromAddress: optionalEmail('Sender address').optional(),
    fromName: optionalText('Sender name', 120).optional(),
    replyTo: optionalEmail('Reply-To address').optional(),
    copyTo: optionalEmail('Copy to').optional(),
    pinnedFingerprint: certificateFingerprint().optional(),
    // Said out loud rather than dropped unseen: a password sent here would otherwise seem saved.
    password: z.undefined({ error: 'The mail password is not a setting: the desktop app keeps it with mail.setPassword; browser mode reads it from --smtp-password-file or ORDER_DESK_SMTP_PASSWORD.' }).optional(),
  },
  { error: 'Mail settings must be an object of named fields.' },
);

const KIND_LABELS: Record<MailKind, string> = { invoice: 'Invoice', credit_note: 'Credit note', reminder: 'Reminder' };
const LANGUAGE_LABELS: Record<DocumentLanguage, string> = { en: 'English', fr: 'French', es: 'Spanish' };

function templateText(label: string, max: number, multiline: boolean) {
  return requiredText(label, max, { multiline }).superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} names ${unknown.map((n) => `{${n}}`).join(', ')}, which Order Desk cannot fill in; use ${MAIL_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}.`,
      });
    }
  });
}

function templatePatch(kind: MailKind, language: DocumentLanguage) {
  const label = `${KIND_LABELS[kind]} e-mail in ${LANGUAGE_LABELS[language]}`;
  return z.object({ subject: templateText(`${label}: subject`, 200, false), text: templateText(`${label}: text`, 10_000, true) }).optional();
}

function kindPatch(kind: MailKind) {
  return z
    .object(Object.fromEntries(DOCUMENT_LANGUAGES.map((language) => [language, templatePatch(kind, language)])) as Record<DocumentLanguage, ReturnType<typeof templatePatch>>)
    .optional();
}

/** Templates sent replace the stored ones, per kind and language; the others stay. */
export const MailTemplatesPatch = z.object(Object.fromEntries(MAIL_KINDS.map((kind) => [kind, kindPatch(kind)])) as Record<MailKind, ReturnType<typeof kindPatch>>, {
  error: 'Mail templates must be an object per kind of mail (invoice, credit_note, reminder).',
});

export interface MailAttachment {
  fileName: string;
  mimeType: 'application/pdf';
  /** Bytes. */
  size: number;
  /** The SHA-256 stored when the document was issued: the attachment is exactly those bytes. */
  sha256: string;
}

/** One mail of the outbox. */
export interface OutboxMail {
  id: number;
  kind: MailKind;
  /** The document attached: an invoice or credit note (invoices.get), or for kind `reminder` a payment reminder (reminders.list). */
  documentId: number;
  /** The document's number; for a reminder, the number of the invoice it reminds. */
  documentNumber: string;
  language: DocumentLanguage;
  to: string;
  /** The unit's own mailbox, sent a blind copy; empty for none. */
  copyTo: string;
  subject: string;
  text: string;
  attachment: MailAttachment;
  status: MailStatus;
  /** Handovers to the server so far (since the mail was queued, or queued again by mail.retry). */
  attempts: number;
  /** When a queued mail is next handed over (after a temporary refusal: later); null unless queued. */
  nextAttemptAt: string | null;
  /** The server's last answer, as it said it ("250 2.0.0 Ok: queued as …", "550 5.1.1 No such user"); empty before any. */
  response: string;
  /** Why the last attempt did not end accepted, in words; empty when none failed. */
  error: string;
  /** The Message-ID header, the same for every attempt of this mail (to find it in the server's logs). */
  messageId: string;
  /** Set for mails queued together by mail.sendBatch. */
  batchId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The last time it was handed to the server. */
  sendingAt: string | null;
  acceptedAt: string | null;
  /**
   * Answered by mail.outbox: for a reminder's mail that failed or is uncertain, why it is not sent
   * again, its invoice no longer owing anything for its goods today (mail.retry refuses it; the
   * same rule as reminders.list's settledSince). Null for every other mail; absent from the
   * answers of mail.send, mail.retry and mail.cancel.
   */
  settledSince?: SettledSince | null;
}

export interface MailPreview {
  documentId: number;
  kind: MailKind;
  documentNumber: string;
  language: DocumentLanguage;
  /** The recipient: the one asked for, else the order's e-mail; empty when the order has none. */
  to: string;
  /** The order's e-mail address, the default recipient ("" when it has none). */
  orderEmail: string;
  from: string;
  replyTo: string;
  copyTo: string;
  subject: string;
  text: string;
  attachment: MailAttachment;
  /** What would stop mail.send now (no mail server in Settings, no recipient…), each naming its field; empty when it can be sent. */
  problems: { field: string; message: string }[];
}

/** Why a test mail (or an attempt) did not go through. */
export const MAIL_FAILURE_CODES = ['not_configured', 'no_password', 'untrusted_certificate', 'auth', 'refused', 'temporary', 'timeout', 'connection'] as const;
export type MailFailureCode = (typeof MAIL_FAILURE_CODES)[number];

export type MailTestResult =
  | { ok: true; response: string; messageId: string }
  | {
      ok: false;
      code: MailFailureCode;
      /** In words, for the clerk, with the server's own answer when it gave one. */
      message: string;
      response: string;
      /** For `untrusted_certificate`: the SHA-256 fingerprint of the certificate the server showed, to confirm and pin (settings.mail.pinnedFingerprint). */
      fingerprint?: string;
    };

export interface MailBatch {
  batchId: string;
  /** Queued, in the order given: the sender hands them over one by one. */
  queued: OutboxMail[];
  /** Not queued, with the reason (no e-mail address on the order: those are printed, as before). */
  skipped: { documentId: number; documentNumber: string; reason: string }[];
}

const Recipient = optionalEmail('Recipient');

export const MailTestInput = z.object({ to: optionalEmail('Recipient').refine((v) => v !== '', { error: 'Recipient is required: the address the test e-mail goes to.' }) });

export const MailSendInput = z.object({
  documentId: id('Document'),
  /** Default: the order's e-mail address. */
  to: Recipient.optional(),
  /** Default: the template's subject for the document's kind and language. */
  subject: optionalText('Subject', 200).optional(),
  text: optionalText('Text', 10_000, { multiline: true }).optional(),
  idempotencyKey: idempotencyKey(),
});

export const MailPreviewInput = z.object({ documentId: id('Document'), to: Recipient.optional() });

export const MailOutboxInput = z.object({
  status: enumOf('Status', MAIL_STATUSES).optional(),
  kind: enumOf('Kind', MAIL_KINDS).optional(),
  /**
   * The mails of one document: with `kind: 'reminder'` a reminder's id (reminders.list); otherwise
   * an invoice's or credit note's id (invoices.get), whose own mails these are.
   */
  documentId: id('Document').optional(),
  /** An invoice's whole delivery history: its own mails and those of its payment reminders. */
  invoiceId: id('Invoice').optional(),
  batchId: cleanedString('Batch must be the batchId mail.sendBatch answered.', 40).optional(),
  offset: wholeNumber('Offset', 0, 10_000_000).default(0),
  limit: wholeNumber('Limit', 1, 500).default(100),
});

/** The most documents one batch queues (a month's invoices). */
export const MAX_MAIL_BATCH = 1000;

export const MailSendBatchInput = z.object({
  documentIds: z
    .array(id('Document'), { error: 'Documents must be a list of invoice or credit note ids.' })
    .min(1, { error: 'Choose at least one document to e-mail.' })
    .max(MAX_MAIL_BATCH, { error: `At most ${MAX_MAIL_BATCH} documents can be e-mailed in one batch.` }),
  idempotencyKey: idempotencyKey(),
});

export const MailCancelInput = z
  .object({
    ids: z.array(id('Mail'), { error: 'Mails must be a list of mail ids.' }).max(MAX_MAIL_BATCH, { error: `At most ${MAX_MAIL_BATCH} mails at once.` }).optional(),
    batchId: cleanedString('Batch must be the batchId mail.sendBatch answered.', 40).optional(),
  })
  .refine((v) => v.ids !== undefined || v.batchId !== undefined, { error: 'Name the mails to cancel: ids, or the batchId of a batch.', path: ['ids'] });

/** Taken as typed (cleaning would change a password); only its length is limited. An empty one forgets the stored password. */
export const MailSetPasswordInput = z.object({
  password: z.string({ error: (i) => (i.input === undefined ? 'Password is required (empty to forget the stored one).' : 'Password must be text.') }).max(1000, { error: 'Password is too long (at most 1000 characters).' }),
});

export const mailMethods = {
  /** Sends a short test mail with the saved settings now (not through the outbox) and answers the server's own answer. */
  'mail.test': method<MailTestResult>()(MailTestInput),
  /** What mail.send would send: recipient, subject, text and the attachment (made first for a document stored without its PDF). */
  'mail.preview': method<MailPreview>()(MailPreviewInput),
  /** Queues the document's mail (a row in the outbox, committed) and wakes the sender; answers the queued mail. */
  'mail.send': method<{ mail: OutboxMail }>()(MailSendInput),
  /** Queues one mail per document that has an address; the others are answered as skipped. Progress: mail.outbox { batchId }. */
  'mail.sendBatch': method<MailBatch>()(MailSendBatchInput),
  /** Newest first. `total` counts every mail the filters match. */
  'mail.outbox': method<{ mails: OutboxMail[]; total: number }>()(MailOutboxInput),
  /** Queues a failed or uncertain mail again (or a queued one now); an accepted mail is never sent again this way. */
  'mail.retry': method<{ mail: OutboxMail }>()(z.object({ id: id('Mail') })),
  /** Stops queued mails before they are handed over (a mail being handed over finishes); they end `failed`, saying who cancelled. */
  'mail.cancel': method<{ cancelled: OutboxMail[] }>()(MailCancelInput),
  /** Desktop app only: keeps the password with the operating system's protection. Browser mode answers where its password comes from. */
  'mail.setPassword': method<{ passwordSet: boolean }>()(MailSetPasswordInput),
};
