/** The schema for the whole product. Money is INTEGER minor units throughout. */
export const sql = `
CREATE TABLE currencies (
  code      TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
  exponent  INTEGER NOT NULL CHECK (exponent BETWEEN 0 AND 4),
  name      TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE publications (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  subtitle    TEXT NOT NULL DEFAULT '',
  year        INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2100),
  pages       INTEGER CHECK (pages IS NULL OR pages > 0),
  isbn        TEXT NOT NULL DEFAULT '' CHECK (isbn = '' OR length(isbn) = 13),
  eisbn       TEXT NOT NULL DEFAULT '' CHECK (eisbn = '' OR length(eisbn) = 13),
  languages   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  formats     TEXT NOT NULL DEFAULT '["print"]' CHECK (json_valid(formats) AND json_type(formats) = 'array'),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX publications_isbn ON publications(isbn) WHERE isbn <> '';
CREATE UNIQUE INDEX publications_eisbn ON publications(eisbn) WHERE eisbn <> '';

CREATE TABLE prices (
  id               INTEGER PRIMARY KEY,
  publication_id   INTEGER NOT NULL REFERENCES publications(id),
  currency         TEXT NOT NULL REFERENCES currencies(code),
  unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  valid_from       TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at       TEXT NOT NULL,
  UNIQUE (publication_id, currency, valid_from)
) STRICT;

CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address      TEXT NOT NULL DEFAULT '',
  country      TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
  city         TEXT NOT NULL DEFAULT '',
  postal_code  TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  -- Accent- and case-folded name for duplicate detection; computed in TypeScript.
  name_key     TEXT NOT NULL DEFAULT '',
  merged_into  INTEGER REFERENCES customers(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customers_email ON customers(email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX customers_name_key ON customers(name_key, country);

CREATE TABLE orders (
  id                  INTEGER PRIMARY KEY,
  number              TEXT NOT NULL UNIQUE,
  received_on         TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  received_via        TEXT NOT NULL CHECK (received_via IN ('mail', 'fax', 'email', 'other')),
  currency            TEXT NOT NULL REFERENCES currencies(code),
  customer_id         INTEGER REFERENCES customers(id),
  customer_name       TEXT NOT NULL CHECK (length(trim(customer_name)) > 0),
  customer_address    TEXT NOT NULL DEFAULT '',
  customer_country    TEXT NOT NULL CHECK (length(customer_country) = 2),
  customer_city       TEXT NOT NULL DEFAULT '',
  customer_postal_code TEXT NOT NULL DEFAULT '',
  customer_phone      TEXT NOT NULL DEFAULT '',
  customer_email      TEXT NOT NULL DEFAULT '',
  payment_method      TEXT CHECK (payment_method IS NULL OR payment_method IN ('credit_card', 'check', 'bank_transfer')),
  customer_reference  TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'invoiced', 'partially_paid', 'paid', 'shipped', 'cancelled')),
  notes               TEXT NOT NULL DEFAULT '',
  needs_review        INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  cancel_reason       TEXT NOT NULL DEFAULT '',
  -- Sum of the lines' rounded totals, kept for listing and sorting 100,000 orders without a join.
  total_minor         INTEGER NOT NULL CHECK (total_minor >= 0),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX orders_received_on ON orders(received_on DESC, id DESC);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_status ON orders(status, received_on DESC);
CREATE INDEX orders_email ON orders(customer_email COLLATE NOCASE, received_on);

CREATE TABLE order_lines (
  id                INTEGER PRIMARY KEY,
  order_id          INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (position >= 1),
  publication_id    INTEGER REFERENCES publications(id),
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  free_text         INTEGER NOT NULL DEFAULT 0 CHECK (free_text IN (0, 1)),
  quantity          INTEGER NOT NULL CHECK (quantity >= 1),
  unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  -- Discount in basis points (1500 = 15.00 %); NULL when the line has none.
  discount_bp       INTEGER CHECK (discount_bp IS NULL OR discount_bp BETWEEN 0 AND 10000),
  line_total_minor  INTEGER NOT NULL CHECK (line_total_minor >= 0),
  UNIQUE (order_id, position),
  CHECK (free_text = 1 OR publication_id IS NOT NULL)
) STRICT;
CREATE INDEX order_lines_publication ON order_lines(publication_id);

CREATE TABLE payments (
  id            INTEGER PRIMARY KEY,
  order_id      INTEGER NOT NULL REFERENCES orders(id),
  received_on   TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  method        TEXT NOT NULL CHECK (method IN ('credit_card', 'check', 'bank_transfer')),
  currency      TEXT NOT NULL REFERENCES currencies(code),
  amount_minor  INTEGER NOT NULL CHECK (amount_minor <> 0),
  -- Only the last four digits of a card are ever kept; never the full number or CVV.
  card_last4    TEXT CHECK (card_last4 IS NULL OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),
  reference     TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX payments_order ON payments(order_id);

CREATE TABLE invoices (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES orders(id),
  number       TEXT NOT NULL UNIQUE,
  issued_on    TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  currency     TEXT NOT NULL REFERENCES currencies(code),
  total_minor  INTEGER NOT NULL CHECK (total_minor >= 0),
  -- Issuer and customer as printed, so a reprint matches the original.
  snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX invoices_order ON invoices(order_id);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  action     TEXT NOT NULL,
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);

-- Order search: number, customer name, e-mail, city and titles. Kept in step by the
-- order service inside each write's transaction (titles come from several rows).
CREATE VIRTUAL TABLE orders_fts USING fts5(
  number, customer_name, email, city, titles,
  tokenize = "unicode61 remove_diacritics 2"
);

INSERT INTO currencies (code, exponent, name) VALUES
  ('CHF', 2, 'Swiss franc'),
  ('EUR', 2, 'Euro'),
  ('USD', 2, 'US dollar');
`;
