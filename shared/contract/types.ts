/** Plain objects returned by the API. Amounts are decimal strings in the named currency. */
import type { CurrencyCode } from '../money/currencies';
import type { BankAccount, DocumentIssuer } from '../documents/invoice-document';
import type { MailSettings, MailTemplates } from './mail';
import type { OrderStatus, PaymentMethod, PaymentStatus, PublicationFormat, ReceivedVia } from '../domain/vocabulary';
import type { ReminderSettings } from '../domain/reminder-levels';

export interface PriceInForce {
  currency: CurrencyCode;
  unitPrice: string;
  validFrom: string;
}

export interface Publication {
  id: number;
  title: string;
  subtitle: string;
  year: number | null;
  pages: number | null;
  /** ISBN-13 digits without hyphens; hyphenate for display with shared/domain/isbn. */
  isbn: string;
  eisbn: string;
  languages: string[];
  formats: PublicationFormat[];
  active: boolean;
  /** Price in force today (or on the requested date) per currency; a missing currency has no price yet. */
  prices: Partial<Record<CurrencyCode, PriceInForce>>;
  updatedAt: string;
}

export interface PriceHistoryEntry extends PriceInForce {
  id: number;
  publicationId: number;
  createdAt: string;
}

export interface CustomerDetails {
  name: string;
  address: string;
  country: string;
  city: string;
  postalCode: string;
  phone: string;
  email: string;
}

export interface Customer extends CustomerDetails {
  id: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrderLine {
  id: number;
  position: number;
  publicationId: number | null;
  title: string;
  /** True when the title was typed freely rather than picked from the catalogue. */
  freeText: boolean;
  quantity: number;
  unitPrice: string;
  discountPercent: string | null;
  lineTotal: string;
}

export interface Order {
  id: number;
  number: string;
  receivedOn: string;
  receivedVia: ReceivedVia;
  currency: CurrencyCode;
  customerId: number | null;
  customer: CustomerDetails;
  paymentMethod: PaymentMethod | null;
  customerReference: string;
  /** The lifecycle: received, invoiced, shipped, closed or cancelled. */
  status: OrderStatus;
  /** Derived from the order's money movements; never set by hand. */
  paymentStatus: PaymentStatus;
  /** Signed: positive is still owed, negative is a credit held for the customer. */
  balance: string;
  notes: string;
  needsReview: boolean;
  cancelReason: string;
  cancelledOn: string | null;
  shippedOn: string | null;
  carrier: string;
  tracking: string;
  closedOn: string | null;
  /** Empty when the order closed by itself (shipped and settled). */
  closeReason: string;
  lines: OrderLine[];
  total: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrderSummary {
  id: number;
  number: string;
  receivedOn: string;
  receivedVia: ReceivedVia;
  customerName: string;
  country: string;
  city: string;
  email: string;
  currency: CurrencyCode;
  total: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  /** Signed: positive is still owed, negative is a credit held for the customer. */
  balance: string;
  paymentMethod: PaymentMethod | null;
  needsReview: boolean;
}

export type { AuditEntry } from './audit';

/** The unit as printed on invoices: name, structured address (QR-bill), post box, phone, fax, e-mail. */
export type IssuerDetails = DocumentIssuer;

export interface Settings {
  issuer: IssuerDetails;
  /** Where customers pay, one account per currency; none until the unit enters its own. */
  bankAccounts: BankAccount[];
  /** Days from an invoice's date to its due date. */
  paymentTermsDays: number;
  /** BCP 47 locale for numbers, dates and country names. */
  locale: string;
  defaultCurrency: CurrencyCode;
  backup: { keep: number; folder: string };
  /** Who may be named as working; a fresh database starts with none. */
  staff: string[];
  /** The unit's time zone (IANA name): it decides which day "today" is, for every date filled in, checked or reported. */
  timeZone: string;
  /** The unit's first day of business (YYYY-MM-DD): nothing can be dated before it, which catches a mistyped year. */
  firstBusinessDay: string;
  /**
   * Per currency, how far short of an invoice's balance a bank transfer may be and still settle
   * it, the difference written off as bank fees (bank statement import). "5.00" by default.
   */
  bankFeeTolerance: Record<CurrencyCode, string>;
  /** The outgoing mail server (never its password: only whether one is kept). */
  mail: MailSettings;
  /** The texts of the mails sent with documents, per kind and document language. */
  mailTemplates: MailTemplates;
  /** Payment reminder levels, their days and fees. */
  reminders: ReminderSettings;
}

/** Who is working in this process, and whether the app must ask before anything else. */
export interface SessionInfo {
  /** The name audit records carry now. */
  user: string;
  /** True in the desktop app until the clerk has said who is working; false where --user fixed it. */
  askUser: boolean;
}
