/**
 * Safeguards against typos that cost money (issue 15).
 *
 * idempotency_keys: a write sent again after its answer was lost (the app or the connection
 * died mid-call) carries the key its form made; the first call's answer is kept here, in the
 * same transaction as the write, and a repeat answers it instead of writing twice
 * (db/api/idempotency.ts). `request_sha256` is over the input without the key, so the same key
 * with another input is refused rather than answered with the wrong result.
 *
 * payments.fees_of_id: the bank fees deducted from a transfer are written off with it, in the
 * same transaction; the write-off row (and the row that reverses it) points at the transfer.
 * The report counts those fees once, as bank fees, and leaves these rows out of write-offs, so
 * the report's covering index takes the column.
 *
 * orders_fts: an order is found by the ISBN and E-ISBN of its lines' publications, held as
 * 13 digits after the titles (db/services/orders/search-index.ts writes the same text).
 */
export const sql = `
CREATE TABLE idempotency_keys (
  key             TEXT PRIMARY KEY CHECK (length(key) = 36),
  method          TEXT NOT NULL,
  request_sha256  TEXT NOT NULL CHECK (length(request_sha256) = 64),
  result          TEXT NOT NULL CHECK (json_valid(result)),
  created_at      TEXT NOT NULL
) STRICT;

ALTER TABLE payments ADD COLUMN fees_of_id INTEGER REFERENCES payments(id);
CREATE INDEX payments_fees_of ON payments(fees_of_id) WHERE fees_of_id IS NOT NULL;
DROP INDEX payments_report;
CREATE INDEX payments_report ON payments(kind, on_date, currency, method, reverses_id, amount_minor, fees_deducted_minor, fees_of_id);

UPDATE orders_fts
SET titles = titles || ' | ' || (
  SELECT group_concat(code, ' ') FROM (
    SELECT DISTINCT code FROM (
      SELECT p.isbn AS code FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE l.order_id = orders_fts.rowid
      UNION ALL
      SELECT p.eisbn FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE l.order_id = orders_fts.rowid
    ) WHERE code <> '' ORDER BY code))
WHERE rowid IN (
  SELECT l.order_id FROM order_lines l JOIN publications p ON p.id = l.publication_id WHERE p.isbn <> '' OR p.eisbn <> '');
`;
