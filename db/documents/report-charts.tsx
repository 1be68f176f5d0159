/**
 * The report's charts as react-pdf vector drawings, made from the MonthlyReport value alone:
 * orders per day, amounts per currency, money received by method, top titles. Labels and
 * figures are real text beside the bars (so they are in the fonts that cover every script and
 * pdftotext reads them); the bars are Svg rectangles. Currencies are never drawn on one scale:
 * each currency's bars are scaled to that currency's largest figure, and say so.
 */
import { Rect, Svg, Line, Text, View } from '@react-pdf/renderer';
import type { MonthlyReport } from '../../shared/contract/reports';
import type { CurrencyCode } from '../../shared/money/currencies';
import { formatDocumentAmount } from '../../shared/documents/document-labels';
import { formatDayMonth } from '../../shared/format/dates';
import { REPORT_LANGUAGE, REPORT_LOCALE } from '../../shared/reports/report-heading';
import { currencyFigure, methodLabel, type CurrencyFigure } from '../../shared/reports/report-layout';
import { fontFamiliesFor } from './fonts';

export const INK = '#1d2733';
export const MUTED = '#5b6675';
export const RULE = '#c9d1db';
export const BRAND = '#0b3d91';
export const TINT = '#eef2f8';
export const CURRENCY_COLOURS: Record<CurrencyCode, string> = { CHF: '#0b3d91', EUR: '#1f7a5a', USD: '#b36b00' };

const dayLabel = (iso: string) => formatDayMonth(iso, REPORT_LOCALE);
const amountText = (value: string, currency: CurrencyCode) => formatDocumentAmount(value, currency, REPORT_LANGUAGE);
/** Bars are drawn to scale from the decimal strings; a float is fine for a bar's length, never for a figure. */
const size = (value: string) => Math.max(0, Number(value));

export function ChartBox({ title, note, width, children }: { title: string; note?: string; width: number | string; children: React.ReactNode }) {
  return (
    <View wrap={false} style={{ width, borderWidth: 0.6, borderColor: RULE, borderRadius: 3, padding: 8, marginBottom: 8 }}>
      <Text style={{ fontSize: 9, fontWeight: 700, color: INK }}>{title}</Text>
      {note ? <Text style={{ fontSize: 6.8, color: MUTED, marginTop: 1 }}>{note}</Text> : null}
      <View style={{ marginTop: 6 }}>{children}</View>
    </View>
  );
}

/** A step of 1, 2 or 5 × 10ⁿ at or above `max`, so the top gridline has a round figure. */
function roundedTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function OrdersPerDayChart({ report, width }: { report: MonthlyReport; width: number }) {
  const days = report.orders.perDay;
  const height = 92;
  const axis = 20;
  const plot = width - axis;
  const top = roundedTop(Math.max(0, ...days.map((d) => d.count)));
  const slot = plot / Math.max(1, days.length);
  const bar = Math.max(0.6, slot * (days.length > 62 ? 0.9 : 0.72));
  const ticks = days.length > 0 ? [days[0]!, days[Math.floor((days.length - 1) / 2)]!, days[days.length - 1]!] : [];
  const busiest = days.reduce<{ date: string; count: number } | null>((best, d) => (best === null || d.count > best.count ? d : best), null);
  return (
    <View>
      <View style={{ flexDirection: 'row' }}>
        <View style={{ width: axis, height, justifyContent: 'space-between', fontSize: 6.5, color: MUTED }}>
          <Text>{String(top)}</Text>
          <Text>{String(top / 2)}</Text>
          <Text>0</Text>
        </View>
        <Svg width={plot} height={height} viewBox={`0 0 ${plot} ${height}`}>
          {[0, 0.5, 1].map((f) => (
            <Line key={f} x1={0} x2={plot} y1={4 + (height - 8) * f} y2={4 + (height - 8) * f} stroke={RULE} strokeWidth={0.5} />
          ))}
          {days.map((d, i) => {
            const h = ((height - 8) * d.count) / top;
            return <Rect key={d.date} x={i * slot + (slot - bar) / 2} y={height - 4 - h} width={bar} height={h} fill={BRAND} />;
          })}
        </Svg>
      </View>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginLeft: axis, fontSize: 6.5, color: MUTED, marginTop: 2 }}>
        {ticks.map((d, i) => (
          <Text key={`${d.date}-${i}`}>{dayLabel(d.date)}</Text>
        ))}
      </View>
      <Text style={{ fontSize: 7, color: MUTED, marginTop: 3 }}>
        {`${report.orders.count} orders received in ${days.length} days` + (busiest && busiest.count > 0 ? `; busiest day ${dayLabel(busiest.date)} with ${busiest.count}.` : '.')}
      </Text>
    </View>
  );
}

interface Bar {
  label: string;
  value: string;
  shown: string;
  colour: string;
}

/** Horizontal bars scaled to the largest of `bars`. */
export function BarRows({ bars, width, labelWidth = 58, valueWidth = 62, families }: { bars: Bar[]; width: number; labelWidth?: number; valueWidth?: number; families?: (label: string) => string[] }) {
  const barWidth = width - labelWidth - valueWidth - 8;
  const max = Math.max(0, ...bars.map((b) => size(b.value)));
  return (
    <View>
      {bars.map((b, i) => (
        <View key={`${b.label}-${i}`} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 2.5 }}>
          <Text style={{ width: labelWidth, fontSize: 7, color: INK, fontFamily: families?.(b.label) }}>{b.label}</Text>
          <Svg width={barWidth} height={8} viewBox={`0 0 ${barWidth} 8`}>
            <Rect x={0} y={0} width={barWidth} height={8} fill={TINT} />
            <Rect x={0} y={0} width={max > 0 ? (barWidth * size(b.value)) / max : 0} height={8} fill={b.colour} />
          </Svg>
          <Text style={{ width: valueWidth, marginLeft: 8, fontSize: 7, textAlign: 'right', color: INK }}>{b.shown}</Text>
        </View>
      ))}
    </View>
  );
}

function CurrencyHeading({ currency }: { currency: CurrencyCode }) {
  return <Text style={{ fontSize: 7.5, fontWeight: 700, color: CURRENCY_COLOURS[currency], marginTop: 3, marginBottom: 2 }}>{currency}</Text>;
}

const AMOUNT_BARS: readonly CurrencyFigure[] = ['ordered', 'invoiced', 'received', 'outstanding'];

export function AmountsPerCurrencyChart({ report, width }: { report: MonthlyReport; width: number }) {
  return (
    <View>
      {report.currencies.map((currency) => {
        const bars = AMOUNT_BARS.map(currencyFigure).map((f) => {
          const value = f.of(report, currency);
          return { label: f.label, value, shown: amountText(value, currency), colour: CURRENCY_COLOURS[currency] };
        });
        return (
          <View key={currency} wrap={false}>
            <CurrencyHeading currency={currency} />
            <BarRows bars={bars} width={width} />
          </View>
        );
      })}
    </View>
  );
}

export function MoneyByMethodChart({ report, width }: { report: MonthlyReport; width: number }) {
  const currencies = report.currencies.filter((c) => report.money.byMethod.some((r) => r.currency === c));
  if (currencies.length === 0) return <Text style={{ fontSize: 7.5, color: MUTED }}>No money received in this period.</Text>;
  return (
    <View>
      {currencies.map((currency) => (
        <View key={currency} wrap={false}>
          <CurrencyHeading currency={currency} />
          <BarRows
            width={width}
            bars={report.money.byMethod
              .filter((r) => r.currency === currency)
              .map((r) => ({ label: methodLabel(r.method), value: r.amount, shown: amountText(r.amount, currency), colour: CURRENCY_COLOURS[currency] }))}
          />
        </View>
      ))}
    </View>
  );
}

/** Copies are not money: they add up across currencies, so a title's bar is all its copies. */
export function topTitlesByCopies(report: MonthlyReport, limit = 8): { title: string; copies: number }[] {
  const byTitle = new Map<string, { title: string; copies: number }>();
  for (const t of report.titles) {
    const key = t.publicationId === null ? `text:${t.title}` : `id:${t.publicationId}`;
    const entry = byTitle.get(key) ?? { title: t.title, copies: 0 };
    entry.copies += t.copies;
    byTitle.set(key, entry);
  }
  return [...byTitle.values()].sort((a, b) => b.copies - a.copies || a.title.localeCompare(b.title)).slice(0, limit);
}

export function TopTitlesChart({ report, width }: { report: MonthlyReport; width: number }) {
  const top = topTitlesByCopies(report);
  if (top.length === 0) return <Text style={{ fontSize: 7.5, color: MUTED }}>No titles ordered in this period.</Text>;
  return (
    <BarRows
      width={width}
      labelWidth={width * 0.5}
      valueWidth={44}
      families={(label) => fontFamiliesFor(label)}
      bars={top.map((t) => ({ label: t.title, value: String(t.copies), shown: `${t.copies} ${t.copies === 1 ? 'copy' : 'copies'}`, colour: BRAND }))}
    />
  );
}
