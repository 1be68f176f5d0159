/**
 * The rows of bank statements: the file (once per SHA-256), the import, its lines, and the
 * links between lines and money movements. Helpers here run inside their caller's transaction.
 */
import { timestamp, type ServiceContext, type WriteContext } from '../../context';
import { statement } from '../../statements';
import type { CamtFile } from '../../bank/camt-model';
import type { ReviewCode } from '../../../shared/contract/bank';
import type { PreparedFile, PreparedLine } from './prepare';

export interface BankLineRow {
  id: number;
  statement_id: number;
  account: string;
  content_key: string;
  bank_reference: string | null;
  entry_reference: string;
  end_to_end_id: string;
  uetr: string;
  direction: 'credit' | 'debit';
  reversal: number;
  booked_on: string;
  value_on: string | null;
  currency: PreparedLine['currency'];
  amount_minor: number;
  charges_minor: number | null;
  counterparty_name: string;
  counterparty_address: string;
  counterparty_iban: string;
  reference_type: '' | 'QRR' | 'SCOR';
  reference: string;
  text: string;
  undetailed_batch: number | null;
  superseded: number;
  status: 'to_review' | 'recorded' | 'set_aside';
  review_code: ReviewCode | '';
  review_reason: string;
  set_aside_reason: string;
  recorded_how: 'automatic' | 'clerk' | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export function bankLineRow(ctx: ServiceContext, id: number): BankLineRow | undefined {
  return statement(ctx, 'SELECT * FROM bank_lines WHERE id = ?').get(id) as BankLineRow | undefined;
}

export interface StatementCounts {
  lines: number;
  newLines: number;
  knownLines: number;
  recorded: number;
  toReview: number;
}

export function insertStatement(ctx: WriteContext, fileName: string, sha256: string, bytes: Uint8Array, file: CamtFile, prepared: PreparedFile): number {
  statement(ctx, 'INSERT INTO bank_files (sha256, bytes, size) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength);
  return Number(
    statement(
      ctx,
      `INSERT INTO bank_statements (file_name, sha256, kind, version, message_id, accounts, currencies, period_from, period_to, lines, not_booked, imported_by, imported_at)
       VALUES (@fileName, @sha256, @kind, @version, @messageId, @accounts, @currencies, @from, @to, @lines, @notBooked, @actor, @now)`,
    ).run({
      fileName,
      sha256,
      kind: file.kind,
      version: file.version,
      messageId: file.messageId,
      accounts: prepared.accounts.join(', '),
      currencies: prepared.currencies.join(', '),
      from: prepared.from,
      to: prepared.to,
      lines: prepared.lines.length,
      notBooked: file.notBooked,
      actor: ctx.actor,
      now: timestamp(ctx),
    }).lastInsertRowid,
  );
}

export function addToStatementCounts(ctx: WriteContext, statementId: number, counts: Omit<StatementCounts, 'lines'>): void {
  statement(ctx, 'UPDATE bank_statements SET new_lines = new_lines + ?, known_lines = known_lines + ?, recorded = recorded + ?, to_review = to_review + ? WHERE id = ?').run(
    counts.newLines,
    counts.knownLines,
    counts.recorded,
    counts.toReview,
    statementId,
  );
}

interface Candidate {
  id: number;
  bank_reference: string | null;
  entry_reference: string;
}

/**
 * The line already stored for this booking, if any. The same booking is recognised by the
 * bank's reference, or by what was booked (content key) unless both carry references of their
 * own that differ; a lone transaction also by its entry's reference, amount and day (a camt.053
 * may give only the entry's reference where the camt.054 gave the transaction's).
 */
export function knownLine(ctx: ServiceContext, line: PreparedLine): number | null {
  if (line.bankReference !== null) {
    const byReference = statement(ctx, 'SELECT id FROM bank_lines WHERE account = ? AND bank_reference = ?').get(line.account, line.bankReference) as { id: number } | undefined;
    if (byReference) return byReference.id;
  }
  const same = statement(ctx, 'SELECT id, bank_reference, entry_reference FROM bank_lines WHERE content_key = ?').all(line.contentKey) as Candidate[];
  const entryReference = line.tx.entryReference;
  for (const c of same) {
    if (c.bank_reference === null || line.bankReference === null) return c.id;
    if (entryReference !== '' && (c.entry_reference === entryReference || c.bank_reference === entryReference || c.entry_reference === line.bankReference)) return c.id;
  }
  if (line.tx.soleInEntry && entryReference !== '') {
    const byEntry = statement(
      ctx,
      `SELECT id FROM bank_lines WHERE account = ? AND (entry_reference = ? OR bank_reference = ?) AND amount_minor = ? AND booked_on = ? AND direction = ?
       AND (SELECT count(*) FROM bank_lines o WHERE o.account = bank_lines.account AND o.entry_reference = bank_lines.entry_reference) <= 1`,
    ).get(line.account, entryReference, entryReference, line.amountMinor, line.tx.bookedOn, line.tx.direction) as { id: number } | undefined;
    if (byEntry) return byEntry.id;
  }
  return null;
}

/** A line of an undetailed batch entry, or the lines that detail it: whichever came first. */
type EntryLine = Pick<BankLineRow, 'id' | 'undetailed_batch' | 'status' | 'superseded'>;

export function linesOfEntry(ctx: ServiceContext, account: string, entryReference: string): EntryLine[] {
  if (entryReference === '') return [];
  return statement(ctx, 'SELECT id, undetailed_batch, status, superseded FROM bank_lines WHERE account = ? AND entry_reference = ?').all(account, entryReference) as EntryLine[];
}

/** A batch line whose payments a later file brought one by one: set aside, and marked so its details keep coming in. */
export function markSuperseded(ctx: WriteContext, lineId: number, reason: string): void {
  markSetAside(ctx, lineId, reason);
  statement(ctx, 'UPDATE bank_lines SET superseded = 1 WHERE id = ?').run(lineId);
}

/** Fills in the bank's reference on a line first brought by a file that had none. */
export function completeBankReference(ctx: WriteContext, lineId: number, bankReference: string | null): void {
  if (bankReference === null) return;
  statement(ctx, 'UPDATE bank_lines SET bank_reference = ? WHERE id = ? AND bank_reference IS NULL AND NOT EXISTS (SELECT 1 FROM bank_lines o WHERE o.account = bank_lines.account AND o.bank_reference = ?)').run(
    bankReference,
    lineId,
    bankReference,
  );
}

/** A line as the import stores it, before it is stored: to review until the import decides. */
export type NewLineRow = Omit<BankLineRow, 'id'>;

export function newLineRow(ctx: ServiceContext, statementId: number, line: PreparedLine): NewLineRow {
  const tx = line.tx;
  return {
    statement_id: statementId,
    account: line.account,
    content_key: line.contentKey,
    bank_reference: line.bankReference,
    entry_reference: tx.entryReference,
    end_to_end_id: tx.endToEndId.slice(0, 140),
    uetr: tx.uetr.slice(0, 40),
    direction: tx.direction,
    reversal: tx.reversal ? 1 : 0,
    booked_on: tx.bookedOn,
    value_on: tx.valueOn,
    currency: line.currency,
    amount_minor: line.amountMinor,
    charges_minor: line.chargesMinor,
    counterparty_name: tx.counterparty.name.slice(0, 140),
    counterparty_address: tx.counterparty.address.slice(0, 300),
    counterparty_iban: tx.counterparty.iban.slice(0, 40),
    reference_type: tx.referenceType,
    reference: tx.reference.slice(0, 40),
    text: tx.text.slice(0, 1000),
    undetailed_batch: tx.undetailedBatch,
    superseded: 0,
    status: 'to_review',
    review_code: '',
    review_reason: '',
    set_aside_reason: '',
    recorded_how: null,
    resolved_by: null,
    resolved_at: null,
    created_at: timestamp(ctx),
  };
}

/**
 * Stores a new line as the import decided it: to review (with the reason), or recorded when its
 * payment follows in the same transaction. Answers the row as stored (not read back: thousands per import).
 */
export function insertLine(ctx: WriteContext, row: NewLineRow): BankLineRow {
  const { lastInsertRowid } = statement(
    ctx,
    `INSERT INTO bank_lines (statement_id, account, content_key, bank_reference, entry_reference, end_to_end_id, uetr, direction, reversal, booked_on, value_on,
       currency, amount_minor, charges_minor, counterparty_name, counterparty_address, counterparty_iban, reference_type, reference, text, undetailed_batch,
       status, review_code, review_reason, recorded_how, resolved_by, resolved_at, created_at)
     VALUES (@statement_id, @account, @content_key, @bank_reference, @entry_reference, @end_to_end_id, @uetr, @direction, @reversal, @booked_on, @value_on,
       @currency, @amount_minor, @charges_minor, @counterparty_name, @counterparty_address, @counterparty_iban, @reference_type, @reference, @text, @undetailed_batch,
       @status, @review_code, @review_reason, @recorded_how, @resolved_by, @resolved_at, @created_at)`,
  ).run(row);
  return { id: Number(lastInsertRowid), ...row };
}

export function markForReview(ctx: WriteContext, lineId: number, code: ReviewCode, reason: string): void {
  statement(ctx, "UPDATE bank_lines SET status = 'to_review', review_code = ?, review_reason = ?, set_aside_reason = '', recorded_how = NULL, resolved_by = NULL, resolved_at = NULL WHERE id = ?").run(
    code,
    reason.slice(0, 500),
    lineId,
  );
}

/** A line the clerk assigned in full (the import stores the lines it records as recorded already: insertLine). */
export function markRecordedByClerk(ctx: WriteContext, lineId: number): void {
  statement(ctx, "UPDATE bank_lines SET status = 'recorded', review_code = '', review_reason = '', set_aside_reason = '', recorded_how = 'clerk', resolved_by = ?, resolved_at = ? WHERE id = ?").run(
    ctx.actor,
    timestamp(ctx),
    lineId,
  );
}

export function markSetAside(ctx: WriteContext, lineId: number, reason: string): void {
  statement(ctx, "UPDATE bank_lines SET status = 'set_aside', review_code = '', review_reason = '', set_aside_reason = ?, recorded_how = NULL, resolved_by = ?, resolved_at = ? WHERE id = ?").run(
    reason.slice(0, 500),
    ctx.actor,
    timestamp(ctx),
    lineId,
  );
}

export function linkMovement(ctx: WriteContext, lineId: number, paymentId: number): void {
  statement(ctx, 'INSERT INTO bank_line_movements (line_id, payment_id) VALUES (?, ?)').run(lineId, paymentId);
}

/** The line a movement was made from, if any. */
export function lineOfMovement(ctx: ServiceContext, paymentId: number): number | null {
  const row = statement(ctx, 'SELECT line_id FROM bank_line_movements WHERE payment_id = ?').get(paymentId) as { line_id: number } | undefined;
  return row?.line_id ?? null;
}

export interface LinkedMovementRow {
  payment_id: number;
  order_id: number;
  order_number: string;
  kind: 'payment' | 'refund' | 'write_off';
  amount_minor: number;
  currency: PreparedLine['currency'];
  reversed: number;
}

export function linkedMovements(ctx: ServiceContext, lineId: number): LinkedMovementRow[] {
  return statement(
    ctx,
    `SELECT p.id AS payment_id, p.order_id, o.number AS order_number, p.kind, p.amount_minor, p.currency,
            EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id) AS reversed
     FROM bank_line_movements m JOIN payments p ON p.id = m.payment_id JOIN orders o ON o.id = p.order_id
     WHERE m.line_id = ? ORDER BY p.id`,
  ).all(lineId) as LinkedMovementRow[];
}

/** What of the line is not yet money recorded on an order (payments or refunds not reversed). */
export function unallocatedMinor(ctx: ServiceContext, line: Pick<BankLineRow, 'id' | 'amount_minor'>): number {
  const allocated = linkedMovements(ctx, line.id)
    .filter((m) => m.kind !== 'write_off' && !m.reversed)
    .reduce((sum, m) => sum + m.amount_minor, 0);
  return line.amount_minor - allocated;
}
