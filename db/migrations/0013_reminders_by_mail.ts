/**
 * Payment reminders sent through the mail outbox, and their fee kept out of the payment slip
 * (issue 17).
 *
 * Two rules of the `reminders` table change, and SQLite cannot change a CHECK in place, so the
 * table is rebuilt with its rows, indexes and triggers as they were:
 *
 *  - `delivery_status` gains `email_uncertain`: the outbox's mail of the reminder was being handed
 *    to the server when Order Desk stopped, so nobody can say whether it went out. It is shown as
 *    such, never as sent nor as failed, until the clerk sends it again (mail.retry).
 *  - `total_minor` (what the reminder's QR-bill asks for) is the open amount from now on: the fee
 *    is not booked on the order, so a customer paying a slip of open amount + fee was left
 *    overpaid by the fee. The fee is printed beside it as not included. Reminders issued before
 *    asked for open amount + fee, and they keep saying so (they are immutable documents).
 */
import { REMINDER_IMMUTABLE_MESSAGE } from './0012_reminders';

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

const COLUMNS = [
  'id', 'invoice_id', 'order_id', 'customer_id', 'level', 'level_name', 'issued_on', 'currency', 'language', 'open_minor', 'fee_minor',
  'total_minor', 'delivery', 'delivery_status', 'email', 'snapshot', 'pdf', 'pdf_sha256', 'created_by', 'created_at',
];

const unchangedExceptDelivery = COLUMNS.filter((column) => column !== 'delivery_status')
  .map((column) => `NEW.${column} IS OLD.${column}`)
  .join(' AND ');

export const sql = `
CREATE TABLE reminders_v13 (
  id              INTEGER PRIMARY KEY,
  invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
  order_id        INTEGER NOT NULL REFERENCES orders(id),
  customer_id     INTEGER REFERENCES customers(id),
  level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 9),
  level_name      TEXT NOT NULL,
  issued_on       TEXT NOT NULL CHECK (issued_on ${DATE}),
  currency        TEXT NOT NULL REFERENCES currencies(code),
  language        TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  open_minor      INTEGER NOT NULL CHECK (open_minor > 0),
  fee_minor       INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
  -- What the QR-bill asks for: the open amount (before migration 13: open amount + fee).
  total_minor     INTEGER NOT NULL CHECK (total_minor = open_minor OR total_minor = open_minor + fee_minor),
  delivery        TEXT NOT NULL CHECK (delivery IN ('email', 'print')),
  delivery_status TEXT NOT NULL CHECK (delivery_status IN ('email_pending', 'email_accepted', 'email_failed', 'email_uncertain', 'to_print')),
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

INSERT INTO reminders_v13 (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_v13 RENAME TO reminders;

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
