import { useState } from 'react';
import { ReportPeriodInput } from '../../../shared/contract/reports';
import { DateField } from '../../components/DateField';
import { MonthField } from '../../components/MonthField';
import { formatMonth } from '../../../shared/format/dates';
import { firstDayOf, lastDayOf, stepMonth } from '../../../shared/domain/calendar';
import { useLocale } from '../../state/settings';

export type PeriodInput = { month: string } | { from: string; to: string };

interface PeriodPickerProps {
  period: PeriodInput;
  onChange(period: PeriodInput): void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_HINT = 'e.g. 2026-11, 11.2026 or nov 2026 · ↑ ↓ previous or next month';

/** Which period the report covers: a month (typed, or one step back or forward), or any range of days. */
export function PeriodPicker({ period, onChange }: PeriodPickerProps) {
  const locale = useLocale();
  // The last month shown, so switching back from a range returns to it.
  const [month, setMonth] = useState('month' in period ? period.month : '');
  const [range, setRange] = useState(() => ('from' in period ? period : { from: '', to: '' }));
  const [rangeErrors, setRangeErrors] = useState<{ from?: string; to?: string }>({});
  const isMonth = 'month' in period;

  const showMonth = (m: string) => {
    if (m === '') return; // A report is always for some month: clearing the field keeps the one shown.
    setMonth(m);
    onChange({ month: m });
  };

  const showRange = (next: { from: string; to: string }) => {
    setRange(next);
    // Nothing is asked while a date is empty or still being typed; the field says what is wrong with its text.
    if (!ISO_DATE.test(next.from) || !ISO_DATE.test(next.to)) {
      setRangeErrors({});
      return;
    }
    const checked = ReportPeriodInput.safeParse(next);
    if (checked.success) {
      setRangeErrors({});
      onChange(next);
    } else {
      setRangeErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), i.message])));
    }
  };

  return (
    <div className="report-period">
      <fieldset className="report-period__kind">
        <legend>Period</legend>
        <label>
          <input type="radio" name="report-period" checked={isMonth} onChange={() => showMonth(month)} /> A month
        </label>
        <label>
          <input
            type="radio"
            name="report-period"
            checked={!isMonth}
            onChange={() => {
              const start = range.from || firstDayOf(month);
              const end = range.to || lastDayOf(month);
              showRange({ from: start, to: end });
            }}
          />{' '}
          A range of days
        </label>
      </fieldset>
      {isMonth ? (
        <div className="report-period__month">
          <button type="button" aria-label={`Previous month, ${formatMonth(stepMonth(month, -1), locale)}`} onClick={() => showMonth(stepMonth(month, -1))}>
            ‹ Previous
          </button>
          <MonthField label="Month" value={month} onChange={showMonth} hint={MONTH_HINT} className="report-period__field" />
          <button type="button" aria-label={`Next month, ${formatMonth(stepMonth(month, 1), locale)}`} onClick={() => showMonth(stepMonth(month, 1))}>
            Next ›
          </button>
        </div>
      ) : (
        <div className="report-period__range">
          <DateField label="From" error={rangeErrors.from} value={range.from} onChange={(from) => showRange({ ...range, from })} />
          <DateField label="To" error={rangeErrors.to} hint="Both days included; at most a year." value={range.to} onChange={(to) => showRange({ ...range, to })} />
        </div>
      )}
    </div>
  );
}
