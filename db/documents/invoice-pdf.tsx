/**
 * The invoice and credit note as react-pdf components: A4, the unit's letterhead, the customer
 * block where a window envelope shows it, the lines with their header repeated on every page,
 * totals set apart, how to pay, "Page 2 of 3", and the Swiss QR-bill at the foot of the last page.
 * It only lays out and formats: every amount is already in the InvoiceDocument.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactElement, ReactNode } from 'react';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';
import {
  DOCUMENT_LABELS,
  documentLocale,
  formatDocumentAmount,
  formatDocumentMoney,
  formatDocumentPercent,
} from '../../shared/documents/document-labels';
import { qrBillPayload } from '../../shared/documents/qr-bill';
import { formatLongDate } from '../../shared/format/dates';
import { formatIban } from '../../shared/domain/bank-accounts';
import { countryName } from '../../shared/domain/countries';
import { compareAmounts } from '../../shared/money/money';
import { DEFAULT_FAMILIES, fontFamiliesFor } from './fonts';
import { QrBillPart, qrCodeModules } from './qr-bill-part';

const MM = 72 / 25.4;
export const mm = (value: number) => value * MM;

export const INK = '#1d2733';
export const MUTED = '#5b6675';
export const RULE = '#c9d1db';
export const BRAND = '#0b3d91';
export const TINT = '#eef2f8';

export const MARGIN_X = mm(20);
export const FOOTER_HEIGHT = mm(16);
export const QR_BILL_HEIGHT = mm(105);

/** react-pdf passes totalPages to a View's render prop too, though its types only list it for Text. */
type PageInfo = { pageNumber: number; totalPages?: number };
export const onPages = (render: (page: PageInfo) => ReactNode) => render as (page: { pageNumber: number; subPageNumber: number }) => ReactNode;

const columns = { position: mm(8), quantity: mm(13), unitPrice: mm(24), discount: mm(18), amount: mm(26) };

/** The unit's letterhead; reminders (reminder-pdf.tsx) carry the same. */
export function Letterhead({ document }: { document: Pick<InvoiceDocument, 'issuer' | 'language'> }) {
  const issuer = document.issuer;
  const labels = DOCUMENT_LABELS[document.language];
  const [organisation, unit] = splitIssuerName(issuer.name);
  const street = [issuer.address.street, issuer.address.buildingNumber].filter(Boolean).join(' ');
  const town = [issuer.address.postalCode, issuer.address.town].filter(Boolean).join(' ');
  const contact = [
    issuer.phone && `${labels.phone} ${issuer.phone}`,
    issuer.fax && `${labels.fax} ${issuer.fax}`,
  ].filter(Boolean);
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 1.5, borderBottomColor: BRAND, paddingBottom: 8 }}>
      <View style={{ width: mm(100) }}>
        <Text style={{ fontSize: 13.5, fontWeight: 700, color: BRAND }}>{organisation}</Text>
        {unit ? <Text style={{ fontSize: 10, color: INK, marginTop: 2 }}>{unit}</Text> : null}
      </View>
      <View style={{ alignItems: 'flex-end', fontSize: 7.8, color: MUTED, lineHeight: 1.35 }}>
        <Text>{[street, issuer.postBox].filter(Boolean).join(', ')}</Text>
        <Text>{`${town}, ${countryName(issuer.address.country, documentLocale(document.language))}`}</Text>
        <Text>{contact.join('  ·  ')}</Text>
        {issuer.email ? <Text>{issuer.email}</Text> : null}
      </View>
    </View>
  );
}

/** "Publications Unit, International Organization for Migration" → the organisation first, then the unit. */
function splitIssuerName(name: string): [string, string] {
  const comma = name.indexOf(', ');
  return comma < 0 ? [name, ''] : [name.slice(comma + 2), name.slice(0, comma)];
}

export function MetaRow({ label, value, families }: { label: string; value: string; families?: string[] }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 1.5 }}>
      <Text style={{ width: mm(32), color: MUTED }}>{label}</Text>
      <Text style={{ flex: 1, fontWeight: 600, fontFamily: families ?? DEFAULT_FAMILIES }}>{value}</Text>
    </View>
  );
}

function Heading({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const lang = document.language;
  return (
    <View style={{ flexDirection: 'row', marginTop: mm(7), minHeight: mm(32) }}>
      <View style={{ width: mm(88), fontSize: 9 }}>
        <Text style={{ fontSize: 20, fontWeight: 700, color: INK, marginBottom: 6 }}>{labels.title[document.kind]}</Text>
        <MetaRow label={labels.number} value={document.number ?? labels.draft} />
        <MetaRow label={labels.issuedOn} value={formatLongDate(document.issuedOn, documentLocale(lang))} />
        {document.dueOn ? <MetaRow label={labels.dueOn} value={formatLongDate(document.dueOn, documentLocale(lang))} /> : null}
        <MetaRow label={labels.orderNumber} value={document.orderNumber} />
        {document.customerReference ? <MetaRow label={labels.customerReference} value={document.customerReference} families={fontFamiliesFor(document.customerReference)} /> : null}
        {document.creditNote ? <MetaRow label={labels.referencedInvoice} value={document.creditNote.invoiceNumber} /> : null}
      </View>
      <AddressBlock document={document} />
    </View>
  );
}

/** Where a C5/DL envelope with a right-hand window shows the address (Swiss letter standard). */
export function AddressBlock({ document }: { document: Pick<InvoiceDocument, 'customer' | 'language'> }) {
  const labels = DOCUMENT_LABELS[document.language];
  const lang = document.language;
  const customer = document.customer;
  const families = fontFamiliesFor([customer.name, ...customer.addressLines, customer.city].join(' '), customer.country);
  const rtl = /[\u0590-\u08ff]/.test(customer.name);
  return (
    <View style={{ marginLeft: mm(12), width: mm(80), paddingTop: mm(4) }}>
      <Text style={{ fontSize: 7, color: MUTED, letterSpacing: 0.6, marginBottom: 4, textAlign: rtl ? 'right' : 'left' }}>{labels.billTo.toUpperCase()}</Text>
      <View style={{ fontFamily: families, fontSize: 10.5, color: INK }}>
        <Text style={{ fontWeight: 700, textAlign: rtl ? 'right' : 'left' }}>{customer.name}</Text>
        {customer.addressLines.map((line, index) => (
          <Text key={index} style={{ textAlign: rtl ? 'right' : 'left' }}>
            {line}
          </Text>
        ))}
        <Text style={{ textAlign: rtl ? 'right' : 'left' }}>{[customer.postalCode, customer.city].filter(Boolean).join(' ')}</Text>
        <Text style={{ fontFamily: DEFAULT_FAMILIES, fontWeight: 600, letterSpacing: 0.4, textAlign: rtl ? 'right' : 'left' }}>{countryName(customer.country, documentLocale(lang)).toUpperCase()}</Text>
      </View>
    </View>
  );
}

function cell(width: number, align: 'left' | 'right' = 'right') {
  return { width, textAlign: align } as const;
}

function TableHeader({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  return (
    <View fixed style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 4, marginBottom: 2, fontSize: 7.5, fontWeight: 700, color: INK }}>
      <Text style={cell(columns.position, 'left')}>{labels.position}</Text>
      <Text style={{ flex: 1 }}>{labels.description}</Text>
      <Text style={cell(columns.quantity)}>{labels.quantity}</Text>
      <Text style={cell(columns.unitPrice)}>{labels.unitPrice}</Text>
      <Text style={cell(columns.discount)}>{labels.discount}</Text>
      <Text style={cell(columns.amount)}>{`${labels.amount} ${document.currency}`}</Text>
    </View>
  );
}

function Lines({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const { currency, language } = document;
  return (
    <View style={{ marginTop: mm(4) }}>
      <TableHeader document={document} />
      {document.lines.map((line) => (
        <View key={line.position} wrap={false} style={{ flexDirection: 'row', paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: RULE, fontSize: 8.8 }}>
          <Text style={{ ...cell(columns.position, 'left'), color: MUTED }}>{line.position}</Text>
          <View style={{ flex: 1, paddingRight: 8 }}>
            <Text style={{ fontFamily: fontFamiliesFor(line.title) }}>{line.title}</Text>
            {line.isbn ? <Text style={{ fontSize: 7.2, color: MUTED, marginTop: 1.5 }}>{`${labels.isbn} ${line.isbn}`}</Text> : null}
          </View>
          <Text style={cell(columns.quantity)}>{String(line.quantity)}</Text>
          <Text style={cell(columns.unitPrice)}>{formatDocumentAmount(line.unitPrice, currency, language)}</Text>
          <Text style={{ ...cell(columns.discount), color: line.discountPercent ? INK : MUTED }}>{line.discountPercent ? formatDocumentPercent(line.discountPercent, language) : '–'}</Text>
          <Text style={{ ...cell(columns.amount), fontWeight: 600 }}>{formatDocumentAmount(line.lineTotal, currency, language)}</Text>
        </View>
      ))}
    </View>
  );
}

export function TotalRow({ label, value, strong, shaded }: { label: string; value: string; strong?: boolean; shaded?: boolean }) {
  return (
    <View
      style={{
        flexDirection: 'row',
        justifyContent: 'space-between',
        paddingVertical: strong ? 4 : 2.5,
        paddingHorizontal: 6,
        backgroundColor: shaded ? TINT : undefined,
        borderTopWidth: strong && !shaded ? 1 : 0,
        borderTopColor: INK,
        fontSize: strong ? 10 : 9,
        fontWeight: strong ? 700 : 400,
        color: shaded ? BRAND : INK,
      }}
    >
      <Text>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

function Totals({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const money = (value: string) => formatDocumentMoney(value, document.currency, document.language);
  const invoice = document.kind === 'invoice';
  return (
    <View style={{ width: mm(78) }}>
      <TotalRow label={labels.subtotal} value={money(document.subtotal)} />
      {document.shipping ? <TotalRow label={labels.shipping} value={money(document.shipping)} /> : null}
      <TotalRow label={labels.total[document.kind]} value={money(document.total)} strong />
      {invoice && compareAmounts(document.amountPaid, '0') !== 0 ? <TotalRow label={labels.amountPaid} value={money(document.amountPaid)} /> : null}
      {invoice ? <TotalRow label={labels.balanceDue} value={money(document.balanceDue)} strong shaded /> : null}
    </View>
  );
}

export function BankDetails({ document }: { document: Pick<InvoiceDocument, 'language' | 'currency' | 'bankAccount' | 'qrBill' | 'number'> }) {
  const labels = DOCUMENT_LABELS[document.language];
  const account = document.bankAccount;
  const row = (label: string, value: string, mono = false) => (
    <View style={{ flexDirection: 'row', marginBottom: 2 }}>
      <Text style={{ width: mm(24), color: MUTED }}>{label}</Text>
      <Text style={{ flex: 1, fontWeight: mono ? 600 : 400, letterSpacing: mono ? 0.3 : 0 }}>{value}</Text>
    </View>
  );
  const reference = document.qrBill?.reference && document.qrBill.referenceType === 'SCOR' ? `${document.number ?? labels.draft} · ${document.qrBill.reference}` : (document.number ?? labels.draft);
  return (
    <View style={{ borderLeftWidth: 2, borderLeftColor: BRAND, paddingLeft: 8 }}>
      <Text style={{ fontSize: 9.5, fontWeight: 700, marginBottom: 4 }}>
        {labels.howToPay}
        {account ? <Text style={{ fontSize: 8.5, fontWeight: 400, color: MUTED }}>{`  ·  ${labels.bankTransfer} (${document.currency})`}</Text> : null}
      </Text>
      {account ? (
        <View>
          {row(labels.accountHolder, account.holder)}
          {row(labels.bank, account.bankName)}
          {row(labels.iban, formatIban(account.iban), true)}
          {row(labels.bic, account.bic, true)}
          {row(labels.paymentReference, reference)}
        </View>
      ) : (
        <Text>{labels.noAccount}</Text>
      )}
    </View>
  );
}

function CreditNoteReason({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  return (
    <View>
      {document.creditNote?.reason ? (
        <Text style={{ marginBottom: 3 }}>
          <Text style={{ fontWeight: 700 }}>{`${labels.reason}: `}</Text>
          <Text style={{ fontFamily: fontFamiliesFor(document.creditNote.reason) }}>{document.creditNote.reason}</Text>
        </Text>
      ) : null}
      <Text style={{ color: MUTED }}>{labels.creditNoteNote}</Text>
    </View>
  );
}

/**
 * How to pay beside the totals, then the terms in one paragraph: side by side they leave room
 * on the first page for the QR-bill, so a short invoice is one sheet of paper.
 */
function Settlement({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const invoice = document.kind === 'invoice';
  const methods = document.acceptedPaymentMethods.map((m) => labels.methods[m]);
  return (
    <View wrap={false} style={{ marginTop: mm(4), fontSize: 8.5, color: INK }}>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
        <View style={{ flex: 1, paddingRight: mm(8), paddingTop: 3 }}>{invoice ? <BankDetails document={document} /> : <CreditNoteReason document={document} />}</View>
        <Totals document={document} />
      </View>
      {invoice ? (
        <Text style={{ marginTop: mm(3), fontSize: 8, color: MUTED, lineHeight: 1.4 }}>
          <Text style={{ fontWeight: 600, color: INK }}>{`${labels.acceptedMethods}: `}</Text>
          {`${methods.join(', ')}. ${labels.bankFees}${document.qrBill ? ` ${labels.payByQrBill}` : ''}`}
        </Text>
      ) : null}
    </View>
  );
}

/** "Unit · Invoice INV-… — Page 1 of 2" at the foot of every page; above the payment part on the last one. */
export function Footer({ issuerName, title, language, withQrBill }: { issuerName: string; title: string; language: InvoiceDocument['language']; withQrBill: boolean }) {
  const labels = DOCUMENT_LABELS[language];
  return (
    <View
      fixed
      style={{ position: 'absolute', left: MARGIN_X, right: MARGIN_X, bottom: mm(8), flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: MUTED }}
      render={onPages(({ pageNumber, totalPages }) => (
        <View
          style={{
            flexDirection: 'row',
            justifyContent: 'space-between',
            width: '100%',
            borderTopWidth: 0.5,
            borderTopColor: RULE,
            paddingTop: 4,
            // On the last page the footer sits above the payment part.
            marginBottom: withQrBill && pageNumber === totalPages ? QR_BILL_HEIGHT - mm(4) : 0,
          }}
        >
          <Text>{`${issuerName} · ${title}`}</Text>
          <Text>{labels.page(pageNumber, totalPages ?? pageNumber)}</Text>
        </View>
      ))}
    />
  );
}

function ContinuationHeader({ document }: { document: InvoiceDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  return (
    <Text
      fixed
      style={{ position: 'absolute', top: mm(9), left: MARGIN_X, right: MARGIN_X, fontSize: 7.5, color: MUTED }}
      render={({ pageNumber }) => (pageNumber > 1 ? `${labels.title[document.kind]} ${document.number ?? labels.draft} (${labels.continued}) · ${document.customer.name}` : '')}
    />
  );
}

function DraftWatermark({ label }: { label: string }) {
  return (
    <View fixed style={{ position: 'absolute', top: mm(120), left: 0, right: 0, alignItems: 'center' }}>
      <Text style={{ fontSize: 110, fontWeight: 700, color: '#c0392b', opacity: 0.12, transform: 'rotate(-35deg)', letterSpacing: 8 }}>{label}</Text>
    </View>
  );
}

export interface PdfMetadata {
  /** Fixed so the same document always gives the same bytes. */
  creationDate: Date;
}

export function InvoicePdf({ document, metadata }: { document: InvoiceDocument; metadata: PdfMetadata }): ReactElement {
  const labels = DOCUMENT_LABELS[document.language];
  const payload = qrBillPayload(document);
  const qr = payload ? qrCodeModules(payload) : null;
  const title = `${labels.title[document.kind]} ${document.number ?? labels.draft}`;
  return (
    <Document
      title={title}
      author={document.issuer.name}
      subject={`${title} · ${document.orderNumber}`}
      creator="Order Desk"
      producer="Order Desk"
      language={document.language}
      creationDate={metadata.creationDate}
      modificationDate={metadata.creationDate}
    >
      <Page
        size="A4"
        style={{ fontFamily: DEFAULT_FAMILIES, fontSize: 9, color: INK, paddingTop: mm(13), paddingBottom: FOOTER_HEIGHT + mm(6), paddingHorizontal: MARGIN_X }}
      >
        {document.number === null ? <DraftWatermark label={labels.draft} /> : null}
        <ContinuationHeader document={document} />
        <Letterhead document={document} />
        <Heading document={document} />
        <Lines document={document} />
        <Settlement document={document} />
        {/* Keeps the foot of the last page free for the payment part and the footer above it (the page's
            bottom padding already holds 22 mm of it): when that does not fit, it starts a page of its own. */}
        {payload ? <View wrap={false} style={{ height: QR_BILL_HEIGHT - mm(10) }} /> : null}
        <Footer issuerName={document.issuer.name} title={title} language={document.language} withQrBill={payload !== null} />
        {payload && qr ? (
          <View fixed style={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: QR_BILL_HEIGHT }} render={onPages(({ pageNumber, totalPages }) => (pageNumber === totalPages ? <QrBillPart data={payload} qr={qr} language={document.language} /> : null))} />
        ) : null}
      </Page>
    </Document>
  );
}
