/**
 * The monthly report as a printable A4 PDF for the unit's finance colleagues: the figures at a
 * glance per currency and the four charts first, then the report's sections as laid out once for
 * every output (shared/reports/report-layout.ts), "Page 2 of 5" in the footer. Set in the invoice
 * fonts, so customer names in any script print. It only places and formats: every figure, label
 * and table is the layout's.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { MonthlyReport } from '../../shared/contract/reports';
import { formatDocumentAmount } from '../../shared/documents/document-labels';
import type { CurrencyCode } from '../../shared/money/currencies';
import type { LaidSection, LaidTable, ReportColumn, ReportValue, ValueKind } from '../../shared/reports/report-cells';
import { REPORT_LANGUAGE, periodLabel, reportFileDates, reportStatus, reportTitle } from '../../shared/reports/report-heading';
import { currencyFigure, layReport, type CurrencyFigure } from '../../shared/reports/report-layout';
import { DEFAULT_FAMILIES, fontFamiliesFor } from './fonts';
import { AmountsPerCurrencyChart, BRAND, ChartBox, CURRENCY_COLOURS, INK, MoneyByMethodChart, MUTED, OrdersPerDayChart, RULE, TINT, TopTitlesChart } from './report-charts';

const MM = 72 / 25.4;
const mm = (value: number) => value * MM;
const PAGE_WIDTH = mm(210);
const MARGIN_X = mm(16);
const CONTENT = PAGE_WIDTH - 2 * MARGIN_X;
const GAP = 8;
const HALF = (CONTENT - GAP) / 2;

const dates = reportFileDates;
const money = (value: string, currency: CurrencyCode) => formatDocumentAmount(value, currency, REPORT_LANGUAGE);
/** Right-aligned when the text's first letter is Arabic or Hebrew (a mixed title that starts in Latin stays left). */
const isRtl = (text: string) => /^[^\p{L}]*[\u0590-\u08ff]/u.test(text);

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

function DataTable({ columns, rows, empty, width = CONTENT }: { columns: PdfColumn[]; rows: CellInput[][]; empty: string; width?: number }) {
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

/** The share of a table's width a column of each kind takes, unless the layout gives one. */
const KIND_WEIGHT: Record<ValueKind, number> = { text: 1.6, currency: 0.75, count: 0.75, money: 1.2, date: 1.1, rate: 1.2 };
const RIGHT: ReadonlySet<ValueKind> = new Set(['count', 'money', 'rate']);

const pdfColumn = (c: ReportColumn): PdfColumn => ({ header: c.label, flex: c.weight ?? KIND_WEIGHT[c.kind], align: RIGHT.has(c.kind) ? 'right' : 'left' });
const cur = (currency: CurrencyCode): PdfCell => ({ text: currency, colour: CURRENCY_COLOURS[currency], bold: true });

/** A value as the document's language writes it; names and titles in the fonts of their script. */
function pdfCell(value: ReportValue, column: ReportColumn): PdfCell {
  const bold = column.strong ?? false;
  switch (value.kind) {
    case 'text':
      return { text: value.text, families: fontFamiliesFor(value.text, value.country ?? ''), bold };
    case 'currency':
      return cur(value.currency);
    case 'count':
      return { text: String(value.count), bold };
    case 'money':
      return { text: money(value.amount, value.currency), bold };
    case 'date':
      return { text: dates.date(value.date), bold };
    case 'rate':
      return { text: value.rate, bold };
  }
}

/**
 * A section's title and intro. The sections are laid straight onto the page (not inside a box of
 * their own), so react-pdf can keep a title with what follows it: minPresenceAhead only works
 * between siblings.
 */
function SectionHeading({ title, note }: { title: string; note: string | null }) {
  return (
    <View wrap={false} minPresenceAhead={70} style={{ marginTop: 6 }}>
      <View style={{ borderBottomWidth: 1.2, borderBottomColor: BRAND, paddingBottom: 2, marginBottom: 5 }}>
        <Text style={{ fontSize: 11, fontWeight: 700, color: BRAND }}>{title}</Text>
      </View>
      {note ? <Text style={{ fontSize: 7.2, color: MUTED, marginTop: -2, marginBottom: 4 }}>{note}</Text> : null}
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
        <Text style={{ fontSize: 12, color: INK, marginTop: 1 }}>{periodLabel(period, dates)}</Text>
      </View>
      <View style={{ alignItems: 'flex-end', fontSize: 7.5, color: MUTED, maxWidth: mm(100) }}>
        <Text>{`${dates.longDate(period.from)} – ${dates.longDate(period.to)}`}</Text>
        {/* "Generated …; the month is open, …" as two lines, so neither wraps mid-phrase. */}
        {reportStatus(report, dates)
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

/** The figures a reader looks for first, one line per currency, named as in the report's tables. */
const GLANCE: readonly CurrencyFigure[] = ['ordered', 'invoiced', 'credited', 'received', 'refunded', 'outstanding'];

function AtAGlance({ report }: { report: MonthlyReport }) {
  const figures = GLANCE.map(currencyFigure);
  const rows = report.currencies.map((currency) => [
    cur(currency),
    String(report.orders.byCurrency.find((r) => r.currency === currency)?.count ?? 0),
    ...figures.map((f) => money(f.of(report, currency), currency)),
  ]);
  const converted = report.converted;
  return (
    <View style={{ backgroundColor: TINT, borderRadius: 3, padding: 6, marginBottom: 8 }}>
      <Text style={{ fontSize: 9, fontWeight: 700, color: INK, marginBottom: 4 }}>
        At a glance
        <Text style={{ fontSize: 7.2, fontWeight: 400, color: MUTED }}>{`   per currency; outstanding as at ${dates.longDate(report.outstanding.asOf)}`}</Text>
      </Text>
      <DataTable
        width={CONTENT - 12}
        columns={[
          { header: 'Currency', flex: 0.8 },
          { header: 'Orders', flex: 0.7, align: 'right' },
          ...figures.map((f): PdfColumn => ({ header: f.label, flex: 1.2, align: 'right' })),
        ]}
        rows={rows}
        empty="No orders, documents or payments in this period."
      />
      {converted ? (
        <Text style={{ fontSize: 7.2, color: MUTED, marginTop: -3 }}>
          {`Converted to ${converted.reportingCurrency} at the month's rates (a convenience figure, not the books): ${(['ordered', 'received', 'outstanding'] as const)
            .map((key) => `${currencyFigure(key).label.toLowerCase()} ${money(converted[key], converted.reportingCurrency)}`)
            .join(', ')}.`}
          {converted.missingRates.length > 0 ? ` Without a rate, left out: ${converted.missingRates.join(', ')}.` : ''}
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

/**
 * A report longer than a month (a year) lists at most this many rows of a long list (cancelled
 * orders, titles): react-pdf's page breaking grows faster than the rows (800 of each took ~40 s,
 * a year's 6,000 many minutes). The CSV and the workbook list every row, and the PDF says so.
 */
const LONG_PERIOD_ROWS = 100;

function listed<T>(report: MonthlyReport, table: LaidTable, rows: T[]): T[] {
  return table.longList && report.period.month === null && rows.length > LONG_PERIOD_ROWS ? rows.slice(0, LONG_PERIOD_ROWS) : rows;
}

function LeftOut({ shown, all, what }: { shown: number; all: number; what: string }) {
  if (shown === all) return null;
  return <Text style={{ fontSize: 7.5, fontWeight: 700, color: INK, marginTop: -4, marginBottom: 8 }}>{`Only the first ${shown.toLocaleString('en')} of ${all.toLocaleString('en')} ${what} are listed here; the CSV and Excel files of this report list all of them.`}</Text>;
}

/** A chart's figures are a long, narrow list (a day and its orders): folded this many times across, a year splits cleanly over pages. */
const CHART_FIGURES_ACROSS = 4;

/** A table of at most this many rows is never split over two pages. */
const KEEP_TOGETHER_ROWS = 15;

function foldedRows(report: MonthlyReport, table: LaidTable): { shown: number; columns: PdfColumn[]; rows: CellInput[][] } {
  const rows = listed(report, table, table.rows);
  const across = table.placement === 'chart' ? CHART_FIGURES_ACROSS : 1;
  const folded: CellInput[][] = [];
  for (let i = 0; i < rows.length; i += across) {
    folded.push(Array.from({ length: across }, (_, k) => rows[i + k]).flatMap((row): CellInput[] => (row ? row.map((v, c) => pdfCell(v, table.columns[c]!)) : table.columns.map(() => ''))));
  }
  return { shown: rows.length, columns: Array.from({ length: across }, () => table.columns.map(pdfColumn)).flat(), rows: folded };
}

/** The table's title, the table, its notes; as siblings, so a long table flows over pages with its title kept on the first. */
function TableParts({ report, table, width }: { report: MonthlyReport; table: LaidTable; width: number }) {
  const { shown, columns, rows } = foldedRows(report, table);
  return (
    <>
      <SubHeading>{table.title}</SubHeading>
      <DataTable width={width} columns={columns} rows={rows} empty={table.empty} />
      {table.notes.map((note, i) => (
        <Text key={i} style={{ width, fontSize: 7.2, color: note.warning ? INK : MUTED, fontWeight: note.warning ? 700 : 400, marginTop: -4, marginBottom: 6 }}>
          {note.text}
        </Text>
      ))}
      {table.longList ? <LeftOut shown={shown} all={table.rows.length} what={table.longList} /> : null}
    </>
  );
}

const short = (report: MonthlyReport, table: LaidTable) => foldedRows(report, table).rows.length <= KEEP_TOGETHER_ROWS;

/** Narrow tables stand side by side, a short table is kept on one page, a long one flows on. */
function SectionView({ report, section }: { report: MonthlyReport; section: LaidSection }) {
  const runs: LaidTable[][] = [];
  for (const t of section.tables) {
    const last = runs.at(-1);
    if (t.placement === 'narrow' && last?.[0]?.placement === 'narrow' && last.length < 3) last.push(t);
    else runs.push([t]);
  }
  const kept = (run: LaidTable[]) => run.length > 1 || short(report, run[0]!);
  const block = (run: LaidTable[], heading?: ReactElement) => {
    if (!kept(run)) return <TableParts key={run[0]!.id} report={report} table={run[0]!} width={CONTENT} />;
    const width = (CONTENT - (run.length - 1) * GAP) / run.length;
    return (
      <View key={run[0]!.id} wrap={false}>
        {heading}
        <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
          {run.map((t) => (
            <View key={t.id} style={{ width }}>
              <TableParts report={report} table={t} width={width} />
            </View>
          ))}
        </View>
      </View>
    );
  };
  const heading = <SectionHeading title={section.title} note={section.intro} />;
  const [first, ...rest] = runs;
  // A section's title goes with its first table: on one page when that table is kept together, else with its first rows.
  return (
    <>
      {first && kept(first) ? null : heading}
      {first ? block(first, kept(first) ? heading : undefined) : null}
      {rest.map((run) => block(run))}
    </>
  );
}

/** react-pdf passes totalPages to a render prop; the types list only pageNumber and subPageNumber. */
type PageInfo = { pageNumber: number; totalPages?: number };
const onPages = (render: (page: PageInfo) => string) => render as (page: { pageNumber: number; subPageNumber: number }) => string;

export function ReportPdf({ report, unitName, creationDate }: { report: MonthlyReport; unitName: string; creationDate: Date }): ReactElement {
  const title = reportTitle(report, reportFileDates);
  return (
    <Document title={title} author={unitName || 'Order Desk'} subject={`${title} (${report.period.from} to ${report.period.to})`} creator="Order Desk" producer="Order Desk" language={REPORT_LANGUAGE} creationDate={creationDate} modificationDate={creationDate}>
      <Page size="A4" style={{ fontFamily: DEFAULT_FAMILIES, fontSize: 8, color: INK, paddingTop: mm(13), paddingBottom: mm(18), paddingHorizontal: MARGIN_X }}>
        <Text fixed style={{ position: 'absolute', top: mm(7), left: MARGIN_X, right: MARGIN_X, fontSize: 7, color: MUTED }} render={onPages(({ pageNumber }) => (pageNumber > 1 ? `${title} (continued)` : ''))} />
        <Letterhead report={report} unitName={unitName} />
        <AtAGlance report={report} />
        <Charts report={report} />
        {layReport(report, reportFileDates).map((section) => (
          <SectionView key={section.id} report={report} section={section} />
        ))}
        <View fixed style={{ position: 'absolute', left: MARGIN_X, right: MARGIN_X, bottom: mm(8), flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4, fontSize: 7, color: MUTED }}>
          <Text>{[unitName, title].filter(Boolean).join(' · ')}</Text>
          <Text render={onPages(({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages ?? pageNumber}`)} />
        </View>
      </Page>
    </Document>
  );
}
