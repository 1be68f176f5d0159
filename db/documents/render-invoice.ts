/**
 * Renders an InvoiceDocument to PDF bytes in plain Node (no browser), the same way for the
 * desktop app and browser mode. The output depends only on the document: the PDF's dates are
 * the issue date, so rendering the same invoice twice gives the same bytes.
 */
import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import { prepareDocumentFonts } from './fonts';
import { InvoicePdf } from './invoice-pdf';
import { ReminderPdf } from './reminder-pdf';
import type { ReminderDocument } from '../../shared/documents/reminder-document';
import { warmUpDocument } from './warm-up';

function toPdf(document: InvoiceDocument): Promise<Buffer> {
  const creationDate = new Date(`${document.issuedOn}T00:00:00Z`);
  // renderToBuffer's type wants a <Document> element; InvoicePdf returns exactly that.
  const element = createElement(InvoicePdf, { document, metadata: { creationDate } }) as unknown as Parameters<typeof renderToBuffer>[0];
  return renderToBuffer(element);
}

let warm: Promise<unknown> | null = null;

/**
 * Loads every font once before the first real document. react-pdf loads fonts lazily, and the
 * very first document of a process came out different (though correct) from later ones;
 * after this, the same document gives the same bytes in any process.
 */
export function warmUpRenderer(): Promise<unknown> {
  warm ??= prepareDocumentFonts().then(() => toPdf(warmUpDocument()));
  return warm;
}

export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  await warmUpRenderer();
  return toPdf(document);
}

/** A payment reminder, dated its day of issue like an invoice: the same reminder gives the same bytes. */
export async function renderReminderPdf(document: ReminderDocument): Promise<Buffer> {
  await warmUpRenderer();
  const creationDate = new Date(`${document.issuedOn}T00:00:00Z`);
  const element = createElement(ReminderPdf, { document, metadata: { creationDate } }) as unknown as Parameters<typeof renderToBuffer>[0];
  return renderToBuffer(element);
}
