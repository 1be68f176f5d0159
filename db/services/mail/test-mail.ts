/**
 * mail.test: a short mail sent now with the saved settings, straight to the server (not through
 * the outbox: it is no document), answering what the server said, or why it could not be sent:
 * for a certificate no authority vouches for, with its fingerprint to confirm.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/api/errors';
import type { MailTestResult } from '../../../shared/contract/mail';
import type { ServiceContext } from '../../context';
import { mailRuntime, serverFor } from '../../mail/jobs';

export async function sendTestMail(ctx: ServiceContext, input: { to: string }): Promise<MailTestResult> {
  const runtime = mailRuntime(ctx);
  let found;
  try {
    found = serverFor(ctx);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, code: error.field === 'password' ? 'no_password' : 'not_configured', message: error.message, response: '' };
  }
  const { server, settings } = found;
  const domain = /@([^@\s>]+)$/.exec(settings.fromAddress)?.[1] ?? 'order-desk.invalid';
  const outcome = await runtime.transport.send({
    server,
    timeouts: runtime.policy.timeouts,
    message: {
      from: { name: settings.fromName, address: settings.fromAddress },
      to: input.to,
      bcc: '',
      replyTo: settings.replyTo,
      subject: 'Order Desk: test e-mail',
      text: `This test e-mail was sent by Order Desk through ${server.host}:${server.port} (${server.security}) to check the e-mail settings. Nothing needs to be done.`,
      messageId: `<${randomUUID()}@${domain}>`,
      attachments: [],
    },
  });
  if (outcome.ok) return { ok: true, response: outcome.response, messageId: outcome.messageId };
  const { temporary: _temporary, ...failure } = outcome;
  return failure;
}
