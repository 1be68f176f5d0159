/**
 * A payment reminder as react-pdf components: the invoice's letterhead and address block, the
 * level's title and words in the invoice's language, the invoice(s) it concerns with what is
 * settled and still open, the amount to pay (what is open, earlier reminder fees still open and
 * this level's fee, each on its own line), how to pay, and the Swiss QR-bill for the amount to pay
 * under the invoice's own reference at the foot of the page. It only lays out and
 * formats: every amount is already in the ReminderDocument.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { DOCUMENT_LABELS, documentLocale, formatDocumentAmount, formatDocumentMoney, reminderTitle } from '../../shared/documents/document-labels';
import { qrBillPayload } from '../../shared/documents/qr-bill';
import type { ReminderDocument } from '../../shared/documents/reminder-document';
import { formatDate, formatLongDate } from '../../shared/format/dates';
import { sumAmounts } from '../../shared/money/money';
import { fontFamiliesFor, DEFAULT_FAMILIES } from './fonts';
import { AddressBlock, BankDetails, Footer, FOOTER_HEIGHT, INK, Letterhead, MARGIN_X, MetaRow, mm, MUTED, onPages, QR_BILL_HEIGHT, RULE, TotalRow, type PdfMetadata } from './invoice-pdf';
import { QrBillPart, qrCodeModules } from './qr-bill-part';

const columns = { number: mm(28), date: mm(25), days: mm(25), amount: mm(23) };

function cell(width: number, align: 'left' | 'right' = 'right') {
  return { width, textAlign: align } as const;
}

function Heading({ document, title }: { document: ReminderDocument; title: string }) {
  const labels = DOCUMENT_LABELS[document.language];
  const locale = documentLocale(document.language);
  const first = document.invoices[0]!;
  return (
    <View style={{ flexDirection: 'row', marginTop: mm(7), minHeight: mm(32) }}>
      <View style={{ width: mm(88), fontSize: 9 }}>
        <Text style={{ fontSize: 20, fontWeight: 700, color: INK, marginBottom: 6 }}>{title}</Text>
        <MetaRow label={labels.issuedOn} value={formatLongDate(document.issuedOn, locale)} />
        <MetaRow label={labels.reminder.invoice} value={document.invoices.map((invoice) => invoice.number).join(', ')} />
        <MetaRow label={labels.orderNumber} value={first.orderNumber} />
        {first.customerReference ? <MetaRow label={labels.customerReference} value={first.customerReference} families={fontFamiliesFor(first.customerReference)} /> : null}
      </View>
      <AddressBlock document={document} />
    </View>
  );
}

function Intro({ document }: { document: ReminderDocument }) {
  const words = DOCUMENT_LABELS[document.language].reminder;
  const locale = documentLocale(document.language);
  const text = document.final ? words.intro.final : document.level === 1 ? words.intro.first : words.intro.next;
  return (
    <View style={{ marginTop: mm(6), fontSize: 9.5, lineHeight: 1.45, color: INK }}>
      <Text>{text}</Text>
      {document.earlier.length > 0 ? (
        <Text style={{ marginTop: 4, color: MUTED, fontSize: 8.5 }}>{words.earlier(document.earlier.map((r) => formatLongDate(r.issuedOn, locale)).join(', '))}</Text>
      ) : null}
    </View>
  );
}

function Invoices({ document }: { document: ReminderDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const words = labels.reminder;
  const locale = documentLocale(document.language);
  const amount = (value: string) => formatDocumentAmount(value, document.currency, document.language);
  return (
    <View style={{ marginTop: mm(6) }}>
      <View style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 4, marginBottom: 2, fontSize: 7.5, fontWeight: 700, color: INK }}>
        <Text style={cell(columns.number, 'left')}>{words.invoice}</Text>
        <Text style={cell(columns.date, 'left')}>{words.invoiceDate}</Text>
        <Text style={cell(columns.date, 'left')}>{labels.dueOn}</Text>
        <Text style={cell(columns.days)}>{words.daysOverdue}</Text>
        <Text style={{ flex: 1, textAlign: 'right' }}>{`${words.invoiceTotal} ${document.currency}`}</Text>
        <Text style={cell(columns.amount)}>{words.settled}</Text>
        <Text style={cell(columns.amount)}>{words.open}</Text>
      </View>
      {document.invoices.map((invoice) => (
        <View key={invoice.number} wrap={false} style={{ flexDirection: 'row', paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: RULE, fontSize: 8.8 }}>
          <Text style={{ ...cell(columns.number, 'left'), fontWeight: 600 }}>{invoice.number}</Text>
          <Text style={cell(columns.date, 'left')}>{formatDate(invoice.issuedOn, locale)}</Text>
          <Text style={cell(columns.date, 'left')}>{formatDate(invoice.dueOn, locale)}</Text>
          <Text style={cell(columns.days)}>{String(invoice.daysOverdue)}</Text>
          <Text style={{ flex: 1, textAlign: 'right' }}>{amount(invoice.total)}</Text>
          <Text style={cell(columns.amount)}>{amount(invoice.settled)}</Text>
          <Text style={{ ...cell(columns.amount), fontWeight: 600 }}>{amount(invoice.open)}</Text>
        </View>
      ))}
    </View>
  );
}

/** One part of the amount to pay: a label that wraps in its own column, never under the amount. */
function PartRow({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2.5, paddingHorizontal: 6, fontSize: 9, color: INK }}>
      <Text style={{ flex: 1, paddingRight: mm(3) }}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

function Settlement({ document }: { document: ReminderDocument }) {
  const labels = DOCUMENT_LABELS[document.language];
  const words = labels.reminder;
  const money = (value: string) => formatDocumentMoney(value, document.currency, document.language);
  const first = document.invoices[0]!;
  const withFees = Boolean(document.fee || document.feesOpen);
  const invoicesOpen = sumAmounts(document.invoices.map((invoice) => invoice.open), document.currency);
  return (
    <View wrap={false} style={{ marginTop: mm(5), fontSize: 8.5, color: INK }}>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
        <View style={{ flex: 1, paddingRight: mm(8), paddingTop: 3 }}>
          {/* The invoice's own reference: a payment of this reminder is a payment of the invoice. */}
          <BankDetails document={{ language: document.language, currency: document.currency, bankAccount: document.bankAccount, qrBill: document.qrBill, number: first.number }} />
        </View>
        <View style={{ width: mm(78) }}>
          {/* With fees, the parts of the amount to pay: the invoice, earlier fees still open, this level's fee (all booked on the order). */}
          {withFees ? <PartRow label={words.openAmount} value={money(invoicesOpen)} /> : null}
          {document.feesOpen ? <PartRow label={words.feesOpen} value={money(document.feesOpen)} /> : null}
          {document.fee ? <PartRow label={words.fee(document.level)} value={money(document.fee)} /> : null}
          <TotalRow label={words.amountToPay} value={money(document.total)} strong shaded />
          {withFees ? <Text style={{ marginTop: 4, fontSize: 8.5, lineHeight: 1.4 }}>{words.feeIncluded}</Text> : null}
        </View>
      </View>
      <Text style={{ marginTop: mm(4), fontSize: 8.5, color: MUTED, lineHeight: 1.4 }}>{`${words.disregard}${document.qrBill ? ` ${labels.payByQrBill}` : ''}`}</Text>
    </View>
  );
}

export function ReminderPdf({ document, metadata }: { document: ReminderDocument; metadata: PdfMetadata }): ReactElement {
  const title = reminderTitle(document.language, document.level, document.final);
  const numbers = document.invoices.map((invoice) => invoice.number).join(', ');
  // The payment part asks for the amount to pay: what is open and the fee, what the order owes once the reminder is issued.
  const payload = qrBillPayload({ ...document, balanceDue: document.total });
  const qr = payload ? qrCodeModules(payload) : null;
  return (
    <Document
      title={`${title} · ${numbers}`}
      author={document.issuer.name}
      subject={`${title} · ${numbers}`}
      creator="Order Desk"
      producer="Order Desk"
      language={document.language}
      creationDate={metadata.creationDate}
      modificationDate={metadata.creationDate}
    >
      <Page size="A4" style={{ fontFamily: DEFAULT_FAMILIES, fontSize: 9, color: INK, paddingTop: mm(13), paddingBottom: FOOTER_HEIGHT + mm(6), paddingHorizontal: MARGIN_X }}>
        <Letterhead document={document} />
        <Heading document={document} title={title} />
        <Intro document={document} />
        <Invoices document={document} />
        <Settlement document={document} />
        {payload ? <View wrap={false} style={{ height: QR_BILL_HEIGHT - mm(10) }} /> : null}
        <Footer issuerName={document.issuer.name} title={`${title} · ${numbers}`} language={document.language} withQrBill={payload !== null} />
        {payload && qr ? (
          <View
            fixed
            style={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: QR_BILL_HEIGHT }}
            render={onPages(({ pageNumber, totalPages }) => (pageNumber === totalPages ? <QrBillPart data={payload} qr={qr} language={document.language} /> : null))}
          />
        ) : null}
      </Page>
    </Document>
  );
}
