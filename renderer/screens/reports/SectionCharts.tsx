/**
 * The charts the Reports screen draws beside the report's tables, per section of the layout.
 * They read the same figures and labels as the tables (CURRENCY_FIGURES, methodLabel), so a bar
 * and its row cannot disagree; every chart says in words where its exact figures are.
 */
import type { ReactNode } from 'react';
import type { MonthlyReport } from '../../../shared/contract/reports';
import { PAYMENT_METHODS } from '../../../shared/domain/vocabulary';
import type { LaidSection } from '../../../shared/reports/report-cells';
import { currencyFigure, methodLabel, type CurrencyFigure } from '../../../shared/reports/report-layout';
import { AgingChart } from '../../components/charts/AgingChart';
import { CurrencyBarsChart } from './CurrencyBarsChart';
import { OrdersPerDayChart } from './OrdersPerDayChart';
import { TopTitlesChart } from './TopTitlesChart';

const AMOUNT_BARS: readonly CurrencyFigure[] = ['ordered', 'invoiced', 'credited', 'received', 'outstanding'];

function Charts({ children }: { children: ReactNode[] }) {
  return children.length > 0 ? <div className="report-charts">{children}</div> : null;
}

export function sectionCharts(section: LaidSection, report: MonthlyReport): { before?: ReactNode; after?: ReactNode } {
  switch (section.id) {
    case 'orders':
      return { before: <OrdersPerDayChart perDay={report.orders.perDay} figures={section.tables.find((t) => t.placement === 'chart')} /> };
    case 'titles':
      return { before: <TopTitlesChart titles={report.titles} /> };
    case 'amounts':
      return {
        after: (
          <Charts>
            {report.currencies.map((c) => (
              <CurrencyBarsChart
                key={c}
                title="Amounts"
                currency={c}
                bars={AMOUNT_BARS.map(currencyFigure).map((f) => ({ label: f.label, amount: f.of(report, c) }))}
                tableNote="The tables of this report have every figure: received under Money received, outstanding at the end of the period under Outstanding."
              />
            ))}
          </Charts>
        ),
      };
    case 'money':
      return {
        after: (
          <Charts>
            {report.currencies
              .filter((c) => report.money.byMethod.some((r) => r.currency === c))
              .map((c) => (
                <CurrencyBarsChart
                  key={c}
                  title="Money received by method"
                  currency={c}
                  bars={PAYMENT_METHODS.flatMap((m) => {
                    const row = report.money.byMethod.find((r) => r.currency === c && r.method === m);
                    return row ? [{ label: methodLabel(m), amount: row.amount }] : [];
                  })}
                  tableNote="The table Money received per method has every figure."
                />
              ))}
          </Charts>
        ),
      };
    case 'outstanding':
      return {
        after: (
          <Charts>
            {report.outstanding.rows.map((r) => (
              <AgingChart key={r.currency} total={r} customers={[]} />
            ))}
          </Charts>
        ),
      };
    default:
      return {};
  }
}
