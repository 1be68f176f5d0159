/**
 * Turns audit records into sentences a clerk can read: who did what, when, and for an
 * edit, which fields changed from what to what. Audit records hold whole orders (create,
 * update, cancel) or just the changed fields (invoice, payment, shipment); both work.
 */
import type { AuditAction, AuditEntry } from '../../../shared/contract/audit';
import type { Order, OrderLine } from '../../../shared/contract/types';
import { maskedCard } from '../../../shared/domain/card-numbers';
import {
  MOVEMENT_KIND_LABELS,
  ORDER_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_LABELS,
  RECEIVED_VIA_LABELS,
  type MovementKind,
  type OrderStatus,
  type PaymentMethod,
  type PaymentStatus,
} from '../../../shared/domain/vocabulary';
import { formatMoney } from '../../../shared/money/money';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/money/currencies';
import { reminderFeeLabel } from '../../../shared/domain/reminder-levels';

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface HistoryItem {
  id: number;
  at: string;
  actor: string;
  title: string;
  changes: FieldChange[];
}

type Flat = Record<string, unknown>;

type OrderEntry = AuditEntry<'order'>;

/** Every action the audit log declares for an order (shared/contract/audit.ts): one without a title does not compile. */
export const ACTION_TITLES: Record<AuditAction<'order'>, string> = {
  create: 'Order keyed in',
  update: 'Order edited',
  cancel: 'Order cancelled',
  invoice: 'Invoice issued',
  credit: 'Invoice credited in full',
  payment: 'Payment received',
  refund: 'Refund paid',
  write_off: 'Written off',
  credit_in: 'Credit moved in',
  credit_out: 'Credit moved out',
  reverse: 'Reversed',
  ship: 'Shipped',
  close: 'Closed by hand',
  customer_merged: 'Moved to another customer record',
  reminder: 'Payment reminder issued',
  waive_reminder_fee: 'Reminder fee waived',
};

const FIELD_LABELS: Record<string, string> = {
  'customer.name': 'Name',
  'customer.address': 'Address',
  'customer.country': 'Country',
  'customer.city': 'City',
  'customer.postalCode': 'Zip code',
  'customer.phone': 'Tel.',
  'customer.email': 'E-mail',
  currency: 'Currency',
  receivedVia: 'Received via',
  receivedOn: 'Date received',
  paymentMethod: 'Payment method',
  customerReference: 'Customer reference',
  notes: 'Notes',
  status: 'Status',
  cancelReason: 'Reason',
  needsReview: 'Needs review',
  total: 'Amount due',
  invoiceNumber: 'Invoice',
  creditNoteNumber: 'Credit note',
  invoicedOn: 'Invoice date',
  paymentAmount: 'Amount',
  paidOn: 'Paid on',
  cardLast4: 'Card',
  shippedOn: 'Shipped on',
  carrier: 'Carrier',
  tracking: 'Tracking number',
  closedOn: 'Closed on',
  closeReason: 'Reason for closing',
  cancelledOn: 'Cancelled on',
  paymentStatus: 'Payment status',
  balance: 'Balance due',
};

/** Fields that never interest a clerk in a diff (they change on every save). */
const IGNORED = new Set(['id', 'number', 'createdAt', 'updatedAt', 'customerId', 'lines']);

function flatten(value: unknown, prefix = ''): Flat {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? { [prefix]: value } : {};
  const out: Flat = {};
  for (const [key, inner] of Object.entries(value as Flat)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(out, flatten(inner, path));
    else out[path] = inner;
  }
  return out;
}

export interface Formatting {
  locale: string;
  currency: CurrencyCode;
  countryName(code: string): string;
  /** A calendar date (YYYY-MM-DD) as the clerk reads dates. */
  date(isoDate: string): string;
}

function money(value: unknown, currency: CurrencyCode, locale: string): string {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? formatMoney(value, currency, locale) : String(value ?? '');
}

function display(field: string, value: unknown, f: Formatting): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return ORDER_STATUS_LABELS[value as OrderStatus] ?? String(value);
  if (field === 'paymentStatus') return PAYMENT_STATUS_LABELS[value as PaymentStatus] ?? String(value);
  if (field === 'paymentMethod') return PAYMENT_METHOD_LABELS[value as keyof typeof PAYMENT_METHOD_LABELS] ?? String(value);
  if (field === 'receivedVia') return RECEIVED_VIA_LABELS[value as keyof typeof RECEIVED_VIA_LABELS] ?? String(value);
  if (field === 'customer.country') return f.countryName(String(value));
  // A negative balance is money held for the customer: said in words, not with a minus sign.
  if (field === 'balance' && typeof value === 'string' && value.startsWith('-')) return `${money(value.slice(1), f.currency, f.locale)} credit`;
  if (field === 'total' || field === 'paymentAmount' || field === 'balance') return money(value, f.currency, f.locale);
  if (field === 'cardLast4') return `ending ${String(value)}`;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return f.date(value);
  return String(value);
}

function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

function lineText(line: OrderLine, currency: CurrencyCode, locale: string): string {
  const discount = line.discountPercent ? `, less ${line.discountPercent} %` : '';
  return `${line.title} × ${line.quantity} at ${formatMoney(line.unitPrice, currency, locale)}${discount}`;
}

function linesOf(value: unknown): OrderLine[] | null {
  if (value === null || typeof value !== 'object') return null;
  const lines = (value as { lines?: unknown }).lines;
  return Array.isArray(lines) ? (lines as OrderLine[]) : null;
}

/** Line by line (by position): what was added, removed or changed. */
export function lineChanges(before: OrderLine[], after: OrderLine[], currency: CurrencyCode, locale: string): FieldChange[] {
  const changes: FieldChange[] = [];
  const count = Math.max(before.length, after.length);
  for (let i = 0; i < count; i++) {
    const old = before[i];
    const now = after[i];
    const label = `Line ${i + 1}`;
    if (!old && now) changes.push({ label: `${label} added`, before: '—', after: lineText(now, currency, locale) });
    else if (old && !now) changes.push({ label: `${label} removed`, before: lineText(old, currency, locale), after: '—' });
    else if (old && now) {
      if (old.title !== now.title) changes.push({ label: `${label}: title`, before: old.title, after: now.title });
      if (old.quantity !== now.quantity) changes.push({ label: `${label}: quantity`, before: String(old.quantity), after: String(now.quantity) });
      if (old.unitPrice !== now.unitPrice) {
        changes.push({ label: `${label}: unit price`, before: formatMoney(old.unitPrice, currency, locale), after: formatMoney(now.unitPrice, currency, locale) });
      }
      if ((old.discountPercent ?? '') !== (now.discountPercent ?? '')) {
        changes.push({ label: `${label}: discount`, before: old.discountPercent ? `${old.discountPercent} %` : '—', after: now.discountPercent ? `${now.discountPercent} %` : '—' });
      }
    }
  }
  return changes;
}

function currencyOf(value: unknown, fallback: CurrencyCode): CurrencyCode {
  const c = value !== null && typeof value === 'object' ? (value as { currency?: unknown }).currency : undefined;
  return isCurrencyCode(c) ? c : fallback;
}

/** What the audit record of a money movement keeps of it (never more of a card than its last four digits). */
interface MovementSummary {
  kind: MovementKind;
  on: string;
  amount: string;
  currency: CurrencyCode;
  method?: PaymentMethod;
  reference?: string;
  reason?: string;
  cardLast4?: string;
  reverses?: number;
  counterpartOrder?: string;
}

function movementOf(value: unknown): MovementSummary | null {
  const m = value !== null && typeof value === 'object' ? (value as { movement?: unknown }).movement : undefined;
  if (m === null || typeof m !== 'object') return null;
  const s = m as Partial<MovementSummary>;
  return typeof s.kind === 'string' && typeof s.amount === 'string' && isCurrencyCode(s.currency) && typeof s.on === 'string' ? (s as MovementSummary) : null;
}

/** "Payment received: CHF 100.00 by check on 20 Nov 2026, reference 4471" and the like. */
export function movementSentence(action: AuditAction<'order'>, m: MovementSummary, f: Formatting): string {
  const value = formatMoney(m.amount, m.currency, f.locale);
  const how = [
    m.method ? `by ${PAYMENT_METHOD_LABELS[m.method]?.toLowerCase() ?? m.method}` : '',
    m.cardLast4 ? maskedCard(m.cardLast4) : '',
    `on ${f.date(m.on)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const extra = [m.reference ? `reference ${m.reference}` : '', m.reason && !(m.counterpartOrder && action !== 'reverse') ? `reason: ${m.reason}` : ''].filter(Boolean);
  const tail = extra.length > 0 ? `; ${extra.join('; ')}` : '';
  if (action === 'reverse') {
    const kind = (MOVEMENT_KIND_LABELS[m.kind] ?? m.kind).toLowerCase();
    return `Reversed: ${kind} of ${value}${m.counterpartOrder ? ` (order ${m.counterpartOrder})` : ''} ${how}${tail}`;
  }
  const title = ACTION_TITLES[action];
  const counterpart = m.counterpartOrder ? (m.kind === 'credit_in' ? ` from order ${m.counterpartOrder}` : ` to order ${m.counterpartOrder}`) : '';
  return `${title}${counterpart}: ${value} ${how}${tail}`;
}

const MOVEMENT_FIELDS = ['status', 'paymentStatus', 'balance'] as const;

/** What the audit record of a payment reminder keeps of it (db/services/reminders/issue.ts). */
interface ReminderSummary {
  level: number;
  levelName: string;
  invoiceNumber: string;
  openAmount: string;
  fee: string;
  /** The amount to pay the reminder asked for. */
  total?: string;
  /** Set when its fee was booked on the order (from migration 14); before, the fee was printed only. */
  feeBooked?: { id: number; amount: string };
  currency: CurrencyCode;
  delivery: 'email' | 'print';
  email: string;
}

function reminderOf(value: unknown): ReminderSummary | null {
  const r = value !== null && typeof value === 'object' ? (value as { reminder?: unknown }).reminder : undefined;
  if (r === null || typeof r !== 'object') return null;
  const s = r as Partial<ReminderSummary>;
  return typeof s.level === 'number' && typeof s.invoiceNumber === 'string' && typeof s.openAmount === 'string' && isCurrencyCode(s.currency) ? (s as ReminderSummary) : null;
}

/**
 * "Second reminder (level 2) for INV-2026-00012: CHF 50.00 open, reminder fee CHF 10.00 booked on the order, CHF 60.00 to pay, queued for e-mail to …".
 * A reminder from before fees were booked says its fee was printed only. Said as issued: whether the mail went out is the
 * reminder's delivery (customer account, Reminders screen), never assumed here.
 */
export function reminderSentence(r: ReminderSummary, f: Formatting): string {
  const money = (value: string) => formatMoney(value, r.currency, f.locale);
  const hasFee = Boolean(r.fee) && !/^0+(\.0+)?$/.test(r.fee);
  const fee = r.feeBooked
    ? `, reminder fee ${money(r.feeBooked.amount)} booked on the order${r.total ? `, ${money(r.total)} to pay` : ''}`
    : hasFee
      ? `, fee ${money(r.fee)} printed on the reminder but not booked`
      : '';
  const how = r.delivery === 'email' ? `queued for e-mail to ${r.email}` : 'as a letter to print';
  return `${r.levelName} (level ${r.level}) for ${r.invoiceNumber}: ${money(r.openAmount)} open${fee}, ${how}`;
}

/** What the audit record of a waived reminder fee keeps of it (db/services/reminders/fees.ts). */
interface WaivedFee {
  level: number;
  invoiceNumber: string;
  amount: string;
  currency: CurrencyCode;
  reason: string;
}

function waivedFeeOf(value: unknown): WaivedFee | null {
  const fee = value !== null && typeof value === 'object' ? (value as { fee?: unknown }).fee : undefined;
  if (fee === null || typeof fee !== 'object') return null;
  const w = fee as Partial<WaivedFee>;
  return typeof w.level === 'number' && typeof w.invoiceNumber === 'string' && typeof w.amount === 'string' && isCurrencyCode(w.currency) ? (w as WaivedFee) : null;
}

/** "Reminder fee, level 2 (INV-2026-00012) of CHF 10.00 waived: Long-standing customer". */
export function waivedFeeSentence(w: WaivedFee, f: Formatting): string {
  return `${reminderFeeLabel(w)} of ${formatMoney(w.amount, w.currency, f.locale)} waived${w.reason ? `: ${w.reason}` : ''}`;
}

export function describeEntry(entry: OrderEntry, f: Formatting): HistoryItem {
  const title = ACTION_TITLES[entry.action];
  const base = { id: entry.id, at: entry.at, actor: entry.actor, title };
  const reminder = entry.action === 'reminder' ? reminderOf(entry.after) : null;
  if (reminder) return { ...base, title: reminderSentence(reminder, f), changes: [] };
  const waived = entry.action === 'waive_reminder_fee' ? waivedFeeOf(entry.after) : null;
  if (waived) {
    const was = (entry.before ?? {}) as Record<string, unknown>;
    const now = entry.after as Record<string, unknown>;
    const changes = (['paymentStatus', 'balance'] as const)
      .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]))
      .map((k) => ({ label: labelOf(k), before: display(k, was[k], { ...f, currency: waived.currency }), after: display(k, now[k], { ...f, currency: waived.currency }) }));
    return { ...base, title: waivedFeeSentence(waived, f), changes };
  }
  const movement = movementOf(entry.after);
  if (movement) {
    const was = (entry.before ?? {}) as Record<string, unknown>;
    const now = entry.after as Record<string, unknown>;
    const changes = MOVEMENT_FIELDS.filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map((k) => ({
      label: labelOf(k),
      before: display(k, was[k], { ...f, currency: movement.currency }),
      after: display(k, now[k], { ...f, currency: movement.currency }),
    }));
    return { ...base, title: movementSentence(entry.action, movement, f), changes };
  }
  if (entry.action === 'create') {
    const order = entry.after as Partial<Order> | null;
    const lines = order?.lines?.length ?? 0;
    const summary =
      order?.total && order.currency ? `${lines} ${lines === 1 ? 'line' : 'lines'}, amount due ${formatMoney(order.total, order.currency, f.locale)}` : '';
    return { ...base, title: summary ? `${title}: ${summary}` : title, changes: [] };
  }
  const before = flatten(entry.before);
  const after = flatten(entry.after);
  const currencyBefore = currencyOf(entry.before, f.currency);
  const currencyAfter = currencyOf(entry.after, f.currency);
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED.has(field.split('.')[0]!)) continue;
    const was = before[field];
    const now = after[field];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({
      label: labelOf(field),
      before: display(field, was, { ...f, currency: currencyBefore }),
      after: display(field, now, { ...f, currency: currencyAfter }),
    });
  }
  const oldLines = linesOf(entry.before);
  const newLines = linesOf(entry.after);
  if (oldLines && newLines) changes.push(...lineChanges(oldLines, newLines, currencyAfter, f.locale));
  return { ...base, changes };
}
