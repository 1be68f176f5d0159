/** Reads an order's money movements and what they add up to, through the one balance function. */
import type { MoneyMovement } from '../../../shared/contract/payments';
import type { Order } from '../../../shared/contract/types';
import { computeBalance, settlementSign, type Balance } from '../../../shared/money/balance';
import type { CardBrand, MovementKind, PaymentMethod } from '../../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { amount, fromMinorUnits, toDecimalString } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

export interface MovementRow {
  id: number;
  order_id: number;
  kind: MovementKind;
  reverses_id: number | null;
  reversed_by_id: number | null;
  on_date: string;
  method: PaymentMethod | null;
  currency: CurrencyCode;
  amount_minor: number;
  reference: string;
  note: string;
  reason: string;
  check_number: string;
  check_bank: string;
  bank_reference: string;
  fees_deducted_minor: number | null;
  card_brand: CardBrand | '';
  card_last4: string | null;
  card_authorisation: string;
  counterpart_order_id: number | null;
  counterpart_number: string | null;
  fees_of_id: number | null;
  /** The bank line the movement was made from (bank statement import), if any. */
  bank_line_id: number | null;
  bank_statement_id: number | null;
  bank_file_name: string | null;
  bank_booked_on: string | null;
  recorded_by: string;
  created_at: string;
}

const MOVEMENT_COLUMNS = `p.*, r.id AS reversed_by_id, c.number AS counterpart_number,
  bl.id AS bank_line_id, bl.statement_id AS bank_statement_id, bs.file_name AS bank_file_name, bl.booked_on AS bank_booked_on`;
const MOVEMENT_JOINS = `
  LEFT JOIN payments r ON r.reverses_id = p.id
  LEFT JOIN orders c ON c.id = p.counterpart_order_id
  LEFT JOIN bank_line_movements blm ON blm.payment_id = p.id
  LEFT JOIN bank_lines bl ON bl.id = blm.line_id
  LEFT JOIN bank_statements bs ON bs.id = bl.statement_id`;

const MOVEMENTS_SQL = `
  SELECT ${MOVEMENT_COLUMNS}
  FROM payments p ${MOVEMENT_JOINS}
  WHERE p.order_id = ?
  ORDER BY p.on_date, p.id`;

export function movementRows(ctx: ServiceContext, orderId: number): MovementRow[] {
  return statement(ctx, MOVEMENTS_SQL).all(orderId) as MovementRow[];
}

/** What a balance is computed from: the amounts of an order's movements, without their details. */
export type MovementFacts = Pick<MovementRow, 'id' | 'on_date' | 'kind' | 'amount_minor' | 'reverses_id' | 'currency'>;

/** The order's movements as the balance needs them, in ledger order: no joins, for every movement recorded. */
export function movementFacts(ctx: ServiceContext, orderId: number): MovementFacts[] {
  return statement(ctx, 'SELECT id, on_date, kind, amount_minor, reverses_id, currency FROM payments WHERE order_id = ? ORDER BY on_date, id').all(orderId) as MovementFacts[];
}

export function movementRow(ctx: ServiceContext, id: number): MovementRow | undefined {
  return statement(ctx, `SELECT ${MOVEMENT_COLUMNS} FROM payments p ${MOVEMENT_JOINS} WHERE p.id = ?`).get(id) as MovementRow | undefined;
}

/** What the order's invoices and credit notes say it owes (db/services/invoices/order-amounts.ts). */
export interface DocumentAmounts {
  /** Sum of its invoices; null while it has none. */
  invoiced: string | null;
  credited: string;
}

const NO_DOCUMENTS: DocumentAmounts = { invoiced: null, credited: '0' };

/** The order's balance from its movements and documents; movements in another currency than the order's (older data) are left out. */
export function balanceOf(order: Pick<Order, 'currency' | 'total' | 'status'>, rows: readonly MovementFacts[], documents: DocumentAmounts = NO_DOCUMENTS): Balance {
  const same = rows.filter((r) => r.currency === order.currency);
  return computeBalance({
    currency: order.currency,
    total: order.total,
    invoiced: documents.invoiced,
    credited: documents.credited,
    cancelled: order.status === 'cancelled',
    movements: same.map((r) => ({ kind: r.kind, amount: fromMinorUnits(r.amount_minor, r.currency), reversal: r.reverses_id !== null })),
  });
}

function toMovement(row: MovementRow, runningBalance: string): MoneyMovement {
  const sign = -settlementSign(row.kind, row.reverses_id !== null);
  const value = fromMinorUnits(row.amount_minor, row.currency);
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    reversesId: row.reverses_id,
    reversedById: row.reversed_by_id,
    on: row.on_date,
    method: row.method,
    currency: row.currency,
    amount: value,
    effect: toDecimalString(amount(value).times(sign), row.currency),
    runningBalance,
    reference: row.reference,
    note: row.note,
    reason: row.reason,
    check: row.method === 'check' && row.kind === 'payment' ? { number: row.check_number, bank: row.check_bank } : null,
    transfer:
      row.method === 'bank_transfer' && row.kind === 'payment'
        ? { bankReference: row.bank_reference, feesDeducted: row.fees_deducted_minor === null ? null : fromMinorUnits(row.fees_deducted_minor, row.currency) }
        : null,
    card: row.method === 'credit_card' && row.kind === 'payment' ? { brand: row.card_brand, last4: row.card_last4, authorisationCode: row.card_authorisation } : null,
    counterpartOrderId: row.counterpart_order_id,
    counterpartOrderNumber: row.counterpart_number,
    feesOfPaymentId: row.fees_of_id,
    bankLine:
      row.bank_line_id === null
        ? null
        : { lineId: row.bank_line_id, statementId: row.bank_statement_id!, fileName: row.bank_file_name!, bookedOn: row.bank_booked_on! },
    recordedBy: row.recorded_by,
    recordedAt: row.created_at,
  };
}

/**
 * The ledger with a running balance after each row. Each step is the balance function
 * applied to the rows so far, so the last running balance is exactly the order's balance.
 */
/** One row of ledgerOf, from the order's movement facts in ledger order: the same running balance without reading every row's details. */
export function ledgerRowOf(order: Pick<Order, 'currency' | 'total' | 'status'>, facts: readonly MovementFacts[], row: MovementRow): MoneyMovement {
  const index = facts.findIndex((f) => f.id === row.id);
  if (index < 0) throw new Error(`movement ${row.id} is not among its order's movements`);
  return toMovement(row, balanceOf(order, facts.slice(0, index + 1)).balance);
}

export function ledgerOf(order: Pick<Order, 'currency' | 'total' | 'status'>, rows: readonly MovementRow[], documents: DocumentAmounts = NO_DOCUMENTS): MoneyMovement[] {
  return rows.map((row, i) => toMovement(row, balanceOf(order, rows.slice(0, i + 1), documents).balance));
}
