/**
 * The vocabulary the monthly report's layout (report-layout.ts) is written in: tables of typed
 * columns over rows of the MonthlyReport, and what they become once laid out for one report —
 * plain data that the screen, the PDF, the CSV and the workbook each render in their own way.
 *
 * A value says what it is (money, a count, a date…), never how it is shown: the screen formats
 * it in the clerk's locale, the PDF in the document's language, the CSV writes it plain and the
 * workbook as a typed cell. So the four outputs cannot differ in anything but formatting.
 */
import type { MonthlyReport } from '../contract/reports';
import type { CurrencyCode } from '../money/currencies';
import type { DateDisplay } from '../format/dates';

export type ValueKind = 'text' | 'currency' | 'count' | 'money' | 'date' | 'rate';

export type ReportValue =
  /** `country`: where a name comes from, so a document picks the right font for its script (Japanese or Chinese Han). */
  | { kind: 'text'; text: string; country?: string }
  | { kind: 'currency'; currency: CurrencyCode }
  | { kind: 'count'; count: number }
  /** A decimal string in its currency. */
  | { kind: 'money'; amount: string; currency: CurrencyCode }
  /** A calendar day, "YYYY-MM-DD". */
  | { kind: 'date'; date: string }
  /** An exchange rate as a decimal string. */
  | { kind: 'rate'; rate: string };

export interface ReportColumn {
  label: string;
  kind: ValueKind;
  /** A share of a printed table's width, where the kind's usual share does not fit (a title, a reason). */
  weight?: number;
  /** Set apart (bold), e.g. a total. */
  strong?: boolean;
  /** Never broken over two lines on screen (an ISBN breaks at its hyphens otherwise). */
  keepWhole?: boolean;
}

export interface ReportNote {
  text: string;
  /** Something the reader must not miss, such as figures left out. */
  warning?: boolean;
}

/**
 * How a table is placed, never what it holds: `narrow` tables (two or three columns) stand side
 * by side, `wide` ones share a row two by two where there is room; `chart` marks the figures of
 * a chart, which the screen keeps beside its chart for screen readers and the PDF prints folded.
 */
export type TablePlacement = 'full' | 'narrow' | 'wide' | 'chart';

export interface LaidTable {
  /** Stable, unique: an element id on screen. */
  id: string;
  /** The workbook's sheet name (at most 31 characters, no []:*?/\). */
  sheet: string;
  title: string;
  notes: ReportNote[];
  /** Said instead of an empty table. */
  empty: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  placement: TablePlacement;
  /** For a long list, what its rows are, e.g. "titles (most copies first)": a printed year may list only the first ones and says so. */
  longList?: string;
}

export interface LaidSection {
  id: string;
  title: string;
  /** A sentence under the title; the files, which have no sections, print it as a note of the section's first table. */
  intro: string | null;
  tables: LaidTable[];
}

/** What the layout's texts may depend on: the report, and the dates as this reader reads them. */
type Text = string | ((report: MonthlyReport, dates: DateDisplay) => string);

export interface Column<R> extends ReportColumn {
  value(row: R): ReportValue;
}

export interface TableSpec<R> {
  id: string;
  sheet: string;
  title: Text;
  empty: Text;
  rows(report: MonthlyReport): readonly R[];
  /** Given the column makers for this table's rows (see columnsOf), so every accessor is checked against them. */
  columns(make: ColumnMakers<R>, report: MonthlyReport): Column<R>[];
  notes?(report: MonthlyReport, dates: DateDisplay): ReportNote[];
  /** Left out of the report when false (the rates of a month that has none). */
  when?(report: MonthlyReport): boolean;
  placement?: TablePlacement;
  longList?: string;
}

/** A table with its row type closed over, so a section can hold tables of different rows. */
export interface AnyTable {
  lay(report: MonthlyReport, dates: DateDisplay): LaidTable | null;
}

export interface SectionSpec {
  id: string;
  title: Text;
  intro?(report: MonthlyReport, dates: DateDisplay): string | null;
  when?(report: MonthlyReport): boolean;
  tables: AnyTable[];
}

const textOf = (text: Text, report: MonthlyReport, dates: DateDisplay) => (typeof text === 'string' ? text : text(report, dates));

export function table<R>(spec: TableSpec<R>): AnyTable {
  return {
    lay(report, dates) {
      if (spec.when && !spec.when(report)) return null;
      const columns = spec.columns(columnsOf<R>(), report);
      return {
        id: spec.id,
        sheet: spec.sheet,
        title: textOf(spec.title, report, dates),
        notes: spec.notes?.(report, dates) ?? [],
        empty: textOf(spec.empty, report, dates),
        columns: columns.map(({ value: _value, ...column }) => column),
        rows: spec.rows(report).map((row) => columns.map((c) => c.value(row))),
        placement: spec.placement ?? 'full',
        ...(spec.longList ? { longList: spec.longList } : {}),
      };
    },
  };
}

export function laySections(sections: readonly SectionSpec[], report: MonthlyReport, dates: DateDisplay): LaidSection[] {
  return sections.flatMap((s) => {
    if (s.when && !s.when(report)) return [];
    const tables = s.tables.map((t) => t.lay(report, dates)).filter((t): t is LaidTable => t !== null);
    return [{ id: s.id, title: textOf(s.title, report, dates), intro: s.intro?.(report, dates) ?? null, tables }];
  });
}

type Options = Pick<ReportColumn, 'weight' | 'strong' | 'keepWhole'>;
type Currency<R> = R extends { currency: CurrencyCode } ? R : never;

/** One maker per kind of value; money and currency only for rows that carry their currency. */
export interface ColumnMakers<R> {
  text(label: string, pick: (row: R) => string, options?: Options & { country?: (row: R) => string }): Column<R>;
  currency: R extends { currency: CurrencyCode } ? (label?: string) => Column<R> : never;
  count(label: string, pick: (row: R) => number, options?: Options): Column<R>;
  /** An amount in its row's currency. */
  money: R extends { currency: CurrencyCode } ? (label: string, pick: (row: R) => string, options?: Options) => Column<R> : never;
  date(label: string, pick: (row: R) => string): Column<R>;
  rate(label: string, pick: (row: R) => string): Column<R>;
}

const currencyOf = <R>(row: R) => (row as Currency<R>).currency;

function columnsOf<R>(): ColumnMakers<R> {
  const makers = {
    text: (label: string, pick: (row: R) => string, options: Options & { country?: (row: R) => string } = {}): Column<R> => {
      const { country, ...rest } = options;
      return { label, kind: 'text', ...rest, value: (row) => (country ? { kind: 'text', text: pick(row), country: country(row) } : { kind: 'text', text: pick(row) }) };
    },
    currency: (label = 'Currency'): Column<R> => ({ label, kind: 'currency', value: (row) => ({ kind: 'currency', currency: currencyOf(row) }) }),
    count: (label: string, pick: (row: R) => number, options: Options = {}): Column<R> => ({ label, kind: 'count', ...options, value: (row) => ({ kind: 'count', count: pick(row) }) }),
    money: (label: string, pick: (row: R) => string, options: Options = {}): Column<R> => ({ label, kind: 'money', ...options, value: (row) => ({ kind: 'money', amount: pick(row), currency: currencyOf(row) }) }),
    date: (label: string, pick: (row: R) => string): Column<R> => ({ label, kind: 'date', value: (row) => ({ kind: 'date', date: pick(row) }) }),
    rate: (label: string, pick: (row: R) => string): Column<R> => ({ label, kind: 'rate', value: (row) => ({ kind: 'rate', rate: pick(row) }) }),
  };
  // The conditional types only keep money and currency away from rows without a currency; the makers are the same.
  return makers as unknown as ColumnMakers<R>;
}
