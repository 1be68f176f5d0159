/**
 * Which invoices are due for their next reminder as of a day (reminders.due, and again inside
 * reminders.issue's storing transaction), and whether an invoice still owes anything for its
 * goods at all (goodsStandings: a reminder's mail is not sent again once it does not).
 *
 * What is open on an invoice is its order's balance as of the day, by the one rule of owed-sql.ts
 * that aging uses (OUTSTANDING): an order has at most one invoice that its credit notes do not
 * cover in full, and that invoice carries the order's money, so what the order still owes is what
 * is open on it, after payments, refunds, write-offs, credit moved and credit notes. Nothing is
 * worked out twice: no reminder for a paid invoice (nothing open) or one credited in full.
 *
 * Reminder fees booked on the order (fees.ts) are part of what it owes, so of the open amount; a
 * later reminder asks for them again (`feesOpen`) with its own level's fee. Money received pays
 * the goods first: once what is open is no more than the fees, the goods are paid or credited and
 * the invoice is reminded no more; its fees stay open on the order until paid or waived.
 *
 * Credit the customer holds on other orders of the currency (overpaid, or cancelled with money
 * kept) covers their open invoices' goods oldest due date first; an invoice it covers in full gets no
 * reminder (the clerk moves the credit instead), one it does not cover is reminded in full.
 *
 * Level 1 is due `days` after the invoice's due date, each later level `days` after the
 * reminder before it; the next level is always one above the last one issued, so a level is
 * never sent twice, and none is skipped after a pause: a late run sends the level that is due.
 */
import type { DueReminder, DueReminders } from '../../../shared/contract/reminders';
import { levelFee } from '../../../shared/domain/reminder-levels';
import { addDays, daysBetween } from '../../../shared/domain/calendar';
import type { DocumentLanguage } from '../../../shared/documents/invoice-document';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { fromMinorUnits, sumAmounts } from '../../../shared/money/money';
import { today, type ServiceContext } from '../../context';
import { statement } from '../../statements';
import { OUTSTANDING } from '../receivables/aging';
import { creditedInFull, creditedMinor } from '../receivables/owed-sql';
import { getSettings } from '../settings';
import { lastBankImport } from './bank-import';

interface CandidateRow {
  invoice_id: number;
  number: string;
  order_id: number;
  order_number: string;
  currency: CurrencyCode;
  language: DocumentLanguage;
  issued_on: string;
  due_on: string;
  total_minor: number;
  credited_minor: number;
  open_minor: number;
  fees_minor: number;
  customer_id: number | null;
  customer_name: string;
  email: string;
  last_level: number | null;
  last_on: string | null;
  credited_in_full: 0 | 1;
}

/**
 * Every invoice with something open as of @asOf, oldest due date first, with its last reminder
 * by then; and the invoices @invoiceIds (a JSON list, or null) whatever they owe, so the rule can
 * say why one owes nothing. An invoice from before due dates were stored (legacy) is due @terms
 * days after issue.
 */
const OPEN_INVOICES = `${OUTSTANDING},
  open_invoices AS (
    SELECT i.id AS invoice_id, i.number, i.order_id, i.currency, i.language, i.issued_on,
           coalesce(i.due_on, date(i.issued_on, '+' || @terms || ' days')) AS due_on,
           i.total_minor, ${creditedMinor('i', { asOf: true })} AS credited_minor, ou.minor AS open_minor, ou.fees_minor
    FROM invoices i JOIN outstanding ou ON ou.id = i.order_id
    WHERE i.kind = 'invoice' AND i.issued_on <= @asOf AND (ou.minor > 0 OR i.id IN (SELECT value FROM json_each(@invoiceIds)))
  )
  SELECT v.*, o.number AS order_number, o.customer_id, o.customer_name,
         CASE WHEN o.customer_email <> '' THEN o.customer_email ELSE coalesce(c.email, '') END AS email,
         last.level AS last_level, last.issued_on AS last_on,
         ${creditedInFull('v.credited_minor', 'v.total_minor')} AS credited_in_full
  FROM open_invoices v
  JOIN orders o ON o.id = v.order_id
  LEFT JOIN customers c ON c.id = o.customer_id
  LEFT JOIN reminders last ON last.id = (SELECT r.id FROM reminders r WHERE r.invoice_id = v.invoice_id AND r.issued_on <= @asOf ORDER BY r.level DESC LIMIT 1)
  WHERE NOT ${creditedInFull('v.credited_minor', 'v.total_minor')} OR v.invoice_id IN (SELECT value FROM json_each(@invoiceIds))
  ORDER BY v.due_on, v.number`;

/** Per customer and currency, the money their orders hold for them as of @asOf. */
const CUSTOMER_CREDIT = `${OUTSTANDING}
  SELECT customer_id, currency, -sum(minor) AS credit_minor FROM outstanding
  WHERE minor < 0 AND customer_id IS NOT NULL GROUP BY customer_id, currency`;

/** A reminder due, with what composing its document needs besides. */
export interface DueCandidate extends DueReminder {
  issuedOn: string;
  totalMinor: number;
  creditedMinor: number;
  openMinor: number;
  /** What is open of the invoice's goods: the open amount less the earlier fees still open. */
  goodsOpenMinor: number;
  /** The last level of several in Settings: printed as the final notice. */
  final: boolean;
}

const creditKey = (customerId: number, currency: string) => `${customerId}|${currency}`;

/**
 * Where an invoice's goods stand as of a day: still `owed`, or why not — `paid` (what is open is
 * at most the reminder fees, or nothing), `credited` in full by credit notes, or `covered` by
 * credit the customer holds on other orders of the currency.
 */
export type GoodsStanding = 'owed' | 'paid' | 'credited' | 'covered';

interface Standing {
  row: CandidateRow;
  standing: GoodsStanding;
  feesOpenMinor: number;
  goodsOpenMinor: number;
}

interface Scope {
  /** Invoices answered whatever they owe (besides every open one). */
  invoiceIds: number[];
  /** Only this currency's and this customer's orders (null: all): credit is per customer and currency, so one invoice needs no more. */
  currency: CurrencyCode | null;
  customerId: number | null;
}

/** The open invoices (and those of @scope), oldest due date first, each with where its goods stand: the rule, applied once. */
function invoiceStandings(ctx: ServiceContext, asOf: string, scope: Scope): Standing[] {
  const { settings } = getSettings(ctx);
  const params = { asOf, currency: scope.currency, customerId: scope.customerId, terms: settings.paymentTermsDays, invoiceIds: JSON.stringify(scope.invoiceIds) };
  const rows = statement(ctx, OPEN_INVOICES).all(params) as CandidateRow[];
  const credits = new Map(
    (statement(ctx, CUSTOMER_CREDIT).all(params) as { customer_id: number; currency: string; credit_minor: number }[]).map((r) => [creditKey(r.customer_id, r.currency), r.credit_minor]),
  );
  return rows.map((row) => {
    // What is left open counts as fees first (money received pays the goods first): an invoice
    // whose goods are paid or credited is reminded no more, its fees stay open on the account.
    const feesOpenMinor = Math.max(0, Math.min(row.fees_minor, row.open_minor));
    const goodsOpenMinor = Math.max(0, row.open_minor - feesOpenMinor);
    const standing = (s: GoodsStanding): Standing => ({ row, standing: s, feesOpenMinor, goodsOpenMinor });
    if (row.credited_in_full) return standing('credited');
    if (goodsOpenMinor <= 0) return standing('paid');
    if (row.customer_id !== null) {
      const key = creditKey(row.customer_id, row.currency);
      const credit = credits.get(key) ?? 0;
      if (credit >= goodsOpenMinor) {
        credits.set(key, credit - goodsOpenMinor);
        return standing('covered');
      }
    }
    return standing('owed');
  });
}

/**
 * Where the goods of each of @invoiceIds stand as of @asOf, by the rule reminders.due applies (a
 * reminder's mail is not sent again once they are no longer owed: db/services/reminders/deliver.ts).
 * An invoice whose order was cancelled (its invoice credited in full first) is `credited`.
 */
export function goodsStandings(ctx: ServiceContext, invoiceIds: number[], asOf: string): Map<number, GoodsStanding> {
  const answer = new Map<number, GoodsStanding>();
  if (invoiceIds.length === 0) return answer;
  const owners = statement(ctx, 'SELECT DISTINCT o.currency, o.customer_id FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(invoiceIds),
  ) as { currency: CurrencyCode; customer_id: number | null }[];
  // One customer's invoices need only that customer's orders; several need them all.
  const one = owners.length === 1 ? owners[0]! : null;
  const standings = invoiceStandings(ctx, asOf, { invoiceIds, currency: one?.currency ?? null, customerId: one?.customer_id ?? null });
  const byId = new Map(standings.map((s) => [s.row.invoice_id, s.standing]));
  for (const id of invoiceIds) answer.set(id, byId.get(id) ?? 'credited');
  return answer;
}

export function remindersDueOn(ctx: ServiceContext, asOf: string): DueCandidate[] {
  const levels = getSettings(ctx).settings.reminders.levels;
  const due: DueCandidate[] = [];
  for (const { row, standing, feesOpenMinor, goodsOpenMinor } of invoiceStandings(ctx, asOf, { invoiceIds: [], currency: null, customerId: null })) {
    if (standing !== 'owed') continue;
    if (row.due_on >= asOf) continue;
    const lastLevel = row.last_level ?? 0;
    const next = levels[lastLevel];
    if (!next) continue;
    const dueFrom = addDays(lastLevel === 0 ? row.due_on : row.last_on!, next.days);
    if (asOf < dueFrom) continue;
    const level = lastLevel + 1;
    const openAmount = fromMinorUnits(row.open_minor, row.currency);
    const fee = sumAmounts([levelFee(next, row.currency)], row.currency);
    const feesOpen = fromMinorUnits(feesOpenMinor, row.currency);
    due.push({
      invoiceId: row.invoice_id,
      number: row.number,
      orderId: row.order_id,
      orderNumber: row.order_number,
      level,
      levelName: next.name,
      openAmount,
      currency: row.currency,
      feesOpen,
      fee,
      // What the reminder asks for: what the order owes (earlier fees included) and this level's fee, booked when it is issued.
      total: sumAmounts([openAmount, fee], row.currency),
      dueOn: row.due_on,
      daysOverdue: daysBetween(row.due_on, asOf),
      customerId: row.customer_id,
      customerName: row.customer_name,
      email: row.email,
      language: row.language,
      lastReminder: row.last_level === null ? null : { level: row.last_level, date: row.last_on! },
      issuedOn: row.issued_on,
      totalMinor: row.total_minor,
      creditedMinor: row.credited_minor,
      openMinor: row.open_minor,
      goodsOpenMinor,
      final: level === levels.length && levels.length > 1,
    });
  }
  return due;
}

function publicPart(candidate: DueCandidate): DueReminder {
  const { issuedOn: _issued, totalMinor: _total, creditedMinor: _credited, openMinor: _open, goodsOpenMinor: _goods, final: _final, ...reminder } = candidate;
  return reminder;
}

export function dueReminders(ctx: ServiceContext, input: { asOf?: string | undefined }): DueReminders {
  const asOf = input.asOf ?? today(ctx);
  return { asOf, reminders: remindersDueOn(ctx, asOf).map(publicPart), lastBankImport: lastBankImport(ctx) };
}
