/**
 * Reminder fees booked on the order (issue 17).
 *
 * Until now a level's fee was printed on the reminder as "invoiced separately" and then never
 * invoiced. From this version, issuing a reminder whose level has a fee books the fee here, in
 * the transaction that stores the reminder: one row per reminder, raising what the order owes
 * from the reminder's day (shared/money/balance.ts, and its SQL twin owed-sql.ts). It is not a
 * movement of money, and not sales: the report's ordered, invoiced and credited amounts leave it
 * out; balances, aging, the customer account and bank matching count it.
 *
 * A fee is never edited nor deleted. The clerk may waive it, once, with a reason: the row then
 * records the day, who and why, and the fee no longer counts from that day. Triggers refuse
 * every other change, so an "as of" answer (aging on a past day) never moves.
 * UNIQUE (reminder_id) and (invoice_id, level): a level is charged once, like the reminder itself.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

export const REMINDER_FEE_IMMUTABLE_MESSAGE = 'Reminder fees cannot be changed or deleted; a fee can only be waived, once.';

const FIXED = ['id', 'reminder_id', 'order_id', 'invoice_id', 'level', 'currency', 'amount_minor', 'charged_on', 'created_by', 'created_at']
  .map((column) => `NEW.${column} IS OLD.${column}`)
  .join(' AND ');

export const sql = `
CREATE TABLE reminder_fees (
  id            INTEGER PRIMARY KEY,
  reminder_id   INTEGER NOT NULL UNIQUE REFERENCES reminders(id),
  order_id      INTEGER NOT NULL REFERENCES orders(id),
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id),
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 9),
  currency      TEXT NOT NULL REFERENCES currencies(code),
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  -- The reminder's day: from then on the order owes the fee.
  charged_on    TEXT NOT NULL CHECK (charged_on ${DATE}),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  -- Set together, once, when the clerk waives the fee: from that day on it is no longer owed.
  waived_on     TEXT CHECK (waived_on IS NULL OR (waived_on ${DATE} AND waived_on >= charged_on)),
  waived_reason TEXT NOT NULL DEFAULT '',
  waived_by     TEXT,
  waived_at     TEXT,
  UNIQUE (invoice_id, level),
  CHECK ((waived_on IS NULL) = (waived_by IS NULL) AND (waived_on IS NULL) = (waived_at IS NULL)),
  CHECK (waived_on IS NULL OR length(trim(waived_reason)) > 0)
) STRICT;
-- Covering for "what fees did order o owe on day D", which balances and aging sum over every order.
CREATE INDEX reminder_fees_order ON reminder_fees(order_id, charged_on, waived_on, amount_minor);
CREATE INDEX reminder_fees_charged ON reminder_fees(charged_on, currency, amount_minor);
CREATE INDEX reminder_fees_waived ON reminder_fees(waived_on, currency, amount_minor) WHERE waived_on IS NOT NULL;

CREATE TRIGGER reminder_fees_never_deleted BEFORE DELETE ON reminder_fees
BEGIN
  SELECT RAISE(ABORT, '${REMINDER_FEE_IMMUTABLE_MESSAGE}');
END;

CREATE TRIGGER reminder_fees_waived_once BEFORE UPDATE ON reminder_fees
WHEN NOT (${FIXED} AND OLD.waived_on IS NULL AND NEW.waived_on IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, '${REMINDER_FEE_IMMUTABLE_MESSAGE}');
END;
`;
