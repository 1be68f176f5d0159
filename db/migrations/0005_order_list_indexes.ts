/**
 * Indexes that keep saving, listing, sorting and counting instant with 100,000 orders
 * (measured with `npm run bench`, plans checked in tests/db/orders-list-plan.test.ts).
 */
export const sql = `
-- Saving an order looks its customer up by e-mail. The schema's partial index
-- (WHERE email <> '') cannot serve "email = ?", so every save scanned all customers.
CREATE INDEX customers_email_lookup ON customers(email COLLATE NOCASE);

-- One per sortable column, in the order the list sorts by, so the first page of any
-- sort is read straight off an index instead of sorting every order.
CREATE INDEX orders_customer_name ON orders(customer_name COLLATE NOCASE, id);
CREATE INDEX orders_total ON orders(total_minor, id);
CREATE INDEX orders_country ON orders(customer_country, received_on);
CREATE INDEX orders_currency ON orders(currency, received_on);

-- Filters that would otherwise count by reading the whole table.
CREATE INDEX orders_received_via ON orders(received_via, received_on);
CREATE INDEX orders_payment_method ON orders(payment_method, received_on);
`;
