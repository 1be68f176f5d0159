/**
 * Payment reminders (issue 17).
 *
 * One row per reminder issued: the invoice it concerns at which level, what was open then, the
 * level's fee and their sum (what the QR-bill asks for), the ReminderDocument as printed
 * (`snapshot`), and the PDF with its SHA-256. UNIQUE (invoice_id, level) makes a second reminder
 * of one level impossible even from two processes at once.
 *
 * Like invoices, a reminder is immutable: triggers refuse every DELETE and every UPDATE except
 * of `delivery_status`, the one thing that moves after issue (an e-mail waiting for the mail
 * outbox, then accepted or failed). The open amount is not a ledger entry: what a customer owes
 * stays the one balance of the order (shared/money/balance.ts); a reminder only reports it.
 */
export const REMINDER_IMMUTABLE_MESSAGE = 'Issued reminders cannot be changed or deleted.';

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

const unchangedExceptDelivery = [
  'id', 'invoice_id', 'order_id', 'customer_id', 'level', 'level_name', 'issued_on', 'currency', 'language', 'open_minor', 'fee_minor',
  'total_minor', 'delivery', 'email', 'snapshot', 'pdf', 'pdf_sha256', 'created_by', 'created_at',
]
  .map((column) => `NEW.${column} IS OLD.${column}`)
  .join(' AND ');

export const sql = `
CREATE TABLE reminders (
  id              INTEGER PRIMARY KEY,
  invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
  order_id        INTEGER NOT NULL REFERENCES orders(id),
  customer_id     INTEGER REFERENCES customers(id),
  level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 9),
  -- The level's name in Settings when it was issued.
  level_name      TEXT NOT NULL,
  issued_on       TEXT NOT NULL CHECK (issued_on ${DATE}),
  currency        TEXT NOT NULL REFERENCES currencies(code),
  language        TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  open_minor      INTEGER NOT NULL CHECK (open_minor > 0),
  fee_minor       INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
  total_minor     INTEGER NOT NULL CHECK (total_minor = open_minor + fee_minor),
  delivery        TEXT NOT NULL CHECK (delivery IN ('email', 'print')),
  delivery_status TEXT NOT NULL CHECK (delivery_status IN ('email_pending', 'email_accepted', 'email_failed', 'to_print')),
  email           TEXT NOT NULL DEFAULT '',
  snapshot        TEXT NOT NULL CHECK (json_valid(snapshot)),
  pdf             BLOB NOT NULL,
  pdf_sha256      TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (invoice_id, level),
  CHECK ((delivery = 'email') = (delivery_status <> 'to_print')),
  CHECK (delivery = 'print' OR email <> '')
) STRICT;
CREATE INDEX reminders_order ON reminders(order_id, id);
CREATE INDEX reminders_customer ON reminders(customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX reminders_issued ON reminders(issued_on DESC, id DESC);

CREATE TRIGGER reminders_never_deleted BEFORE DELETE ON reminders
BEGIN
  SELECT RAISE(ABORT, '${REMINDER_IMMUTABLE_MESSAGE}');
END;

CREATE TRIGGER reminders_never_changed BEFORE UPDATE ON reminders
WHEN NOT (${unchangedExceptDelivery})
BEGIN
  SELECT RAISE(ABORT, '${REMINDER_IMMUTABLE_MESSAGE}');
END;
`;
