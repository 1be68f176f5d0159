/**
 * Payments and order status (issue 8).
 *
 * orders.status used to mix the lifecycle with the payment state. It becomes the lifecycle
 * alone (received → invoiced → shipped → closed, or cancelled); what is owed becomes
 * payment_status and balance_minor, derived from the money movements and rewritten in the
 * same transaction as every movement (db/services/payments/sync.ts), kept here only so
 * 100,000 orders list, filter and sort without a join.
 *
 * payments becomes the ledger of every money movement: payments, refunds, write-offs and
 * credit moved between orders, never edited or deleted; a reversal is a new row of the same
 * kind pointing at the row it undoes.
 *
 * Both tables are rebuilt (SQLite cannot change a CHECK in place), with foreign keys off
 * for the migration as SQLite's ALTER TABLE documentation prescribes; the runner checks
 * foreign_key_check before it commits.
 *
 * Meaning kept for every existing order:
 *   open                          → received
 *   invoiced, partially_paid, paid → invoiced when it has an invoice, else received
 *   shipped                       → closed when settled, else shipped
 *   cancelled                     → cancelled
 * and payments with a negative amount (refunds) become refund rows.
 */
export const sql = `
CREATE TABLE payments_v5 (
  id                  INTEGER PRIMARY KEY,
  order_id            INTEGER NOT NULL REFERENCES orders(id),
  kind                TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'write_off', 'credit_in', 'credit_out')),
  -- Set on the row that undoes another; each row can be undone once.
  reverses_id         INTEGER UNIQUE REFERENCES payments_v5(id),
  on_date             TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  method              TEXT CHECK (method IS NULL OR method IN ('credit_card', 'check', 'bank_transfer')),
  currency            TEXT NOT NULL REFERENCES currencies(code),
  amount_minor        INTEGER NOT NULL CHECK (amount_minor > 0),
  reference           TEXT NOT NULL DEFAULT '',
  note                TEXT NOT NULL DEFAULT '',
  reason              TEXT NOT NULL DEFAULT '',
  check_number        TEXT NOT NULL DEFAULT '',
  check_bank          TEXT NOT NULL DEFAULT '',
  bank_reference      TEXT NOT NULL DEFAULT '',
  fees_deducted_minor INTEGER CHECK (fees_deducted_minor IS NULL OR fees_deducted_minor >= 0),
  card_brand          TEXT NOT NULL DEFAULT '',
  -- Only the last four digits of a card are ever kept; never the full number or CVV.
  card_last4          TEXT CHECK (card_last4 IS NULL OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),
  card_authorisation  TEXT NOT NULL DEFAULT '',
  -- The other order of a credit moved between two orders (credit_out here, credit_in there).
  counterpart_order_id INTEGER REFERENCES orders(id),
  counterpart_id      INTEGER REFERENCES payments_v5(id),
  recorded_by         TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  -- What the row settles of its order, signed, for sums in SQL (aging, reports):
  -- payments, write-offs and credit moved in settle; refunds and credit moved out unsettle; a reversal undoes.
  settles_minor       INTEGER GENERATED ALWAYS AS (
                        (CASE WHEN kind IN ('payment', 'write_off', 'credit_in') THEN amount_minor ELSE -amount_minor END)
                        * (CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END)) VIRTUAL
) STRICT;

INSERT INTO payments_v5 (id, order_id, kind, on_date, method, currency, amount_minor, reference, note, card_last4, recorded_by, created_at)
SELECT id, order_id, CASE WHEN amount_minor > 0 THEN 'payment' ELSE 'refund' END, received_on, method, currency, abs(amount_minor),
       reference, notes, card_last4, 'before payments were tracked', created_at
FROM payments;

DROP TABLE payments;
ALTER TABLE payments_v5 RENAME TO payments;
-- Covering for "what had an order settled by day D", which aging and reports sum over every order.
CREATE INDEX payments_order ON payments(order_id, on_date, settles_minor);
CREATE INDEX payments_on_date ON payments(on_date);

CREATE TABLE orders_v5 (
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
  status              TEXT NOT NULL DEFAULT 'received'
                      CHECK (status IN ('received', 'invoiced', 'shipped', 'closed', 'cancelled')),
  notes               TEXT NOT NULL DEFAULT '',
  needs_review        INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  cancel_reason       TEXT NOT NULL DEFAULT '',
  cancelled_on        TEXT CHECK (cancelled_on IS NULL OR cancelled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  shipped_on          TEXT CHECK (shipped_on IS NULL OR shipped_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  carrier             TEXT NOT NULL DEFAULT '',
  tracking            TEXT NOT NULL DEFAULT '',
  closed_on           TEXT CHECK (closed_on IS NULL OR closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- Empty when the order closed by itself (shipped and settled); the clerk's reason when closed by hand.
  close_reason        TEXT NOT NULL DEFAULT '',
  total_minor         INTEGER NOT NULL CHECK (total_minor >= 0),
  payment_status      TEXT NOT NULL DEFAULT 'unpaid'
                      CHECK (payment_status IN ('unpaid', 'partially_paid', 'paid', 'overpaid', 'refund_due', 'refunded')),
  -- Signed: positive is still owed, negative is a credit held for the customer.
  balance_minor       INTEGER NOT NULL DEFAULT 0,
  customer_sort_key   TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

WITH money AS (
  SELECT p.order_id,
         sum(CASE WHEN p.currency = o.currency THEN p.settles_minor ELSE 0 END) AS held,
         sum(CASE WHEN p.currency = o.currency AND p.kind = 'refund' THEN p.amount_minor ELSE 0 END) AS refunded,
         max(p.on_date) AS last_paid_on
  FROM payments p JOIN orders o ON o.id = p.order_id
  GROUP BY p.order_id
),
shipped AS (
  SELECT entity_id AS order_id, max(coalesce(json_extract(after, '$.shippedOn'), substr(at, 1, 10))) AS shipped_on
  FROM audit_log WHERE entity = 'order' AND action = 'ship' GROUP BY entity_id
),
cancelled AS (
  SELECT entity_id AS order_id, max(substr(at, 1, 10)) AS cancelled_on
  FROM audit_log WHERE entity = 'order' AND action = 'cancel' GROUP BY entity_id
),
derived AS (
  SELECT o.*,
         coalesce(m.held, 0) AS held,
         coalesce(m.refunded, 0) AS refunded,
         m.last_paid_on,
         CASE WHEN o.status = 'cancelled' THEN -coalesce(m.held, 0) ELSE o.total_minor - coalesce(m.held, 0) END AS balance,
         EXISTS (SELECT 1 FROM invoices i WHERE i.order_id = o.id) AS has_invoice,
         s.shipped_on AS audit_shipped_on,
         c.cancelled_on AS audit_cancelled_on
  FROM orders o
  LEFT JOIN money m ON m.order_id = o.id
  LEFT JOIN shipped s ON s.order_id = o.id
  LEFT JOIN cancelled c ON c.order_id = o.id
),
classified AS (
  SELECT d.*,
         CASE
           WHEN d.status = 'cancelled' THEN CASE WHEN d.held > 0 THEN 'refund_due' WHEN d.refunded > 0 THEN 'refunded' ELSE 'unpaid' END
           WHEN d.balance < 0 THEN 'overpaid'
           WHEN d.balance = 0 THEN CASE WHEN d.total_minor = 0 AND d.refunded > 0 THEN 'refunded' ELSE 'paid' END
           WHEN d.held > 0 THEN 'partially_paid'
           ELSE 'unpaid'
         END AS new_payment_status
  FROM derived d
)
INSERT INTO orders_v5 (id, number, received_on, received_via, currency, customer_id, customer_name, customer_address, customer_country,
  customer_city, customer_postal_code, customer_phone, customer_email, payment_method, customer_reference, status, notes, needs_review,
  cancel_reason, cancelled_on, shipped_on, closed_on, total_minor, payment_status, balance_minor, customer_sort_key, created_at, updated_at)
SELECT id, number, received_on, received_via, currency, customer_id, customer_name, customer_address, customer_country,
  customer_city, customer_postal_code, customer_phone, customer_email, payment_method, customer_reference,
  CASE
    WHEN status = 'open' THEN 'received'
    WHEN status IN ('invoiced', 'partially_paid', 'paid') THEN CASE WHEN has_invoice THEN 'invoiced' ELSE 'received' END
    WHEN status = 'shipped' THEN CASE WHEN new_payment_status IN ('paid', 'refunded') THEN 'closed' ELSE 'shipped' END
    ELSE 'cancelled'
  END,
  notes, needs_review, cancel_reason,
  CASE WHEN status = 'cancelled' THEN coalesce(audit_cancelled_on, substr(updated_at, 1, 10)) END,
  CASE WHEN status = 'shipped' THEN coalesce(audit_shipped_on, substr(updated_at, 1, 10)) END,
  CASE WHEN status = 'shipped' AND new_payment_status IN ('paid', 'refunded')
       THEN max(coalesce(audit_shipped_on, substr(updated_at, 1, 10)), coalesce(last_paid_on, '')) END,
  total_minor, new_payment_status, balance, customer_sort_key, created_at, updated_at
FROM classified;

DROP TABLE orders;
ALTER TABLE orders_v5 RENAME TO orders;

CREATE INDEX orders_received_on ON orders(received_on DESC, id DESC);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_email ON orders(customer_email COLLATE NOCASE, received_on);
CREATE INDEX orders_customer_sort ON orders(customer_sort_key, id);
CREATE INDEX orders_needs_sort_key ON orders(id) WHERE customer_sort_key IS NULL;
CREATE INDEX orders_total ON orders(total_minor, id);
CREATE INDEX orders_country ON orders(customer_country, received_on);
CREATE INDEX orders_currency ON orders(currency, received_on);
CREATE INDEX orders_status_sort ON orders(status, received_on);
CREATE INDEX orders_received_via ON orders(received_via, payment_method, received_on);
-- "Faxed orders" alone, newest first: the index above can only serve it combined with a payment method.
CREATE INDEX orders_received_via_date ON orders(received_via, received_on);
CREATE INDEX orders_payment_method ON orders(payment_method, received_on);
CREATE INDEX orders_payment_status ON orders(payment_status, received_on);
CREATE INDEX orders_balance ON orders(balance_minor, id);
-- Covering for "the first invoice issued by day D", which aging counts the days from.
CREATE INDEX invoices_order_issued ON invoices(order_id, issued_on);
`;
