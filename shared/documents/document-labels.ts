/**
 * The words and conventions of an invoice in the organisation's three languages.
 * Dates (shared/format/dates.ts) and amounts are formatted with Intl in the document's language; the
 * figures themselves are the money module's decimal strings, formatted exactly as they are.
 */
import type { CurrencyCode } from '../money/currencies';
import { formatAmount, formatMoney } from '../money/money';
import type { PaymentMethod } from '../domain/vocabulary';
import type { DocumentKind, DocumentLanguage } from './invoice-document';

export interface DocumentLabels {
  title: Record<DocumentKind, string>;
  draft: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  orderNumber: string;
  customerReference: string;
  billTo: string;
  referencedInvoice: string;
  reason: string;
  position: string;
  description: string;
  isbn: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  amount: string;
  subtotal: string;
  shipping: string;
  total: Record<DocumentKind, string>;
  amountPaid: string;
  balanceDue: string;
  howToPay: string;
  bankTransfer: string;
  accountHolder: string;
  iban: string;
  bic: string;
  bank: string;
  paymentReference: string;
  acceptedMethods: string;
  methods: Record<PaymentMethod, string>;
  bankFees: string;
  payByQrBill: string;
  noAccount: string;
  creditNoteNote: string;
  phone: string;
  fax: string;
  email: string;
  page: (page: number, pages: number) => string;
  continued: string;
  reminder: ReminderLabels;
}

/** The words of a payment reminder (issue 17). */
export interface ReminderLabels {
  /** By level, from the first: "Reminder", "Second reminder", … */
  titles: readonly string[];
  /** The last level of several. */
  finalTitle: string;
  /** The opening paragraph: the first reminder is friendly, later ones firmer, the final notice firm. */
  intro: { first: string; next: string; final: string };
  earlier: (dates: string) => string;
  invoice: string;
  invoiceDate: string;
  daysOverdue: string;
  invoiceTotal: string;
  settled: string;
  open: string;
  /** What is open on the invoice(s) themselves, before reminder fees. */
  openAmount: string;
  /** The fees of earlier reminders that are still open. */
  feesOpen: string;
  /** This reminder's fee, by level: "Reminder fee (level 2)". */
  fee: (level: number) => string;
  /** Said under the amount to pay when a fee is in it: the slip asks for everything. */
  feeIncluded: string;
  amountToPay: string;
  disregard: string;
}

const en: DocumentLabels = {
  title: { invoice: 'Invoice', credit_note: 'Credit note' },
  draft: 'DRAFT',
  number: 'Number',
  issuedOn: 'Date',
  dueOn: 'Due date',
  orderNumber: 'Order',
  customerReference: 'Your reference',
  billTo: 'Bill to',
  referencedInvoice: 'Invoice credited',
  reason: 'Reason',
  position: '#',
  description: 'Publication',
  isbn: 'ISBN',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  discount: 'Discount',
  amount: 'Amount',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  total: { invoice: 'Total', credit_note: 'Total credited' },
  amountPaid: 'Already paid',
  balanceDue: 'Balance due',
  howToPay: 'How to pay',
  bankTransfer: 'Bank transfer',
  accountHolder: 'Account holder',
  iban: 'IBAN',
  bic: 'BIC / SWIFT',
  bank: 'Bank',
  paymentReference: 'Please quote',
  acceptedMethods: 'We accept',
  methods: { credit_card: 'credit card', check: 'check', bank_transfer: 'bank transfer' },
  bankFees: 'Bank transfer fees are borne by the customer.',
  payByQrBill: 'Swiss and Liechtenstein banking apps can scan the QR-bill below.',
  noAccount: 'Please contact us for our bank details.',
  creditNoteNote: 'This amount is credited to your account and lowers what you owe.',
  phone: 'Tel.',
  fax: 'Fax',
  email: 'E-mail',
  page: (page, pages) => `Page ${page} of ${pages}`,
  continued: 'continued',
  reminder: {
    titles: ['Reminder', 'Second reminder', 'Third reminder', 'Fourth reminder', 'Fifth reminder'],
    finalTitle: 'Final notice',
    intro: {
      first:
        'According to our records, the invoice below has not yet been paid in full, although its due date has passed. Perhaps it escaped your attention: we would be grateful if you could pay the open amount at your earliest convenience.',
      next: 'Despite our reminder, the invoice below is still not paid in full. Please pay the open amount without delay.',
      final: 'Despite our previous reminders, the invoice below is still not paid in full. This is our final notice: please pay the amount due immediately.',
    },
    earlier: (dates) => `Our earlier reminders: ${dates}.`,
    invoice: 'Invoice',
    invoiceDate: 'Date',
    daysOverdue: 'Days overdue',
    invoiceTotal: 'Total',
    settled: 'Paid or credited',
    open: 'Open',
    openAmount: 'Open amount of the invoice',
    feesOpen: 'Earlier reminder fees, still open',
    fee: (level) => `Reminder fee (reminder ${level})`,
    feeIncluded: 'Reminder fees are included in the amount to pay and in the payment slip below.',
    amountToPay: 'Amount to pay',
    disregard: 'If you have paid in the meantime, please disregard this reminder. Thank you.',
  },
};

const fr: DocumentLabels = {
  title: { invoice: 'Facture', credit_note: 'Note de crédit' },
  draft: 'PROJET',
  number: 'Numéro',
  issuedOn: 'Date',
  dueOn: 'Échéance',
  orderNumber: 'Commande',
  customerReference: 'Votre référence',
  billTo: 'Facturé à',
  referencedInvoice: 'Facture créditée',
  reason: 'Motif',
  position: 'N°',
  description: 'Publication',
  isbn: 'ISBN',
  quantity: 'Qté',
  unitPrice: 'Prix unitaire',
  discount: 'Remise',
  amount: 'Montant',
  subtotal: 'Sous-total',
  shipping: 'Frais d’envoi',
  total: { invoice: 'Total', credit_note: 'Total crédité' },
  amountPaid: 'Déjà payé',
  balanceDue: 'Solde dû',
  howToPay: 'Modalités de paiement',
  bankTransfer: 'Virement bancaire',
  accountHolder: 'Titulaire du compte',
  iban: 'IBAN',
  bic: 'BIC / SWIFT',
  bank: 'Banque',
  paymentReference: 'Référence à indiquer',
  acceptedMethods: 'Nous acceptons',
  methods: { credit_card: 'carte de crédit', check: 'chèque', bank_transfer: 'virement bancaire' },
  bankFees: 'Les frais de virement bancaire sont à la charge du client.',
  payByQrBill: 'Les applications bancaires suisses et liechtensteinoises peuvent scanner la QR-facture ci-dessous.',
  noAccount: 'Veuillez nous contacter pour nos coordonnées bancaires.',
  creditNoteNote: 'Ce montant est crédité sur votre compte et réduit le montant dû.',
  phone: 'Tél.',
  fax: 'Fax',
  email: 'E-mail',
  page: (page, pages) => `Page ${page} sur ${pages}`,
  continued: 'suite',
  reminder: {
    titles: ['Rappel', 'Deuxième rappel', 'Troisième rappel', 'Quatrième rappel', 'Cinquième rappel'],
    finalTitle: 'Dernier rappel',
    intro: {
      first:
        'Selon nos relevés, la facture ci-dessous n’est pas encore entièrement réglée, bien que son échéance soit passée. Elle vous a peut-être échappé : nous vous serions reconnaissants de bien vouloir régler le montant ouvert dans les meilleurs délais.',
      next: 'Malgré notre rappel, la facture ci-dessous n’est toujours pas entièrement réglée. Nous vous prions de régler le montant ouvert sans tarder.',
      final: 'Malgré nos rappels précédents, la facture ci-dessous n’est toujours pas entièrement réglée. Ceci est notre dernier rappel : nous vous prions de régler immédiatement le montant dû.',
    },
    earlier: (dates) => `Nos rappels précédents : ${dates}.`,
    invoice: 'Facture',
    invoiceDate: 'Date',
    daysOverdue: 'Jours de retard',
    invoiceTotal: 'Total',
    settled: 'Payé ou crédité',
    open: 'Ouvert',
    openAmount: 'Montant ouvert de la facture',
    feesOpen: 'Frais des rappels précédents, ouverts',
    fee: (level) => `Frais de rappel (rappel ${level})`,
    feeIncluded: 'Les frais de rappel sont compris dans le montant à payer et dans la section paiement ci-dessous.',
    amountToPay: 'Montant à payer',
    disregard: 'Si vous avez effectué le paiement entre-temps, veuillez ne pas tenir compte de ce rappel. Merci.',
  },
};

const es: DocumentLabels = {
  title: { invoice: 'Factura', credit_note: 'Nota de crédito' },
  draft: 'BORRADOR',
  number: 'Número',
  issuedOn: 'Fecha',
  dueOn: 'Vencimiento',
  orderNumber: 'Pedido',
  customerReference: 'Su referencia',
  billTo: 'Facturar a',
  referencedInvoice: 'Factura abonada',
  reason: 'Motivo',
  position: 'N.º',
  description: 'Publicación',
  isbn: 'ISBN',
  quantity: 'Cant.',
  unitPrice: 'Precio unitario',
  discount: 'Descuento',
  amount: 'Importe',
  subtotal: 'Subtotal',
  shipping: 'Gastos de envío',
  total: { invoice: 'Total', credit_note: 'Total abonado' },
  amountPaid: 'Ya pagado',
  balanceDue: 'Saldo pendiente',
  howToPay: 'Forma de pago',
  bankTransfer: 'Transferencia bancaria',
  accountHolder: 'Titular de la cuenta',
  iban: 'IBAN',
  bic: 'BIC / SWIFT',
  bank: 'Banco',
  paymentReference: 'Referencia a indicar',
  acceptedMethods: 'Aceptamos',
  methods: { credit_card: 'tarjeta de crédito', check: 'cheque', bank_transfer: 'transferencia bancaria' },
  bankFees: 'Los gastos de transferencia bancaria corren a cargo del cliente.',
  payByQrBill: 'Las aplicaciones bancarias de Suiza y Liechtenstein pueden escanear la factura QR de abajo.',
  noAccount: 'Póngase en contacto con nosotros para obtener nuestros datos bancarios.',
  creditNoteNote: 'Este importe se abona en su cuenta y reduce lo que debe.',
  phone: 'Tel.',
  fax: 'Fax',
  email: 'Correo electrónico',
  page: (page, pages) => `Página ${page} de ${pages}`,
  continued: 'continuación',
  reminder: {
    titles: ['Recordatorio', 'Segundo recordatorio', 'Tercer recordatorio', 'Cuarto recordatorio', 'Quinto recordatorio'],
    finalTitle: 'Último aviso',
    intro: {
      first:
        'Según nuestros registros, la factura siguiente aún no ha sido pagada en su totalidad, aunque su fecha de vencimiento ha pasado. Quizás se le haya pasado por alto: le agradeceríamos que abonara el importe pendiente lo antes posible.',
      next: 'A pesar de nuestro recordatorio, la factura siguiente sigue sin estar pagada en su totalidad. Le rogamos que abone el importe pendiente sin demora.',
      final: 'A pesar de nuestros recordatorios anteriores, la factura siguiente sigue sin estar pagada en su totalidad. Este es nuestro último aviso: le rogamos que abone de inmediato el importe adeudado.',
    },
    earlier: (dates) => `Nuestros recordatorios anteriores: ${dates}.`,
    invoice: 'Factura',
    invoiceDate: 'Fecha',
    daysOverdue: 'Días de retraso',
    invoiceTotal: 'Total',
    settled: 'Pagado o abonado',
    open: 'Pendiente',
    openAmount: 'Importe pendiente de la factura',
    feesOpen: 'Gastos de recordatorios anteriores, pendientes',
    fee: (level) => `Gastos de recordatorio (recordatorio ${level})`,
    feeIncluded: 'Los gastos de recordatorio están incluidos en el importe a pagar y en el comprobante de pago adjunto.',
    amountToPay: 'Importe a pagar',
    disregard: 'Si ya ha efectuado el pago, le rogamos que no tenga en cuenta este recordatorio. Gracias.',
  },
};

export const DOCUMENT_LABELS: Record<DocumentLanguage, DocumentLabels> = { en, fr, es };

/** A reminder's title in its language: by level, the last of several levels as the final notice. */
export function reminderTitle(language: DocumentLanguage, level: number, final: boolean): string {
  const labels = DOCUMENT_LABELS[language].reminder;
  if (final) return labels.finalTitle;
  return labels.titles[level - 1] ?? `${labels.titles[0]} ${level}`;
}

/** The regional convention each language prints with (en-GB: "14 March 2025", "1,234.50"); dates go through shared/format/dates.ts with it. */
const LOCALES: Record<DocumentLanguage, string> = { en: 'en-GB', fr: 'fr-CH', es: 'es-ES' };

export function documentLocale(language: DocumentLanguage): string {
  return LOCALES[language];
}

/**
 * A decimal string in the language's convention, without the currency code (the table
 * header names the currency): the money module's one number format for the language's locale.
 */
export function formatDocumentAmount(value: string, currency: CurrencyCode, language: DocumentLanguage): string {
  return formatAmount(value, currency, LOCALES[language]);
}

/** With the currency code: "CHF 1,234.50" / "1 234,50 CHF"; the figures written exactly as formatDocumentAmount writes them. */
export function formatDocumentMoney(value: string, currency: CurrencyCode, language: DocumentLanguage): string {
  return formatMoney(value, currency, LOCALES[language]);
}

/** "15" → "15 %" in French, "15%" in English. */
export function formatDocumentPercent(value: string, language: DocumentLanguage): string {
  const format = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 });
  return format.format((value + 'E-2') as unknown as number);
}

/** Spanish- and French-speaking countries get their language by default; everyone else English. */
const FRENCH = new Set(['FR', 'CH', 'BE', 'LU', 'MC', 'SN', 'CI', 'ML', 'BF', 'NE', 'TG', 'BJ', 'CM', 'CD', 'CG', 'GA', 'GN', 'MG', 'HT', 'TD', 'CF', 'DJ', 'KM', 'BI', 'RW', 'TN', 'MA', 'DZ', 'MR', 'NC', 'PF', 'RE', 'GP', 'MQ']);
const SPANISH = new Set(['ES', 'MX', 'AR', 'CO', 'PE', 'CL', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'GQ', 'PR']);

export function defaultDocumentLanguage(country: string): DocumentLanguage {
  const code = country.toUpperCase();
  if (FRENCH.has(code)) return 'fr';
  if (SPANISH.has(code)) return 'es';
  return 'en';
}
