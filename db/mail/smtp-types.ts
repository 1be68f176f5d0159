/** What the main thread asks the SMTP worker (db/mail/smtp-worker.ts) to send, and what it answers. */
import type { MailFailureCode, MailSecurity } from '../../shared/contract/mail';

export interface SmtpServer {
  host: string;
  port: number;
  security: MailSecurity;
  /** Empty for a server without login. */
  user: string;
  /** From the password store at the moment of sending; never stored, never logged. */
  password: string | null;
  /** Upper-case, colon-separated SHA-256 of a certificate the clerk confirmed; empty for none. */
  pinnedFingerprint: string;
}

export interface SmtpTimeouts {
  /** To open the connection. */
  connectionMs: number;
  /** For the server's greeting once connected. */
  greetingMs: number;
  /** Of silence at any later point (a server that stops answering mid-way). */
  socketMs: number;
}

export interface SmtpAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface SmtpMessage {
  from: { name: string; address: string };
  to: string;
  /** Blind copy to the unit's own mailbox; empty for none. */
  bcc: string;
  replyTo: string;
  subject: string;
  text: string;
  /** With its angle brackets; the same for every attempt of one mail. */
  messageId: string;
  attachments: SmtpAttachment[];
}

export interface SmtpJob {
  server: SmtpServer;
  timeouts: SmtpTimeouts;
  message: SmtpMessage;
}

export type SmtpOutcome =
  | {
      ok: true;
      /** The server's answer to the message ("250 2.0.0 Ok: queued as …"). */
      response: string;
      messageId: string;
    }
  | {
      ok: false;
      /** Worth trying again later: SMTP 4xx, a connection refused, dropped or timed out. */
      temporary: boolean;
      code: MailFailureCode;
      /** In words, with the server's own answer when it gave one. */
      message: string;
      /** The server's own answer ("550 5.1.1 No such user"), or "" when it gave none. */
      response: string;
      /** For `untrusted_certificate`: the SHA-256 fingerprint of the certificate the server showed. */
      fingerprint?: string;
    };

/** Hands mails to a server: the SMTP worker in the app, anything with the same answers in a test. */
export interface SmtpTransport {
  send(job: SmtpJob): Promise<SmtpOutcome>;
  close(): Promise<void>;
}
