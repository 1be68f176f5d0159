/**
 * Reading bank statements and lines: bank.statements, bank.lines (with what each line became
 * and, for lines to review, suggestions with why), and one line after a change.
 */
import { DomainError } from '../../../shared/api/errors';
import type { BankAllocation, BankLine, BankLinesInput, BankLinesResult, BankStatement, BankSuggestion, BankSummary } from '../../../shared/contract/bank';
import { nameResemblance } from '../../../shared/domain/bank-references';
import { foldForMatch } from '../../../shared/domain/text';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits } from '../../../shared/money/money';
import type { z } from 'zod';
import { consistentRead } from '../../transactions';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { decideOptions, feeShortfall, targetsOf } from './match';
import { linkedMovements, unallocatedMinor, type BankLineRow } from './store';

interface StatementRow {
  id: number;
  file_name: string;
  sha256: string;
  kind: 'camt.053' | 'camt.054';
  version: string;
  message_id: string;
  accounts: string;
  currencies: string;
  period_from: string | null;
  period_to: string | null;
  lines: number;
  new_lines: number;
  known_lines: number;
  recorded: number;
  to_review: number;
  not_booked: number;
  imported_by: string;
  imported_at: string;
}

function toStatement(row: StatementRow): BankStatement {
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    kind: row.kind,
    version: row.version,
    messageId: row.message_id,
    accounts: row.accounts.split(', ').filter(Boolean),
    currencies: row.currencies.split(', ').filter(Boolean) as CurrencyCode[],
    from: row.period_from,
    to: row.period_to,
    lines: row.lines,
    newLines: row.new_lines,
    knownLines: row.known_lines,
    recorded: row.recorded,
    toReview: row.to_review,
    notBooked: row.not_booked,
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

export function statementById(ctx: ServiceContext, id: number): BankStatement {
  const row = statement(ctx, 'SELECT * FROM bank_statements WHERE id = ?').get(id) as StatementRow | undefined;
  if (!row) throw new DomainError('not_found', `Bank statement ${id} does not exist.`, 'statementId');
  return toStatement(row);
}

export function listStatements(ctx: ServiceContext): { statements: BankStatement[] } {
  const rows = statement(ctx, 'SELECT * FROM bank_statements ORDER BY imported_at DESC, id DESC').all() as StatementRow[];
  return { statements: rows.map(toStatement) };
}

interface OpenOrderRow {
  id: number;
  number: string;
  currency: CurrencyCode;
  balance_minor: number;
  customer_name: string;
}

type Tolerance = Record<CurrencyCode, number>;

/** Settings' bank fee tolerance in minor units (the day does not matter for it). */
function toleranceOf(ctx: ServiceContext): Tolerance {
  return decideOptions(ctx, '').toleranceMinor;
}

function writeOffOf(minor: number | null, currency: CurrencyCode): string | null {
  return minor === null ? null : fromMinorUnits(minor, currency);
}

const OPEN_ORDER = 'SELECT o.id, o.number, o.currency, o.balance_minor, o.customer_name FROM orders o';

function invoiceOf(ctx: ServiceContext, orderId: number): { id: number; number: string } | null {
  return (
    (statement(
      ctx,
      `SELECT i.id, i.number FROM invoices i WHERE i.order_id = ? AND i.kind = 'invoice'
         AND NOT (i.total_minor > 0 AND coalesce((SELECT sum(c.total_minor) FROM invoices c WHERE c.credits_invoice_id = i.id), 0) >= i.total_minor)
       ORDER BY i.id DESC LIMIT 1`,
    ).get(orderId) as { id: number; number: string } | undefined) ?? null
  );
}

/** Orders whose customer name has every (folded) word of the payer's name of three letters or more. */
/**
 * A word of the payer's name as the search index may hold it: names are indexed accent-folded
 * ("Zürich" as zurich), and payers often write umlauts out ("Zuerich"), so such a word is also
 * looked for without its e.
 */
function spellingsOf(word: string): string {
  const quoted = `"${word.replace(/"/g, '')}"`;
  const plain = word.replace(/([aou])e/g, '$1');
  return plain === word ? quoted : `(${quoted} OR "${plain.replace(/"/g, '')}")`;
}

function ordersNamed(ctx: ServiceContext, name: string, currency: CurrencyCode, debit: boolean): OpenOrderRow[] {
  const words = foldForMatch(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length >= 3)
    .slice(0, 6);
  if (words.length === 0) return [];
  const match = `customer_name : (${words.map(spellingsOf).join(' AND ')})`;
  return statement(
    ctx,
    `${OPEN_ORDER} JOIN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ? LIMIT 500) f ON f.rowid = o.id
     WHERE o.currency = ? AND ${debit ? 'o.balance_minor < 0' : "o.balance_minor > 0 AND o.status <> 'cancelled'"} ORDER BY o.received_on DESC LIMIT 20`,
  ).all(match, currency) as OpenOrderRow[];
}

function ordersOwing(ctx: ServiceContext, balanceMinor: number, currency: CurrencyCode): OpenOrderRow[] {
  return statement(ctx, `${OPEN_ORDER} WHERE o.balance_minor = ? AND o.currency = ? AND o.status <> 'cancelled' ORDER BY o.id DESC LIMIT 20`).all(balanceMinor, currency) as OpenOrderRow[];
}

/**
 * For a line to review: first what its reference or text names (even when it could not be
 * recorded by itself), then open invoices and orders in its currency with exactly its amount
 * or a customer name resembling the payer's, best first. For a debit: refunds due.
 */
export function suggestionsFor(ctx: ServiceContext, line: BankLineRow, toleranceMinor: Tolerance): BankSuggestion[] {
  const currency = line.currency;
  const suggestions = new Map<number, BankSuggestion & { score: number }>();
  const add = (order: OpenOrderRow, why: string, score: number) => {
    const seen = suggestions.get(order.id);
    if (seen && seen.score >= score) return;
    const invoice = invoiceOf(ctx, order.id);
    suggestions.set(order.id, {
      orderId: order.id,
      orderNumber: order.number,
      invoiceId: invoice?.id ?? null,
      invoiceNumber: invoice?.number ?? null,
      customerName: order.customer_name,
      currency: order.currency,
      balance: fromMinorUnits(order.balance_minor, order.currency),
      writeOff: debit ? null : writeOffOf(feeShortfall(order.balance_minor, line, toleranceMinor), order.currency),
      why,
      score,
    });
  };
  const debit = line.direction === 'debit';
  if (!debit) {
    for (const target of targetsOf(ctx, line).targets) {
      const order = statement(ctx, `${OPEN_ORDER} WHERE o.id = ?`).get(target.orderId) as OpenOrderRow;
      add(order, target.how, 10);
    }
  }
  const payer = line.counterparty_name;
  const sameAmount = ordersOwing(ctx, debit ? -line.amount_minor : line.amount_minor, currency);
  const named = payer ? ordersNamed(ctx, payer, currency, debit) : [];
  for (const order of [...sameAmount, ...named]) {
    const equal = order.balance_minor === (debit ? -line.amount_minor : line.amount_minor);
    const resemblance = payer ? nameResemblance(payer, order.customer_name) : 0;
    const resembles = resemblance >= 0.5;
    if (!equal && !resembles) continue;
    const what = debit ? (equal ? 'refund due of the same amount' : 'refund due') : equal ? 'same amount' : 'open balance';
    add(order, resembles ? `${what}, name resembles` : what, (equal ? 2 : 0) + resemblance);
  }
  return [...suggestions.values()]
    .sort((a, b) => b.score - a.score || a.orderId - b.orderId)
    .slice(0, 8)
    .map(({ score: _score, ...s }) => s);
}

function allocationsOf(ctx: ServiceContext, line: BankLineRow): BankAllocation[] {
  return linkedMovements(ctx, line.id).map((m) => {
    const invoice = invoiceOf(ctx, m.order_id);
    return { paymentId: m.payment_id, orderId: m.order_id, orderNumber: m.order_number, invoiceNumber: invoice?.number ?? null, kind: m.kind, amount: fromMinorUnits(m.amount_minor, m.currency), reversed: m.reversed === 1 };
  });
}

function toLine(ctx: ServiceContext, row: BankLineRow & { file_name: string }, toleranceMinor: Tolerance): BankLine {
  return {
    id: row.id,
    statementId: row.statement_id,
    fileName: row.file_name,
    account: row.account,
    direction: row.direction,
    reversal: row.reversal === 1,
    bookedOn: row.booked_on,
    valueOn: row.value_on,
    amount: fromMinorUnits(row.amount_minor, row.currency),
    currency: row.currency,
    charges: row.charges_minor === null ? null : fromMinorUnits(row.charges_minor, row.currency),
    counterparty: { name: row.counterparty_name, address: row.counterparty_address, iban: row.counterparty_iban },
    referenceType: row.reference_type,
    reference: row.reference,
    text: row.text,
    bankReference: row.bank_reference ?? '',
    endToEndId: row.end_to_end_id,
    uetr: row.uetr,
    undetailedBatch: row.undetailed_batch,
    status: row.status,
    reviewCode: row.review_code === '' ? null : row.review_code,
    reviewReason: row.review_reason,
    setAsideReason: row.set_aside_reason,
    recordedHow: row.recorded_how,
    unallocated: fromMinorUnits(unallocatedMinor(ctx, row), row.currency),
    allocations: allocationsOf(ctx, row),
    suggestions: row.status === 'to_review' && row.undetailed_batch === null ? suggestionsFor(ctx, row, toleranceMinor) : [],
  };
}

const LINE_SELECT = 'SELECT l.*, s.file_name FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id';

export function lineById(ctx: ServiceContext, id: number): BankLine {
  const row = statement(ctx, `${LINE_SELECT} WHERE l.id = ?`).get(id) as (BankLineRow & { file_name: string }) | undefined;
  if (!row) throw new DomainError('not_found', `Bank line ${id} does not exist.`, 'lineId');
  return toLine(ctx, row, toleranceOf(ctx));
}

export function listLines(ctx: ServiceContext, input: z.output<typeof BankLinesInput>): BankLinesResult {
  return consistentRead(ctx, () => {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: input.limit ?? 50, offset: input.offset ?? 0 };
    if (input.statementId !== undefined) {
      statementById(ctx, input.statementId);
      // A statement's lines: those it brought (a line known from an earlier file belongs to that file).
      where.push('l.statement_id = @statementId');
      params.statementId = input.statementId;
    }
    const scope = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (input.lineId !== undefined) {
      where.push('l.id = @lineId');
      params.lineId = input.lineId;
    }
    if (input.status) {
      where.push('l.status = @status');
      params.status = input.status;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // To review: oldest booking first, as a clerk works down a statement; otherwise newest first.
    const order = input.status === 'to_review' ? 'l.booked_on, l.id' : 'l.booked_on DESC, l.id DESC';
    const rows = statement(ctx, `${LINE_SELECT} ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as (BankLineRow & { file_name: string })[];
    const total = (statement(ctx, `SELECT count(*) AS n FROM bank_lines l ${clause}`).get(params) as { n: number }).n;
    const scopeParams = input.statementId !== undefined ? { statementId: input.statementId } : {};
    const counts = statement(
      ctx,
      `SELECT count(*) AS lines, coalesce(sum(l.status = 'to_review'), 0) AS toReview, coalesce(sum(l.status = 'recorded'), 0) AS recorded,
              coalesce(sum(l.recorded_how = 'automatic'), 0) AS recordedAutomatically, coalesce(sum(l.status = 'set_aside'), 0) AS setAside
       FROM bank_lines l ${scope}`,
    ).get(scopeParams) as BankLinesResult['counts'];
    const tolerance = toleranceOf(ctx);
    return { rows: rows.map((row) => toLine(ctx, row, tolerance)), total, counts };
  });
}

/** The newest import (Home and the Reminders screen say when it was; bank_statements_imported answers from the index). */
export function latestImport(ctx: ServiceContext): { id: number; file_name: string; imported_at: string } | undefined {
  return statement(ctx, 'SELECT id, file_name, imported_at FROM bank_statements ORDER BY imported_at DESC, id DESC LIMIT 1').get() as
    | { id: number; file_name: string; imported_at: string }
    | undefined;
}

/**
 * What Home says about the bank: the latest import and how many lines wait for review (over
 * every statement: the figure the Bank screen's "to review" filter starts from).
 */
export function bankSummary(ctx: ServiceContext): BankSummary {
  const last = latestImport(ctx);
  const { n } = statement(ctx, "SELECT count(*) AS n FROM bank_lines WHERE status = 'to_review'").get() as { n: number };
  return { lastImport: last ? { statementId: last.id, fileName: last.file_name, importedAt: last.imported_at } : null, toReview: n };
}
