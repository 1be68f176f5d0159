/**
 * Invoices and credit notes (issue 9).
 *
 * One table holds both kinds, each in its own gapless series per calendar year
 * (INV-YYYY-NNNNN, CN-YYYY-NNNNN): `year` and `sequence` are the number's parts, unique per
 * kind, so a duplicate can never be stored. `snapshot` is the whole InvoiceDocument as issued
 * (its lines too: a credit note's lines are the invoice lines and quantities it credits), so
 * no separate lines table is needed, and nothing printed depends on rows that could change.
 *
 * `pdf` and `pdf_sha256` are the file as issued. They may be NULL on two kinds of rows only,
 * and are then filled once, by the first invoices.pdf, from the stored snapshot:
 *   - `legacy` rows, issued before this migration: they kept an older, smaller snapshot and
 *     never had a PDF; the first PDF is made from that snapshot and the unit's settings of the
 *     day, and the snapshot is completed to a full InvoiceDocument in the same write;
 *   - demo-data rows, issued through the service without rendering (thousands of PDFs would
 *     make the demo data set far too slow to build).
 *
 * Triggers make an issued document immutable, so not even a direct SQL session can change
 * or delete one: the only UPDATE allowed is that first filling of a missing PDF, with every
 * other column unchanged (the snapshot too, except on legacy rows).
 *
 * The issuer's single address text in settings becomes the structured address the Swiss
 * QR-bill needs; the unit's own address is split into its parts, any other address keeps
 * its text as the street for the clerk to correct in Settings.
 */
export const IMMUTABLE_MESSAGE = 'Issued invoices cannot be changed or deleted; issue a credit note instead.';

export const DEFAULT_ISSUER = {
  name: 'Publications Unit, International Organization for Migration',
  address: { street: 'Route des Morillons', buildingNumber: '17', postalCode: '1211', town: 'Geneva 19', country: 'CH' },
  postBox: 'P.O. Box 17',
  phone: '+41 22 717 9111',
  fax: '+41 22 798 6150',
  email: 'publications@iom.int',
};

const UNIT_ADDRESS_TEXT = '17 route des Morillons, P.O. Box 17, 1211 Geneva 19, Switzerland';

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const unchangedExceptPdf = ['id', 'kind', 'number', 'year', 'sequence', 'order_id', 'credits_invoice_id', 'issued_on', 'due_on', 'currency', 'language', 'shipping_minor', 'total_minor', 'reason', 'legacy', 'created_by', 'created_at']
  .map((column) => `NEW.${column} IS OLD.${column}`)
  .join(' AND ');

export const sql = `
CREATE TABLE invoices_v6 (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number              TEXT NOT NULL UNIQUE,
  year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  sequence            INTEGER NOT NULL CHECK (sequence >= 1),
  order_id            INTEGER NOT NULL REFERENCES orders(id),
  -- A credit note's invoice; NULL on invoices.
  credits_invoice_id  INTEGER REFERENCES invoices_v6(id),
  issued_on           TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  due_on              TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  currency            TEXT NOT NULL REFERENCES currencies(code),
  language            TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  -- Invoices: shipping invoiced (owed on top of the order's lines). Credit notes: shipping credited.
  shipping_minor      INTEGER NOT NULL DEFAULT 0 CHECK (shipping_minor >= 0),
  -- Invoices: lines + shipping. Credit notes: what they credit (lowers what the order owes).
  total_minor         INTEGER NOT NULL CHECK (total_minor >= 0),
  reason              TEXT NOT NULL DEFAULT '',
  -- The InvoiceDocument as issued (legacy rows: the older snapshot until their first PDF).
  snapshot            TEXT NOT NULL CHECK (json_valid(snapshot)),
  pdf                 BLOB,
  pdf_sha256          TEXT CHECK (pdf_sha256 IS NULL OR (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*')),
  legacy              INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  UNIQUE (kind, year, sequence),
  CHECK ((kind = 'credit_note') = (credits_invoice_id IS NOT NULL)),
  CHECK (kind = 'credit_note' OR due_on IS NOT NULL OR legacy = 1),
  CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL)),
  CHECK (number = (CASE kind WHEN 'invoice' THEN 'INV-' ELSE 'CN-' END) || year || '-' || printf('%05d', sequence) OR legacy = 1)
) STRICT;

INSERT INTO invoices_v6 (id, kind, number, year, sequence, order_id, issued_on, due_on, currency, language, shipping_minor, total_minor,
  snapshot, legacy, created_by, created_at)
SELECT i.id, 'invoice', i.number,
       CASE WHEN i.number GLOB 'INV-[0-9][0-9][0-9][0-9]-*' THEN CAST(substr(i.number, 5, 4) AS INTEGER) ELSE CAST(substr(i.issued_on, 1, 4) AS INTEGER) END,
       CASE WHEN i.number GLOB 'INV-[0-9][0-9][0-9][0-9]-[0-9]*' THEN CAST(substr(i.number, 10) AS INTEGER) ELSE 100000 + i.id END,
       i.order_id, i.issued_on, NULL, i.currency,
       CASE WHEN o.customer_country IN ('FR', 'CH', 'BE', 'LU', 'MC', 'SN', 'CI', 'ML', 'BF', 'NE', 'TG', 'BJ', 'CM', 'CD', 'CG', 'GA', 'GN', 'MG', 'HT', 'TD', 'CF', 'DJ', 'KM', 'BI', 'RW', 'TN', 'MA', 'DZ', 'MR', 'NC', 'PF', 'RE', 'GP', 'MQ') THEN 'fr'
            WHEN o.customer_country IN ('ES', 'MX', 'AR', 'CO', 'PE', 'CL', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'GQ', 'PR') THEN 'es'
            ELSE 'en' END,
       0, i.total_minor, i.snapshot, 1, 'before invoices were issued as PDF', i.created_at
FROM invoices i JOIN orders o ON o.id = i.order_id;

DROP TABLE invoices;
ALTER TABLE invoices_v6 RENAME TO invoices;
-- Covering for aging and the balance: an order's invoices and credit notes with their dates and totals.
CREATE INDEX invoices_order ON invoices(order_id, kind, issued_on, total_minor);
CREATE INDEX invoices_issued ON invoices(issued_on DESC, id DESC);
CREATE INDEX invoices_credits ON invoices(credits_invoice_id) WHERE credits_invoice_id IS NOT NULL;

CREATE TRIGGER invoices_never_deleted BEFORE DELETE ON invoices
BEGIN
  SELECT RAISE(ABORT, '${IMMUTABLE_MESSAGE}');
END;

CREATE TRIGGER invoices_never_changed BEFORE UPDATE ON invoices
WHEN NOT (
  OLD.pdf IS NULL AND NEW.pdf IS NOT NULL AND NEW.pdf_sha256 IS NOT NULL
  AND ${unchangedExceptPdf}
  AND (OLD.legacy = 1 OR NEW.snapshot IS OLD.snapshot)
)
BEGIN
  SELECT RAISE(ABORT, '${IMMUTABLE_MESSAGE}');
END;

UPDATE settings
SET value = json_set(json_remove(value, '$.address'),
  '$.address', json(CASE WHEN json_extract(value, '$.address') = ${quote(UNIT_ADDRESS_TEXT)}
    THEN ${quote(JSON.stringify(DEFAULT_ISSUER.address))}
    ELSE json_object('street', substr(replace(replace(json_extract(value, '$.address'), char(13), ''), char(10), ', '), 1, 70), 'buildingNumber', '', 'postalCode', '', 'town', '', 'country', 'CH') END),
  '$.postBox', CASE WHEN json_extract(value, '$.address') = ${quote(UNIT_ADDRESS_TEXT)} THEN ${quote(DEFAULT_ISSUER.postBox)} ELSE '' END)
WHERE key = 'issuer' AND json_type(value, '$.address') = 'text';
`;
