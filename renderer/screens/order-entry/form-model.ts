/**
 * The order form as the clerk sees it: every field kept as the text typed, so nothing
 * is lost or reformatted under the fingers. Conversion to the API's OrderInput happens
 * in one place (toOrderInput) so the screen and the API validate the same thing.
 */
import type { Order } from '../../../shared/contract/types';
import type { PaymentMethod, ReceivedVia } from '../../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../../shared/money/currencies';

/** Where a line's unit price came from: the price list, the clerk's hand, or nowhere yet. */
export type PriceSource = 'list' | 'typed' | 'none';

export interface LineDraft {
  /** Stable identity for React keys and field errors; survives reordering and removal. */
  key: string;
  publicationId: number | null;
  title: string;
  quantity: string;
  unitPrice: string;
  priceSource: PriceSource;
  /** Only orders taken before the form had no discount carry one; kept as it was. */
  discountPercent: string | null;
}

export interface CustomerDraft {
  name: string;
  address: string;
  /** ISO alpha-2 code once resolved; the text the clerk typed is in countryText. */
  country: string;
  countryText: string;
  city: string;
  postalCode: string;
  phone: string;
  email: string;
}

export interface OrderForm {
  customer: CustomerDraft;
  customerId: number | null;
  currency: CurrencyCode;
  /** '' until the clerk says how this form came: each paper is chosen for, never carried over. */
  receivedVia: ReceivedVia | '';
  receivedOn: string;
  paymentMethod: PaymentMethod | '';
  customerReference: string;
  notes: string;
  lines: LineDraft[];
}

export interface FormDefaults {
  currency: CurrencyCode;
  receivedOn: string;
}

let lineCounter = 0;
export function newLineKey(): string {
  lineCounter += 1;
  return `l${Date.now().toString(36)}${lineCounter}`;
}

export function emptyLine(): LineDraft {
  return { key: newLineKey(), publicationId: null, title: '', quantity: '', unitPrice: '', priceSource: 'none', discountPercent: null };
}

export function emptyCustomer(): CustomerDraft {
  return { name: '', address: '', country: '', countryText: '', city: '', postalCode: '', phone: '', email: '' };
}

export function emptyForm(defaults: FormDefaults): OrderForm {
  return {
    customer: emptyCustomer(),
    customerId: null,
    currency: defaults.currency,
    receivedVia: '',
    receivedOn: defaults.receivedOn,
    paymentMethod: '',
    customerReference: '',
    notes: '',
    lines: [emptyLine()],
  };
}

/** A line the clerk has not started: ignored when saving, never an error. */
export function isBlankLine(line: LineDraft): boolean {
  return line.publicationId === null && line.title.trim() === '' && line.quantity.trim() === '' && line.unitPrice.trim() === '';
}

export function fromOrder(order: Order, countryText: string, listPrice: (publicationId: number) => string | undefined): OrderForm {
  return {
    customer: { ...order.customer, countryText },
    customerId: order.customerId,
    currency: order.currency,
    receivedVia: order.receivedVia,
    receivedOn: order.receivedOn,
    paymentMethod: order.paymentMethod ?? '',
    customerReference: order.customerReference,
    notes: order.notes,
    lines: order.lines.map((line) => ({
      key: newLineKey(),
      publicationId: line.publicationId,
      title: line.title,
      quantity: String(line.quantity),
      unitPrice: line.unitPrice,
      // A stored price equal to today's list price is treated as coming from the list.
      priceSource: line.publicationId !== null && listPrice(line.publicationId) === line.unitPrice ? 'list' : 'typed',
      discountPercent: line.discountPercent,
    })),
  };
}

/** "3" → 3; anything else (blank, "2.5", "x") is passed on so the schema names the problem. */
export function parseQuantity(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Clerks type prices the way they write them: "25,50", "1'250.00", "1 250". Turns
 * those into "25.50"; leaves anything else unchanged for the schema to explain.
 */
export function normalizePriceText(text: string): string {
  const compact = text.trim().replace(/['’\s]/g, '');
  if (/^\d+,\d+$/.test(compact)) return compact.replace(',', '.');
  return compact;
}

export interface ApiOrderInput {
  customer: Omit<CustomerDraft, 'countryText'>;
  customerId: number | null;
  currency: CurrencyCode;
  receivedVia: ReceivedVia | '';
  receivedOn: string;
  paymentMethod: PaymentMethod | null;
  customerReference: string;
  notes: string;
  lines: { publicationId: number | null; title: string; quantity: number | undefined; unitPrice: string; discountPercent?: string }[];
}

/**
 * The input for orders.create/update, and which form line each input line came from
 * (blank lines are left out, so API index 1 may be form line 3).
 */
export function toOrderInput(form: OrderForm): { input: ApiOrderInput; lineKeys: string[] } {
  const lines = form.lines.filter((l) => !isBlankLine(l));
  const { countryText, ...customer } = form.customer;
  return {
    input: {
      customer: { ...customer, country: customer.country !== '' ? customer.country : countryText },
      customerId: form.customerId,
      currency: form.currency,
      receivedVia: form.receivedVia,
      receivedOn: form.receivedOn,
      paymentMethod: form.paymentMethod === '' ? null : form.paymentMethod,
      customerReference: form.customerReference,
      notes: form.notes,
      lines: lines.map((l) => ({
        publicationId: l.publicationId,
        title: l.title,
        quantity: parseQuantity(l.quantity),
        unitPrice: l.unitPrice.trim(),
        ...(l.discountPercent !== null ? { discountPercent: l.discountPercent } : {}),
      })),
    },
    lineKeys: lines.map((l) => l.key),
  };
}

/** Compares what the clerk would lose, ignoring the line keys React needs. */
export function sameContent(a: OrderForm, b: OrderForm): boolean {
  const strip = (f: OrderForm) => ({ ...f, lines: f.lines.filter((l) => !isBlankLine(l)).map(({ key: _key, ...rest }) => rest) });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
