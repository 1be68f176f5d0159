/**
 * Bank statements (issue 16): camt.053 / camt.054 files imported, their bookings as bank lines,
 * and which money movements each line became.
 *
 * bank_files keeps each distinct file once, by its SHA-256; bank_statements is one row per
 * import (the same file imported twice is two imports of one file, the second adding no line).
 * bank_lines is one row per booked credit or debit, one per transaction of a batch booking.
 * A line's identity is the bank's own reference where the file gives one (bank_reference, unique
 * per account), and always a hash of what was booked (content_key, with a counter for identical
 * bookings in one file): a camt.054 and the camt.053 covering the same day bring the same lines
 * once, even when only one of them carries the bank's reference (db/bank/identity.ts).
 * bank_line_movements links a line to the payments, refunds and fee write-offs made from it;
 * a reversed movement stays linked (history), and the line goes back to review.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";
const SHA = "length(COLUMN) = 64 AND COLUMN NOT GLOB '*[^0-9a-f]*'";

export const sql = `
CREATE TABLE bank_files (
  sha256      TEXT PRIMARY KEY CHECK (${SHA.replaceAll('COLUMN', 'sha256')}),
  bytes       BLOB NOT NULL,
  size        INTEGER NOT NULL CHECK (size = length(bytes))
) STRICT;

CREATE TABLE bank_statements (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL REFERENCES bank_files(sha256),
  kind          TEXT NOT NULL CHECK (kind IN ('camt.053', 'camt.054')),
  version       TEXT NOT NULL,
  message_id    TEXT NOT NULL DEFAULT '',
  -- The accounts (IBAN or QR-IBAN as the file names them) and their currencies, comma-separated when a file holds several.
  accounts      TEXT NOT NULL,
  currencies    TEXT NOT NULL,
  period_from   TEXT CHECK (period_from IS NULL OR period_from ${DATE}),
  period_to     TEXT CHECK (period_to IS NULL OR period_to ${DATE}),
  lines         INTEGER NOT NULL DEFAULT 0 CHECK (lines >= 0),
  new_lines     INTEGER NOT NULL DEFAULT 0 CHECK (new_lines >= 0),
  known_lines   INTEGER NOT NULL DEFAULT 0 CHECK (known_lines >= 0),
  recorded      INTEGER NOT NULL DEFAULT 0 CHECK (recorded >= 0),
  to_review     INTEGER NOT NULL DEFAULT 0 CHECK (to_review >= 0),
  -- Pending or information-only entries, not read as payments.
  not_booked    INTEGER NOT NULL DEFAULT 0 CHECK (not_booked >= 0),
  imported_by   TEXT NOT NULL,
  imported_at   TEXT NOT NULL
) STRICT;
CREATE INDEX bank_statements_imported ON bank_statements(imported_at DESC, id DESC);

CREATE TABLE bank_lines (
  id                  INTEGER PRIMARY KEY,
  statement_id        INTEGER NOT NULL REFERENCES bank_statements(id),
  account             TEXT NOT NULL,
  content_key         TEXT NOT NULL,
  bank_reference      TEXT,
  entry_reference     TEXT NOT NULL DEFAULT '',
  end_to_end_id       TEXT NOT NULL DEFAULT '',
  uetr                TEXT NOT NULL DEFAULT '',
  direction           TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
  reversal            INTEGER NOT NULL DEFAULT 0 CHECK (reversal IN (0, 1)),
  booked_on           TEXT NOT NULL CHECK (booked_on ${DATE}),
  value_on            TEXT CHECK (value_on IS NULL OR value_on ${DATE}),
  currency            TEXT NOT NULL REFERENCES currencies(code),
  amount_minor        INTEGER NOT NULL CHECK (amount_minor > 0),
  charges_minor       INTEGER CHECK (charges_minor IS NULL OR charges_minor >= 0),
  counterparty_name   TEXT NOT NULL DEFAULT '',
  counterparty_address TEXT NOT NULL DEFAULT '',
  counterparty_iban   TEXT NOT NULL DEFAULT '',
  reference_type      TEXT NOT NULL DEFAULT '' CHECK (reference_type IN ('', 'QRR', 'SCOR')),
  reference           TEXT NOT NULL DEFAULT '',
  text                TEXT NOT NULL DEFAULT '',
  -- A batch entry the file did not detail: how many transactions it stands for (else NULL).
  undetailed_batch    INTEGER CHECK (undetailed_batch IS NULL OR undetailed_batch > 1),
  -- Such a batch line set aside by the import because a later file brought its payments one by one.
  superseded          INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
  status              TEXT NOT NULL CHECK (status IN ('to_review', 'recorded', 'set_aside')),
  -- Why a person must look at it (to_review), as a code and in words.
  review_code         TEXT NOT NULL DEFAULT '',
  review_reason       TEXT NOT NULL DEFAULT '',
  set_aside_reason    TEXT NOT NULL DEFAULT '',
  -- 'automatic' when the import recorded it, 'clerk' when assigned by hand; NULL until recorded.
  recorded_how        TEXT CHECK (recorded_how IS NULL OR recorded_how IN ('automatic', 'clerk')),
  resolved_by         TEXT,
  resolved_at         TEXT,
  created_at          TEXT NOT NULL,
  CHECK ((status = 'set_aside') = (set_aside_reason <> '')),
  CHECK ((status = 'recorded') = (recorded_how IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX bank_lines_bank_reference ON bank_lines(account, bank_reference) WHERE bank_reference IS NOT NULL;
CREATE INDEX bank_lines_content ON bank_lines(content_key);
CREATE INDEX bank_lines_entry ON bank_lines(account, entry_reference);
CREATE INDEX bank_lines_status ON bank_lines(status, booked_on, id);
CREATE INDEX bank_lines_statement ON bank_lines(statement_id, id);

CREATE TABLE bank_line_movements (
  line_id     INTEGER NOT NULL REFERENCES bank_lines(id),
  payment_id  INTEGER NOT NULL UNIQUE REFERENCES payments(id),
  PRIMARY KEY (line_id, payment_id)
) STRICT, WITHOUT ROWID;
`;
