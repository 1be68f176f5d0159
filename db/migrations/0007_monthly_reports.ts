/**
 * Monthly reports (issue 10): exchange rates entered for a month, closed months with the
 * report stored as it stood, and the indexes the report's period sums read.
 *
 * month_closings keeps every closing: reopening a month marks its closing as reopened (who,
 * when, why) and a later closing stores anew with the next version, so what was once handed
 * to finance stays on record. A month is closed while it has a closing not reopened; the
 * partial unique index makes that one row at most and is what the date checks of every
 * write look up. Triggers keep a closing's value and files unchangeable, as for invoices.
 */
export const CLOSING_IMMUTABLE_MESSAGE = 'A closed month’s stored report cannot be changed or deleted; reopen the month instead.';

const unchangedExceptReopening = ['id', 'month', 'version', 'closed_at', 'closed_by', 'value', 'value_sha256', 'pdf', 'pdf_sha256', 'xlsx', 'xlsx_sha256', 'files']
  .map((column) => `NEW.${column} IS OLD.${column}`)
  .join(' AND ');

const MONTH = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'";
const SHA = "length(COLUMN) = 64 AND COLUMN NOT GLOB '*[^0-9a-f]*'";
const sha = (column: string) => SHA.replaceAll('COLUMN', column);

export const sql = `
CREATE TABLE report_rates (
  month               TEXT PRIMARY KEY CHECK (month ${MONTH}),
  reporting_currency  TEXT NOT NULL REFERENCES currencies(code),
  -- {"EUR": "0.9412", ...}: decimal strings as entered; the reporting currency's own rate is 1 and not stored.
  rates               TEXT NOT NULL CHECK (json_valid(rates) AND json_type(rates) = 'object'),
  set_by              TEXT NOT NULL,
  set_at              TEXT NOT NULL
) STRICT;

CREATE TABLE month_closings (
  id             INTEGER PRIMARY KEY,
  month          TEXT NOT NULL CHECK (month ${MONTH}),
  version        INTEGER NOT NULL CHECK (version >= 1),
  closed_at      TEXT NOT NULL,
  closed_by      TEXT NOT NULL,
  -- The MonthlyReport exactly as answered (its JSON text); value_sha256 is over its UTF-8 bytes.
  value          TEXT NOT NULL CHECK (json_valid(value)),
  value_sha256   TEXT NOT NULL CHECK (${sha('value_sha256')}),
  pdf            BLOB NOT NULL,
  pdf_sha256     TEXT NOT NULL CHECK (${sha('pdf_sha256')}),
  xlsx           BLOB NOT NULL,
  xlsx_sha256    TEXT NOT NULL CHECK (${sha('xlsx_sha256')}),
  -- {"pdf": {"fileName", "mimeType", "rows"}, "xlsx": {...}}: what an export of the stored files answers beside their bytes.
  files          TEXT NOT NULL CHECK (json_valid(files)),
  reopened_at    TEXT,
  reopened_by    TEXT,
  reopen_reason  TEXT,
  UNIQUE (month, version),
  CHECK ((reopened_at IS NULL) = (reopened_by IS NULL) AND (reopened_at IS NULL) = (reopen_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX month_closings_closed ON month_closings(month) WHERE reopened_at IS NULL;

CREATE TRIGGER month_closings_never_deleted BEFORE DELETE ON month_closings
BEGIN
  SELECT RAISE(ABORT, '${CLOSING_IMMUTABLE_MESSAGE}');
END;

CREATE TRIGGER month_closings_never_changed BEFORE UPDATE ON month_closings
WHEN NOT (OLD.reopened_at IS NULL AND NEW.reopened_at IS NOT NULL AND ${unchangedExceptReopening})
BEGIN
  SELECT RAISE(ABORT, '${CLOSING_IMMUTABLE_MESSAGE}');
END;

-- Covering for the report's period sums: each section reads its period's rows off one index
-- without visiting the table (orders received, lines per title, movements, documents).
CREATE INDEX orders_report ON orders(received_on, currency, status, cancelled_on, received_via, payment_method, total_minor, customer_id, customer_country);
CREATE INDEX orders_cancelled_on ON orders(cancelled_on) WHERE cancelled_on IS NOT NULL;
CREATE INDEX payments_report ON payments(on_date, kind, currency, method, reverses_id, amount_minor, fees_deducted_minor);
CREATE INDEX invoices_report ON invoices(issued_on, kind, currency, total_minor);
`;
