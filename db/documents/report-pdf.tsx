/**
 * The monthly report as a printable A4 PDF for the unit's finance colleagues: the figures at a
 * glance per currency and the four charts on the first page, then every section of the report
 * as tables, "Page 2 of 5" in the footer. Set in the invoice fonts, so customer names in any
 * script print. It only lays out and formats: every figure is already in the MonthlyReport.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactElement, ReactNode } from 'react';
import type { MonthlyReport } from '../../shared/contract/reports';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../../shared/contract/receivables';
import { formatDocumentAmount } from '../../shared/documents/document-labels';
import { PAYMENT_METHOD_LABELS, RECEIVED_VIA_LABELS } from '../../shared/domain/vocabulary';
import type { CurrencyCode } from '../../shared/money/currencies';
import { formatDay, methodLabel, periodLabel, ranked, reportStatus, reportTitle } from '../files/report-tables';
import { DEFAULT_FAMILIES, fontFamiliesFor } from './fonts';
import { AmountsPerCurrencyChart, BRAND, ChartBox, CURRENCY_COLOURS, INK, MoneyByMethodChart, MUTED, OrdersPerDayChart, RULE, TINT, TopTitlesChart } from './report-charts';

const MM = 72 / 25.4;
const mm = (value: number) => value * MM;
const PAGE_WIDTH = mm(210);
const MARGIN_X = mm(16);
const CONTENT = PAGE_WIDTH - 2 * MARGIN_X;
const GAP = 8;
const HALF = (CONTENT - GAP) / 2;

const money = (value: string, currency: CurrencyCode) => formatDocumentAmount(value, currency, 'en');
/** Right-aligned when the text's first letter is Arabic or Hebrew (a mixed title that starts in Latin stays left). */
const isRtl = (text: string) => /^[^\p{L}]*[\u0590-\u08ff]/u.test(text);
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const tableDay = (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`));

interface PdfColumn {
  header: string;
  /** A share of the table's width. */
  flex: number;
  align?: 'left' | 'right';
}

interface PdfCell {
  text: string;
  /** For names and titles: the family list that has their script first. */
  families?: string[];
  colour?: string;
  bold?: boolean;
}

type CellInput = string | PdfCell;

function DataTable({ columns, rows, empty = 'None in this period.', width = CONTENT }: { columns: PdfColumn[]; rows: CellInput[][]; empty?: string; width?: number }) {
  return (
    <View style={{ width, marginBottom: 8 }}>
      <View minPresenceAhead={16} style={{ flexDirection: 'row', borderBottomWidth: 0.9, borderBottomColor: INK, paddingBottom: 2.5, fontSize: 7, fontWeight: 700, color: INK }}>
        {columns.map((c, i) => (
          <Text key={i} style={{ flex: c.flex, textAlign: c.align ?? 'left', paddingHorizontal: 2 }}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.length === 0 ? <Text style={{ fontSize: 7.5, color: MUTED, paddingVertical: 3, paddingHorizontal: 2 }}>{empty}</Text> : null}
      {rows.map((row, r) => (
        <View key={r} wrap={false} style={{ flexDirection: 'row', paddingVertical: 2.2, borderBottomWidth: 0.4, borderBottomColor: RULE, backgroundColor: r % 2 === 1 ? '#f7f9fc' : undefined, fontSize: 7.6 }}>
          {row.map((input, i) => {
            const cell = typeof input === 'string' ? { text: input } : input;
            const column = columns[i]!;
            return (
              <Text
                key={i}
                style={{
                  flex: column.flex,
                  paddingHorizontal: 2,
                  textAlign: column.align ?? (isRtl(cell.text) ? 'right' : 'left'),
                  fontFamily: cell.families ?? DEFAULT_FAMILIES,
                  color: cell.colour ?? INK,
                  fontWeight: cell.bold ? 600 : 400,
                }}
              >
                {cell.text}
              </Text>
            );
          })}
        </View>
      ))}
    </View>
  );
}

const num = (header: string, flex = 1): PdfColumn => ({ header, flex, align: 'right' });
const txt = (header: string, flex = 1): PdfColumn => ({ header, flex });
const cur = (currency: CurrencyCode): PdfCell => ({ text: currency, colour: CURRENCY_COLOURS[currency], bold: true });
const name = (text: string, country = ''): PdfCell => ({ text, families: fontFamiliesFor(text, country) });

function Section({ title, note, children, breakBefore }: { title: string; note?: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <View break={breakBefore} style={{ marginTop: breakBefore ? 0 : 6 }}>
      <View minPresenceAhead={60} style={{ borderBottomWidth: 1.2, borderBottomColor: BRAND, paddingBottom: 2, marginBottom: 5 }}>
        <Text style={{ fontSize: 11, fontWeight: 700, color: BRAND }}>{title}</Text>
      </View>
      {note ? <Text style={{ fontSize: 7.2, color: MUTED, marginTop: -2, marginBottom: 4 }}>{note}</Text> : null}
      {children}
    </View>
  );
}

function SubHeading({ children }: { children: string }) {
  return (
    <Text minPresenceAhead={30} style={{ fontSize: 8.2, fontWeight: 700, color: INK, marginBottom: 3, marginTop: 2 }}>
      {children}
    </Text>
  );
}

function Letterhead({ report, unitName }: { report: MonthlyReport; unitName: string }) {
  const { period } = report;
  return (
    <View style={{ borderBottomWidth: 1.5, borderBottomColor: BRAND, paddingBottom: 7, marginBottom: 8, flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-end' }}>
      <View>
        {unitName ? <Text style={{ fontSize: 9, color: BRAND, fontWeight: 700, marginBottom: 3 }}>{unitName}</Text> : null}
        <Text style={{ fontSize: 19, fontWeight: 700, color: INK }}>Order report</Text>
        <Text style={{ fontSize: 12, color: INK, marginTop: 1 }}>{periodLabel(period)}</Text>
      </View>
      <View style={{ alignItems: 'flex-end', fontSize: 7.5, color: MUTED, maxWidth: mm(100) }}>
        <Text>{`${formatDay(period.from)} – ${formatDay(period.to)}`}</Text>
        {/* "Generated …; the month is open, …" as two lines, so neither wraps mid-phrase. */}
        {reportStatus(report)
          .split('; ')
          .map((part, i, parts) => (
            <Text key={i} style={{ textAlign: 'right', marginTop: i === 0 ? 1.5 : 0 }}>
              {i < parts.length - 1 ? `${part};` : part}
            </Text>
          ))}
        <Text style={{ marginTop: 1.5 }}>{`Currencies: ${report.currencies.join(', ') || 'none'} (never added together)`}</Text>
      </View>
    </View>
  );
}

/** One line per currency: the figures a reader looks for first. */
function AtAGlance({ report }: { report: MonthlyReport }) {
  const rows = report.currencies.map((currency) => {
    const o = report.orders.byCurrency.find((r) => r.currency === currency);
    const a = report.amounts.find((r) => r.currency === currency);
    const m = report.money.totals.find((r) => r.currency === currency);
    const out = report.outstanding.rows.find((r) => r.currency === currency);
    const z = '0';
    return [
      cur(currency),
      String(o?.count ?? 0),
      money(a?.ordered ?? z, currency),
      money(a?.invoiced ?? z, currency),
      money(a?.credited ?? z, currency),
      money(m?.received ?? z, currency),
      money(m?.refunded ?? z, currency),
      money(out?.total ?? z, currency),
    ];
  });
  return (
    <View style={{ backgroundColor: TINT, borderRadius: 3, padding: 6, marginBottom: 8 }}>
      <Text style={{ fontSize: 9, fontWeight: 700, color: INK, marginBottom: 4 }}>
        At a glance
        <Text style={{ fontSize: 7.2, fontWeight: 400, color: MUTED }}>{`   per currency; outstanding as at ${formatDay(report.outstanding.asOf)}`}</Text>
      </Text>
      <DataTable
        width={CONTENT - 12}
        columns={[txt('Currency', 0.8), num('Orders', 0.7), num('Ordered', 1.25), num('Invoiced', 1.25), num('Credited', 1.1), num('Received', 1.25), num('Refunded', 1.1), num('Outstanding', 1.25)]}
        rows={rows}
        empty="No orders, documents or payments in this period."
      />
      {report.converted ? (
        <Text style={{ fontSize: 7.2, color: MUTED, marginTop: -3 }}>
          {`Converted to ${report.converted.reportingCurrency} at the month's rates (a convenience figure, not the books): ordered ${money(report.converted.ordered, report.converted.reportingCurrency)}, received ${money(report.converted.received, report.converted.reportingCurrency)}, outstanding ${money(report.converted.outstanding, report.converted.reportingCurrency)}.`}
          {report.converted.missingRates.length > 0 ? ` Without a rate, left out: ${report.converted.missingRates.join(', ')}.` : ''}
        </Text>
      ) : null}
    </View>
  );
}

function Charts({ report }: { report: MonthlyReport }) {
  const inner = (w: number) => w - 16;
  return (
    <View>
      <ChartBox title="Orders per day" note="Orders received each day of the period, cancelled ones included." width={CONTENT}>
        <OrdersPerDayChart report={report} width={inner(CONTENT)} />
      </ChartBox>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
        <ChartBox title="Amounts per currency" note="Each currency on its own scale." width={HALF}>
          <AmountsPerCurrencyChart report={report} width={inner(HALF)} />
        </ChartBox>
        <ChartBox title="Money received by method" note="Payments received, per currency, on its own scale." width={HALF}>
          <MoneyByMethodChart report={report} width={inner(HALF)} />
        </ChartBox>
      </View>
      <ChartBox title="Top titles" note="Copies ordered, all currencies together (copies, not money)." width={CONTENT}>
        <TopTitlesChart report={report} width={inner(CONTENT)} />
      </ChartBox>
    </View>
  );
}

function OrdersSection({ report }: { report: MonthlyReport }) {
  const o = report.orders;
  const third = (CONTENT - 2 * GAP) / 3;
  const cancelled = listed(report, o.cancelled);
  return (
    <Section title="Orders received" note={`${o.count} orders received in the period, cancelled ones included; amounts leave cancelled orders out.`} breakBefore>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
        <View style={{ width: third }}>
          <SubHeading>By channel</SubHeading>
          <DataTable width={third} columns={[txt('Channel', 2), num('Orders')]} rows={o.byChannel.map((r) => [RECEIVED_VIA_LABELS[r.key], String(r.count)])} />
        </View>
        <View style={{ width: third }}>
          <SubHeading>By intended payment method</SubHeading>
          <DataTable width={third} columns={[txt('Method', 2), num('Orders')]} rows={o.byPaymentMethod.map((r) => [methodLabel(r.key), String(r.count)])} />
        </View>
        <View style={{ width: third }}>
          <SubHeading>By currency</SubHeading>
          <DataTable width={third} columns={[txt('Currency', 0.9), num('Orders', 0.8), num('Amount', 1.5)]} rows={o.byCurrency.map((r) => [cur(r.currency), String(r.count), money(r.amount, r.currency)])} />
        </View>
      </View>
      <SubHeading>{`Cancelled orders (${o.cancelled.length})`}</SubHeading>
      <DataTable
        columns={[txt('Order', 1.3), txt('Customer', 2), txt('Received', 1.1), txt('Cancelled', 1.1), txt('Cur.', 0.5), num('Amount', 1), txt('Reason', 2.2)]}
        rows={cancelled.map((c) => [c.orderNumber, name(c.customerName), tableDay(c.receivedOn), tableDay(c.cancelledOn), cur(c.currency), money(c.amount, c.currency), name(c.reason)])}
        empty="No order was cancelled in this period."
      />
      <LeftOut shown={cancelled.length} all={o.cancelled.length} what="cancelled orders (earliest first)" />
    </Section>
  );
}

/**
 * A report longer than a month (a year) lists at most this many cancelled orders and titles:
 * react-pdf's page breaking grows faster than the rows (800 of each took ~40 s, a year's 6,000
 * many minutes). The CSV and the workbook list every row, and the PDF says so under the table.
 */
const LONG_PERIOD_ROWS = 100;

function listed<T>(report: MonthlyReport, rows: T[]): T[] {
  return report.period.month === null && rows.length > LONG_PERIOD_ROWS ? rows.slice(0, LONG_PERIOD_ROWS) : rows;
}

function LeftOut({ shown, all, what }: { shown: number; all: number; what: string }) {
  if (shown === all) return null;
  return <Text style={{ fontSize: 7.5, fontWeight: 700, color: INK, marginTop: -4, marginBottom: 8 }}>{`Only the first ${shown.toLocaleString('en')} of ${all.toLocaleString('en')} ${what} are listed here; the CSV and Excel files of this report list all of them.`}</Text>;
}

function TitlesSection({ report }: { report: MonthlyReport }) {
  const titles = listed(report, report.titles);
  return (
    <Section title="Titles" note="Copies and amounts per title, per currency, most copies first.">
      <DataTable
        columns={[txt('Title', 4), txt('ISBN', 1.6), txt('Cur.', 0.5), num('Copies', 0.7), num('Amount', 1.2)]}
        rows={titles.map((t) => [name(t.title), t.isbn, cur(t.currency), String(t.copies), money(t.amount, t.currency)])}
        empty="No titles ordered in this period."
      />
      <LeftOut shown={titles.length} all={report.titles.length} what="titles (most copies first)" />
    </Section>
  );
}

function AmountsSection({ report }: { report: MonthlyReport }) {
  return (
    <Section title="Ordered, invoiced and credited" note="Orders received (not cancelled), invoices and credit notes issued in the period.">
      <DataTable
        columns={[txt('Currency', 0.8), num('Ordered', 1.3), num('Invoiced', 1.3), num('Invoices', 0.8), num('Credited', 1.2), num('Credit notes', 0.9)]}
        rows={report.amounts.map((a) => [cur(a.currency), money(a.ordered, a.currency), money(a.invoiced, a.currency), String(a.invoices), money(a.credited, a.currency), String(a.creditNotes)])}
      />
    </Section>
  );
}

function MoneySection({ report }: { report: MonthlyReport }) {
  const m = report.money;
  const methodRows = [
    ...m.byMethod.map((r) => ['Payment received', PAYMENT_METHOD_LABELS[r.method], cur(r.currency), String(r.count), String(r.reversals), money(r.amount, r.currency)]),
    ...m.refunds.map((r) => ['Refund paid', PAYMENT_METHOD_LABELS[r.method], cur(r.currency), String(r.count), String(r.reversals), money(r.amount, r.currency)]),
  ];
  return (
    <Section title="Money received, refunds, fees and write-offs" note="Net received is money received less refunds paid; reversals are netted against what they undo.">
      <DataTable
        columns={[txt('Currency', 0.8), num('Received', 1.3), num('Refunded', 1.2), num('Net received', 1.3), num('Bank fees', 1.1), num('Written off', 1.1)]}
        rows={m.totals.map((t) => [cur(t.currency), money(t.received, t.currency), money(t.refunded, t.currency), money(t.net, t.currency), money(t.bankFees, t.currency), money(t.writtenOff, t.currency)])}
      />
      <SubHeading>By method</SubHeading>
      <DataTable columns={[txt('Movement', 1.4), txt('Method', 1.4), txt('Currency', 0.8), num('Count', 0.7), num('Reversals', 0.8), num('Amount', 1.2)]} rows={methodRows} />
      <SubHeading>Write-offs</SubHeading>
      <DataTable
        columns={[txt('Currency', 0.8), num('Count', 0.6), num('Reversals', 0.8), num('Amount', 1), txt('Reasons', 4)]}
        rows={m.writeOffs.map((w) => [cur(w.currency), String(w.count), String(w.reversals), money(w.amount, w.currency), name(w.reasons.join('; '))])}
        empty="Nothing written off in this period."
      />
    </Section>
  );
}

function OutstandingSection({ report }: { report: MonthlyReport }) {
  const o = report.outstanding;
  return (
    <Section title={`Outstanding at ${formatDay(o.asOf)}`} note="What customers owed at the end of the period, by the age of the invoice (or of the order while it has none).">
      <DataTable
        columns={[txt('Currency', 0.8), ...AGING_BUCKETS.map((b) => num(AGING_BUCKET_LABELS[b], 1.1)), num('Total', 1.2), num('Orders', 0.6)]}
        rows={o.rows.map((r) => [cur(r.currency), ...AGING_BUCKETS.map((b) => money(r.buckets[b], r.currency)), { text: money(r.total, r.currency), bold: true }, String(r.orders)])}
        empty="Nothing outstanding at the end of the period."
      />
    </Section>
  );
}

function TopSection({ report }: { report: MonthlyReport }) {
  return (
    <Section title="Top customers and countries" note="By amount ordered (orders received, not cancelled), per currency.">
      <SubHeading>Top customers</SubHeading>
      <DataTable
        columns={[txt('Cur.', 0.5), num('#', 0.3), txt('Customer', 3), txt('Country', 1.5), num('Orders', 0.7), num('Amount', 1.2)]}
        rows={ranked(report.topCustomers).map(({ row, rank }) => [cur(row.currency), String(rank), name(row.customerName, row.country), row.countryName, String(row.orders), money(row.amount, row.currency)])}
      />
      <SubHeading>Top countries</SubHeading>
      <DataTable
        columns={[txt('Cur.', 0.5), num('#', 0.3), txt('Country', 3), txt('Code', 0.6), num('Orders', 0.7), num('Amount', 1.2)]}
        rows={ranked(report.topCountries).map(({ row, rank }) => [cur(row.currency), String(rank), row.countryName, row.country, String(row.orders), money(row.amount, row.currency)])}
      />
    </Section>
  );
}

const CONVERTED_FIGURES = [
  ['ordered', 'Ordered'],
  ['invoiced', 'Invoiced'],
  ['credited', 'Credited'],
  ['received', 'Received'],
  ['refunded', 'Refunded'],
  ['bankFees', 'Bank fees'],
  ['writtenOff', 'Written off'],
  ['outstanding', 'Outstanding'],
] as const;

function RatesSection({ report }: { report: MonthlyReport }) {
  const { rates, converted } = report;
  if (!rates && !converted) return null;
  return (
    <Section title="Exchange rates and converted totals" note="Converted totals are a convenience figure at the rates staff entered for the month; the books are kept per currency.">
      {rates ? (
        <View>
          <SubHeading>{`Rates to ${rates.reportingCurrency}, set by ${rates.setBy}`}</SubHeading>
          <DataTable width={CONTENT / 2} columns={[txt('Currency'), num(`1 unit in ${rates.reportingCurrency}`, 1.4)]} rows={Object.entries(rates.rates).map(([c, r]) => [cur(c as CurrencyCode), r ?? ''])} />
        </View>
      ) : null}
      {converted ? (
        <View>
          <SubHeading>{`Totals in ${converted.reportingCurrency}`}</SubHeading>
          <DataTable
            width={CONTENT / 2}
            columns={[txt('Figure'), num(`Amount ${converted.reportingCurrency}`, 1.4)]}
            rows={CONVERTED_FIGURES.map(([k, label]) => [label, money(converted[k], converted.reportingCurrency)])}
          />
          {converted.missingRates.length > 0 ? <Text style={{ fontSize: 7.2, color: MUTED }}>{`Left out for want of a rate: ${converted.missingRates.join(', ')}.`}</Text> : null}
        </View>
      ) : null}
    </Section>
  );
}

/** The chart's figures as a table too: four days to a row, in date order, so a year splits cleanly over pages. */
function PerDaySection({ report }: { report: MonthlyReport }) {
  const days = report.orders.perDay;
  const across = 4;
  const rows: string[][] = [];
  for (let i = 0; i < days.length; i += across) {
    const slice = days.slice(i, i + across);
    rows.push(Array.from({ length: across }, (_, k) => slice[k]).flatMap((d) => (d ? [tableDay(d.date), String(d.count)] : ['', ''])));
  }
  const pair = [txt('Date', 1.4), num('Orders', 0.8)];
  return (
    <Section title="Orders per day" note="The figures of the chart on the first page.">
      <DataTable columns={Array.from({ length: across }, () => pair).flat()} rows={rows} />
    </Section>
  );
}

/** react-pdf passes totalPages to a render prop; the types list only pageNumber and subPageNumber. */
type PageInfo = { pageNumber: number; totalPages?: number };
const onPages = (render: (page: PageInfo) => string) => render as (page: { pageNumber: number; subPageNumber: number }) => string;

export function ReportPdf({ report, unitName, creationDate }: { report: MonthlyReport; unitName: string; creationDate: Date }): ReactElement {
  const title = reportTitle(report);
  return (
    <Document title={title} author={unitName || 'Order Desk'} subject={`${title} (${report.period.from} to ${report.period.to})`} creator="Order Desk" producer="Order Desk" language="en" creationDate={creationDate} modificationDate={creationDate}>
      <Page size="A4" style={{ fontFamily: DEFAULT_FAMILIES, fontSize: 8, color: INK, paddingTop: mm(13), paddingBottom: mm(18), paddingHorizontal: MARGIN_X }}>
        <Text fixed style={{ position: 'absolute', top: mm(7), left: MARGIN_X, right: MARGIN_X, fontSize: 7, color: MUTED }} render={onPages(({ pageNumber }) => (pageNumber > 1 ? `${title} (continued)` : ''))} />
        <Letterhead report={report} unitName={unitName} />
        <AtAGlance report={report} />
        <Charts report={report} />
        <OrdersSection report={report} />
        <TitlesSection report={report} />
        <AmountsSection report={report} />
        <MoneySection report={report} />
        <OutstandingSection report={report} />
        <TopSection report={report} />
        <RatesSection report={report} />
        <PerDaySection report={report} />
        <View fixed style={{ position: 'absolute', left: MARGIN_X, right: MARGIN_X, bottom: mm(8), flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4, fontSize: 7, color: MUTED }}>
          <Text>{[unitName, title].filter(Boolean).join(' · ')}</Text>
          <Text render={onPages(({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages ?? pageNumber}`)} />
        </View>
      </Page>
    </Document>
  );
}
