/** What the SMTP worker is given for a mail: the server as Settings says now, the password from its store, the message. */
import { DomainError } from '../../shared/api/errors';
import type { MailSettings } from '../../shared/contract/mail';
import type { ServiceContext } from '../context';
import { getSettings } from '../services/settings';
import { checkedAttachment } from './attachments';
import type { MailRow } from './outbox';
import type { MailRuntime } from './runtime';
import type { SmtpJob, SmtpMessage, SmtpServer } from './smtp-types';

export function mailRuntime(ctx: ServiceContext): MailRuntime {
  if (!ctx.mail) throw new DomainError('conflict', 'E-mail is not available in this Order Desk process.');
  return ctx.mail;
}

/** Why Settings cannot send now, naming the field; null when they can. */
export function settingsProblem(mail: MailSettings, runtime: MailRuntime | undefined): { field: string; message: string } | null {
  if (mail.host === '') return { field: 'settings.mail.host', message: 'No outgoing mail server is set: set one in Settings → E-mail first.' };
  if (mail.fromAddress === '') return { field: 'settings.mail.fromAddress', message: 'No sender address is set: set one in Settings → E-mail first.' };
  if (mail.user !== '' && !runtime?.passwords.isSet()) {
    const missing = `No mail password is set, and the mail server asks for the user name ${mail.user}: nothing can be e-mailed until one is.`;
    return {
      field: 'password',
      message: runtime?.passwords.canSet
        ? `${missing} Enter it in Settings → E-mail.`
        : `${missing} Order Desk reads it from ${runtime?.passwords.source ?? 'its start-up options'}: none is there.`,
    };
  }
  return null;
}

export function serverFor(ctx: ServiceContext): { server: SmtpServer; settings: MailSettings } {
  const runtime = mailRuntime(ctx);
  const settings = getSettings(ctx).settings.mail;
  const problem = settingsProblem(settings, runtime);
  if (problem) throw new DomainError('invalid_input', problem.message, problem.field);
  return {
    settings,
    server: {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      user: settings.user,
      password: settings.user === '' ? null : runtime.passwords.read(),
      pinnedFingerprint: settings.pinnedFingerprint,
    },
  };
}

export function jobFor(ctx: ServiceContext, row: MailRow): SmtpJob {
  const { server, settings } = serverFor(ctx);
  const attachment = checkedAttachment(ctx, row.kind, row.document_id, row.attachment_sha256);
  const message: SmtpMessage = {
    from: { name: settings.fromName, address: settings.fromAddress },
    to: row.to_address,
    bcc: row.copy_to,
    replyTo: settings.replyTo,
    subject: row.subject,
    text: row.text,
    messageId: row.message_id,
    attachments: [{ fileName: row.attachment_name, contentType: 'application/pdf', content: attachment.bytes }],
  };
  return { server, timeouts: mailRuntime(ctx).policy.timeouts, message };
}
