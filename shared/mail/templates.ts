/**
 * The texts of the e-mails Order Desk sends with a document: one template per kind of mail and
 * document language, with placeholders filled from the document. The defaults below are what a
 * new database sends; Settings → E-mail stores the unit's own wording over them.
 *
 * Values are formatted before they reach a template (amounts and dates in the document's
 * language, by the money module and shared/format/dates.ts): a template only places them.
 */
import type { DocumentLanguage } from '../documents/invoice-document';

export const MAIL_KINDS = ['invoice', 'credit_note', 'reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailTemplate {
  subject: string;
  text: string;
}

export type MailTemplates = Record<MailKind, Record<DocumentLanguage, MailTemplate>>;

/** What a template may name, written {customerName} and so on. */
export const MAIL_PLACEHOLDERS = ['customerName', 'documentNumber', 'amount', 'dueDate', 'orderNumber', 'unitName'] as const;
export type MailPlaceholder = (typeof MAIL_PLACEHOLDERS)[number];
export type MailValues = Record<MailPlaceholder, string>;

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/** Placeholders in `text` that are not among MAIL_PLACEHOLDERS (a typo would otherwise reach the customer as "{custmerName}"). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(MAIL_PLACEHOLDERS);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

/** The template with each {placeholder} replaced by its value; anything else is left as written. */
export function fillTemplate(text: string, values: MailValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name as MailPlaceholder] : whole));
}

export const DEFAULT_MAIL_TEMPLATES: MailTemplates = {
  invoice: {
    en: {
      subject: 'Invoice {documentNumber} from {unitName}',
      text:
        'Dear {customerName},\n\n' +
        'Please find attached invoice {documentNumber} for your order {orderNumber}, for {amount}, payable by {dueDate}.\n\n' +
        'Kind regards,\n{unitName}',
    },
    fr: {
      subject: 'Facture {documentNumber} – {unitName}',
      text:
        'Bonjour {customerName},\n\n' +
        'Veuillez trouver ci-joint la facture {documentNumber} relative à votre commande {orderNumber}, d’un montant de {amount}, payable jusqu’au {dueDate}.\n\n' +
        'Avec nos meilleures salutations,\n{unitName}',
    },
    es: {
      subject: 'Factura {documentNumber} – {unitName}',
      text:
        'Estimado/a {customerName}:\n\n' +
        'Le adjuntamos la factura {documentNumber} correspondiente a su pedido {orderNumber}, por un importe de {amount}, pagadera hasta el {dueDate}.\n\n' +
        'Atentamente,\n{unitName}',
    },
  },
  credit_note: {
    en: {
      subject: 'Credit note {documentNumber} from {unitName}',
      text:
        'Dear {customerName},\n\n' +
        'Please find attached credit note {documentNumber} for your order {orderNumber}, for {amount}.\n\n' +
        'Kind regards,\n{unitName}',
    },
    fr: {
      subject: 'Note de crédit {documentNumber} – {unitName}',
      text:
        'Bonjour {customerName},\n\n' +
        'Veuillez trouver ci-joint la note de crédit {documentNumber} relative à votre commande {orderNumber}, d’un montant de {amount}.\n\n' +
        'Avec nos meilleures salutations,\n{unitName}',
    },
    es: {
      subject: 'Nota de crédito {documentNumber} – {unitName}',
      text:
        'Estimado/a {customerName}:\n\n' +
        'Le adjuntamos la nota de crédito {documentNumber} correspondiente a su pedido {orderNumber}, por un importe de {amount}.\n\n' +
        'Atentamente,\n{unitName}',
    },
  },
  reminder: {
    en: {
      subject: 'Payment reminder: invoice {documentNumber}',
      text:
        'Dear {customerName},\n\n' +
        'According to our records, invoice {documentNumber} for your order {orderNumber}, due on {dueDate}, has not been paid in full. The amount still open is {amount}.\n\n' +
        'Please find attached our reminder with a payment slip for the open amount. If you have paid in the meantime, please disregard this message.\n\n' +
        'Kind regards,\n{unitName}',
    },
    fr: {
      subject: 'Rappel de paiement : facture {documentNumber}',
      text:
        'Bonjour {customerName},\n\n' +
        'Sauf erreur de notre part, la facture {documentNumber} relative à votre commande {orderNumber}, échue le {dueDate}, n’a pas encore été entièrement réglée. Le montant restant dû est de {amount}.\n\n' +
        'Vous trouverez ci-joint notre rappel avec un bulletin de versement pour le montant ouvert. Si vous avez effectué le paiement entre-temps, nous vous prions de ne pas tenir compte de ce message.\n\n' +
        'Avec nos meilleures salutations,\n{unitName}',
    },
    es: {
      subject: 'Recordatorio de pago: factura {documentNumber}',
      text:
        'Estimado/a {customerName}:\n\n' +
        'Según nuestros registros, la factura {documentNumber} correspondiente a su pedido {orderNumber}, vencida el {dueDate}, aún no ha sido pagada en su totalidad. El importe pendiente es de {amount}.\n\n' +
        'Le adjuntamos nuestro recordatorio con un comprobante de pago por el importe pendiente. Si ya ha efectuado el pago, le rogamos que no tenga en cuenta este mensaje.\n\n' +
        'Atentamente,\n{unitName}',
    },
  },
};
