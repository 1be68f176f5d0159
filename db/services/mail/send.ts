/**
 * mail.send and mail.sendBatch: the mail is drafted (its PDF made first if it never was), then
 * written to the outbox as `queued` in one transaction with its audit record, and the sender is
 * woken. Nothing reaches a server before that transaction has committed.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { MailBatch, MailPreview, MailSendBatchInput, MailSendInput, OutboxMail } from '../../../shared/contract/mail';
import type { ServiceContext, StagedWriteContext, WriteContext } from '../../context';
import { mailRuntime, settingsProblem } from '../../mail/jobs';
import { insertQueuedMail, toOutboxMail } from '../../mail/outbox';
import { statement } from '../../statements';
import { audit } from '../audit';
import { getSettings } from '../settings';
import { draftDocumentMail } from './compose';

function queue(w: WriteContext, draft: MailPreview, batchId: string | null): OutboxMail {
  const runtime = mailRuntime(w);
  const { mail } = getSettings(w).settings;
  const row = insertQueuedMail(
    w,
    {
      kind: draft.kind,
      documentId: draft.documentId,
      documentNumber: draft.documentNumber,
      language: draft.language,
      to: draft.to,
      copyTo: mail.copyTo,
      subject: draft.subject,
      text: draft.text,
      attachment: draft.attachment,
      fromAddress: mail.fromAddress,
      batchId,
    },
    runtime.clock().toISOString(),
  );
  audit(w, 'mail', row.id, 'queue', null, { documentNumber: row.document_number, to: row.to_address, subject: row.subject, batchId });
  return toOutboxMail(row);
}

/** A mail of this document still on its way (queued or being handed over), if any. */
function pendingMailOf(ctx: ServiceContext, draft: MailPreview): { id: number; to_address: string } | undefined {
  return statement(ctx, "SELECT id, to_address FROM mails WHERE document_id = ? AND kind = ? AND status IN ('queued', 'sending') ORDER BY id LIMIT 1").get(
    draft.documentId,
    draft.kind,
  ) as { id: number; to_address: string } | undefined;
}

function acceptedMailOf(ctx: ServiceContext, draft: MailPreview): { accepted_at: string; to_address: string } | undefined {
  return statement(ctx, "SELECT accepted_at, to_address FROM mails WHERE document_id = ? AND kind = ? AND status = 'accepted' ORDER BY id DESC LIMIT 1").get(
    draft.documentId,
    draft.kind,
  ) as { accepted_at: string; to_address: string } | undefined;
}

function alreadyQueued(draft: MailPreview, pending: { id: number; to_address: string }): string {
  return `${draft.documentNumber} is already waiting to be sent to ${pending.to_address} (mail ${pending.id}): cancel that one first to send it otherwise.`;
}

export async function sendDocumentMail(ctx: StagedWriteContext, input: z.output<typeof MailSendInput>): Promise<{ mail: OutboxMail }> {
  const runtime = mailRuntime(ctx);
  const draft = await draftDocumentMail(ctx, input.documentId, input);
  const problem = draft.problems[0];
  if (problem) throw new DomainError('invalid_input', problem.message, problem.field);
  const answer = await ctx.transact((w) => {
    const pending = pendingMailOf(w, draft);
    if (pending) throw new DomainError('conflict', alreadyQueued(draft, pending), 'documentId');
    return { mail: queue(w, draft, null) };
  });
  runtime.sender?.wake();
  return answer;
}

/**
 * A month's documents: one mail each where the order has an address, all queued in one
 * transaction and sent one by one; a document without an address, already on its way or
 * already accepted is answered as skipped (the screen prints those without an address).
 */
export async function sendDocumentMails(ctx: StagedWriteContext, input: z.output<typeof MailSendBatchInput>): Promise<MailBatch> {
  const runtime = mailRuntime(ctx);
  const setUp = settingsProblem(getSettings(ctx).settings.mail, runtime);
  if (setUp) throw new DomainError('invalid_input', setUp.message, setUp.field);
  const ids = [...new Set(input.documentIds)];
  const drafts: MailPreview[] = [];
  for (const [index, documentId] of ids.entries()) {
    drafts.push(await draftDocumentMail(ctx, documentId, { field: `documentIds.${index}` }));
    // Each draft reads and hashes a PDF: between two, the window and the API get their turn.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const batchId = randomUUID();
  const answer = await ctx.transact((w) => {
    const batch: MailBatch = { batchId, queued: [], skipped: [] };
    for (const draft of drafts) {
      const skip = (reason: string) => batch.skipped.push({ documentId: draft.documentId, documentNumber: draft.documentNumber, reason });
      const pending = pendingMailOf(w, draft);
      const accepted = acceptedMailOf(w, draft);
      if (draft.to === '') skip('The order has no e-mail address: print it.');
      else if (pending) skip(`Already waiting to be sent to ${pending.to_address} (mail ${pending.id}).`);
      else if (accepted) skip(`Already sent: the server accepted it for ${accepted.to_address} on ${accepted.accepted_at.slice(0, 10)}.`);
      else batch.queued.push(queue(w, draft, batchId));
    }
    return batch;
  });
  runtime.sender?.wake();
  return answer;
}
