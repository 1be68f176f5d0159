/**
 * E-mail… on an invoice or credit note: the mail as it would go (mail.preview) with the recipient,
 * subject and text to change, the attachment named with its size, then, once sent, what became
 * of it, followed in the outbox until the server answered. Only "Accepted" reads as sent.
 */
import { useState } from 'react';
import { MailPreviewInput, MailSendInput, type MailKind, type OutboxMail } from '../../../shared/contract/mail';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { DialogForm } from '../../components/DialogForm';
import { Field } from '../../components/Field';
import { useActionForm, useFormValues } from '../../components/useActionForm';
import { useApiRead } from '../../hooks/useApiRead';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useLocale } from '../../state/settings';
import { fileSize, MAIL_KIND_NAMES } from './mail-words';
import { LANGUAGE_NAMES } from '../orders/invoicing/IssueInvoiceDialog';
import { MailOutcomeDialog } from './MailOutcomeDialog';
import './mail.css';

const FIELDS = ['to', 'subject', 'text'] as const;

/** A pause in typing the recipient before the preview is asked again. */
const PREVIEW_DELAY_MS = 400;

export interface MailDocument {
  id: number;
  kind: Exclude<MailKind, 'reminder'>;
  number: string;
}

interface MailDialogProps {
  document: MailDocument;
  onClose(): void;
  /** After a mail was queued (the screen reads its delivery history again). */
  onQueued?(mail: OutboxMail): void;
}

export function mailDialogTitle(document: MailDocument): string {
  return `E-mail ${MAIL_KIND_NAMES[document.kind]} ${document.number}`;
}

export function MailDialog({ document, onClose, onQueued }: MailDialogProps) {
  const [queued, setQueued] = useState<OutboxMail | null>(null);
  if (queued) return <MailOutcomeDialog title={mailDialogTitle(document)} mail={queued} onClose={onClose} onRetried={onQueued} />;
  return (
    <MailComposeDialog
      document={document}
      onCancel={onClose}
      onQueued={(mail) => {
        setQueued(mail);
        onQueued?.(mail);
      }}
    />
  );
}

interface Draft {
  /** null until the preview has said the default (the order's e-mail). */
  to: string | null;
  subject: string | null;
  text: string | null;
}

function MailComposeDialog({ document, onCancel, onQueued }: { document: MailDocument; onCancel(): void; onQueued(mail: OutboxMail): void }) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  // One key for every attempt from this dialog: a send retried after a lost answer queues one mail.
  const { key } = useIdempotencyKey();
  const [draft, set] = useFormValues<Draft>(form, () => ({ to: null, subject: null, text: null }));

  // The recipient typed is asked about only once it is an address (the preview says what else is missing).
  const typedTo = draft.to?.trim() ?? '';
  const askTo = draft.to !== null && typedTo !== '' && MailPreviewInput.safeParse({ documentId: document.id, to: typedTo }).success ? typedTo : undefined;
  const preview = useApiRead(() => orderDesk().mail.preview({ documentId: document.id, ...(askTo ? { to: askTo } : {}) }), [document.id, askTo], { delayMs: draft.to === null ? 0 : PREVIEW_DELAY_MS });
  const p = preview.data;

  // The first answer fills the form; what the clerk types afterwards stays theirs.
  const to = draft.to ?? p?.to ?? '';
  const subject = draft.subject ?? p?.subject ?? '';
  const text = draft.text ?? p?.text ?? '';

  const problems = p?.problems ?? [];
  const toProblem = problems.find((x) => x.field === 'to' && to.trim() === '')?.message;
  const settingsProblems = problems.filter((x) => x.field !== 'to');

  const send = () =>
    void form.submit(
      MailSendInput,
      { documentId: document.id, to: to.trim(), subject, text, idempotencyKey: key },
      (input) => orderDesk().mail.send(input),
      (r) => onQueued(r.mail),
    );

  return (
    <DialogForm title={mailDialogTitle(document)} submitLabel="Send" saving={form.saving || !p} general={form.general ?? (preview.error ? `The mail could not be prepared: ${preview.error.message}` : null)} onSubmit={send} onCancel={onCancel}>
      <div className="mail-dialog">
        {settingsProblems.length > 0 ? (
          <div className="banner banner--warning mail-dialog__problems" role="note">
            {settingsProblems.map((x) => (
              <p key={x.field}>
                {x.message}
                {x.field.startsWith('settings.') || x.field === 'password' ? (
                  <>
                    {' '}
                    <AppLink to={{ view: 'settings' }}>Open Settings</AppLink>
                  </>
                ) : null}
              </p>
            ))}
          </div>
        ) : null}
        <Field label="To" error={form.errors.to ?? toProblem} hint={p && p.orderEmail && to.trim() !== p.orderEmail ? `The order's e-mail is ${p.orderEmail}.` : "By default the order's e-mail address."}>
          {(a) => <input {...a} name="to" type="email" autoComplete="off" spellCheck={false} autoFocus value={to} onChange={(e) => set({ to: e.target.value }, 'to')} />}
        </Field>
        {p ? (
          <dl className="mail-dialog__envelope">
            <dt>From</dt>
            <dd>{p.from || <span className="muted">no sender address in Settings</span>}</dd>
            <dt>Language</dt>
            <dd>{LANGUAGE_NAMES[p.language]}, the {MAIL_KIND_NAMES[p.kind]}’s own (the texts are in Settings → E-mail texts)</dd>
            {p.replyTo ? (
              <>
                <dt>Reply-To</dt>
                <dd>{p.replyTo}</dd>
              </>
            ) : null}
            {p.copyTo ? (
              <>
                <dt>Copy to</dt>
                <dd>{p.copyTo} (the unit’s own mailbox, a blind copy)</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="muted" role="status">
            Preparing the mail…
          </p>
        )}
        <Field label="Subject" error={form.errors.subject}>
          {(a) => <input {...a} name="subject" value={subject} onChange={(e) => set({ subject: e.target.value }, 'subject')} />}
        </Field>
        <Field label="Text" error={form.errors.text} hint="Ctrl+Enter sends from here.">
          {(a) => <textarea {...a} name="text" rows={11} value={text} onChange={(e) => set({ text: e.target.value }, 'text')} />}
        </Field>
        {p ? (
          <p className="mail-dialog__attachment" data-testid="mail-attachment">
            <span className="mail-dialog__attachment-label">Attachment</span> <strong>{p.attachment.fileName}</strong>, {fileSize(p.attachment.size, locale)}
            <span className="muted"> — the PDF exactly as issued</span>
          </p>
        ) : null}
      </div>
    </DialogForm>
  );
}
