/**
 * Customer directory support.
 *
 * Directory search ignores accents in every searched field (name, e-mail, city, country
 * name), which SQLite's LIKE cannot do. The folded text is computed in TypeScript and
 * kept here; NULL means "not computed yet" and the customer service fills it in.
 */
export const sql = `
ALTER TABLE customers ADD COLUMN search_key TEXT;
CREATE INDEX customers_needs_search_key ON customers(id) WHERE search_key IS NULL;
CREATE INDEX customers_merged_into ON customers(merged_into) WHERE merged_into IS NOT NULL;

-- Pairs a clerk has checked and declared to be different customers (two people at one
-- shared office, say), so the duplicates list stops suggesting them.
CREATE TABLE customer_distinct_pairs (
  low_id      INTEGER NOT NULL REFERENCES customers(id),
  high_id     INTEGER NOT NULL REFERENCES customers(id),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (low_id, high_id),
  CHECK (low_id < high_id)
) STRICT;
`;

