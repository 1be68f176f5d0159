/**
 * The outbox (issue 17): one row per e-mail, written and committed before the mail is handed to
 * the server, so the database always knows more than the server does, never less.
 *
 *   queued → sending → accepted | failed;  queued again after a temporary refusal (next_attempt_at);
 *   sending → uncertain when the app stopped during the handover (db/mail/outbox.ts at start-up).
 *
 * `kind` and `document_id` name the attached document: an invoice or credit note (invoices.id), or
 * a reminder. No foreign key, since the kinds live in different tables; the attachment's name,
 * size and SHA-256 are copied here when the mail is queued, and the bytes sent are checked
 * against that hash before every attempt.
 *
 * `copy_to` is the unit's own mailbox, sent as a blind copy. `sender` is the process handing the
 * mail over (host:pid), so a second Order Desk on the same file that starts meanwhile does not take
 * a live handover for an interrupted one.
 *
 * An accepted mail is final (a trigger refuses any change to it), and no mail is ever deleted: the
 * outbox is the history the invoices show.
 */
export const sql = `
CREATE TABLE mails (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'reminder')),
  document_id        INTEGER NOT NULL,
  document_number    TEXT NOT NULL,
  language           TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  batch_id           TEXT,
  to_address         TEXT NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
  copy_to            TEXT NOT NULL DEFAULT '',
  subject            TEXT NOT NULL,
  text               TEXT NOT NULL,
  attachment_name    TEXT NOT NULL,
  attachment_size    INTEGER NOT NULL CHECK (attachment_size > 0),
  attachment_sha256  TEXT NOT NULL CHECK (length(attachment_sha256) = 64 AND attachment_sha256 NOT GLOB '*[^0-9a-f]*'),
  status             TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'accepted', 'failed', 'uncertain')),
  attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at    TEXT,
  message_id         TEXT NOT NULL UNIQUE,
  response           TEXT NOT NULL DEFAULT '',
  error              TEXT NOT NULL DEFAULT '',
  sender             TEXT NOT NULL DEFAULT '',
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  sending_at         TEXT,
  accepted_at        TEXT,
  CHECK ((status = 'queued') = (next_attempt_at IS NOT NULL)),
  CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
  CHECK (status = 'queued' OR attempts > 0 OR error <> '')
) STRICT;

-- The sender's question: which queued mail is due next.
CREATE INDEX mails_due ON mails(next_attempt_at, id) WHERE status = 'queued';
-- A document's delivery history, and the outbox by status (Home: failed and uncertain).
CREATE INDEX mails_document ON mails(document_id, kind, id);
CREATE INDEX mails_status ON mails(status, id);
CREATE INDEX mails_batch ON mails(batch_id, id) WHERE batch_id IS NOT NULL;

CREATE TRIGGER mails_accepted_final BEFORE UPDATE ON mails
WHEN OLD.status = 'accepted'
BEGIN
  SELECT RAISE(ABORT, 'A mail the server accepted is final: it cannot be changed.');
END;

CREATE TRIGGER mails_never_deleted BEFORE DELETE ON mails
BEGIN
  SELECT RAISE(ABORT, 'Mails are never deleted: the outbox is the history of what was sent.');
END;
`;
