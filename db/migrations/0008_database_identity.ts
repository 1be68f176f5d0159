/**
 * Each database gets an identity of its own (issue 15): a random UUID and the day it was
 * started. Backups record it, so when several databases back up into one folder (two
 * databases side by side, or the network folder several desks share) each lists, prunes and
 * recovers only its own backups, and restoring another database's backup needs a clerk's
 * explicit confirmation.
 *
 * A database upgraded to this version gets its identity now; its start is the earliest date
 * it recorded (the seeded catalogue is written when a database is created), else today.
 * One row only. A restore writes the restoring database's identity into the restored data,
 * so the desk keeps its own backups (see db/backup/prepare-restore.ts).
 */
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/** A version 4 UUID from 16 random bytes, in SQL, so the migration needs no code of its own. */
const UUID = `substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)`;

export const sql = `
CREATE TABLE database_identity (
  singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
  id          TEXT NOT NULL CHECK (length(id) = 36),
  created_at  TEXT NOT NULL
) STRICT;

INSERT INTO database_identity (singleton, id, created_at)
SELECT 1, ${UUID},
  coalesce(
    (SELECT min(at) FROM (
      SELECT min(created_at) AS at FROM publications
      UNION ALL SELECT min(created_at) FROM orders
      UNION ALL SELECT min(at) FROM audit_log)),
    ${NOW})
FROM (SELECT lower(hex(randomblob(16))) AS h);
`;
