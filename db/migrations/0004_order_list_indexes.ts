/**
 * Indexes that keep saving, listing, sorting and counting instant with 100,000 orders
 * (measured with `npm run bench`; tests/db/orders-list-plan.test.ts checks with EXPLAIN QUERY PLAN
 * that no first page sorts the whole table).
 */
export const sql = `
-- Saving an order looks its customer up by e-mail. The schema's partial index
-- (WHERE email <> '') cannot serve "email = ?", so every save scanned all customers.
CREATE INDEX customers_email_lookup ON customers(email COLLATE NOCASE);

-- One per sortable column, in the order the list sorts by, so the first page of any
-- sort is read straight off an index instead of sorting every order.
-- Customer names sort by their folded form ("Łukasz" with the L's, "Émile" with the E's),
-- which SQLite cannot compute: the order service fills it in TypeScript (search-index.ts);
-- NULL means "not yet", for orders written before this migration.
ALTER TABLE orders ADD COLUMN customer_sort_key TEXT;
CREATE INDEX orders_customer_sort ON orders(customer_sort_key, id);
CREATE INDEX orders_needs_sort_key ON orders(id) WHERE customer_sort_key IS NULL;
CREATE INDEX orders_total ON orders(total_minor, id);
CREATE INDEX orders_country ON orders(customer_country, received_on);
CREATE INDEX orders_currency ON orders(currency, received_on);
CREATE INDEX orders_status_sort ON orders(status, received_on);

-- Filters that would otherwise count by reading the whole table (received via and
-- payment method are often combined: "faxed orders paid by check").
CREATE INDEX orders_received_via ON orders(received_via, payment_method, received_on);
CREATE INDEX orders_payment_method ON orders(payment_method, received_on);
`;
