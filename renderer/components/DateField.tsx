import { useId, useState, type KeyboardEvent } from 'react';
import { unitToday } from '../state/business-day';
import { useLocale } from '../state/settings';
import { dateExamples, formatDateLong, parseDate, stepDate } from './date-text';
import { Field } from './Field';
import './DateField.css';

interface DateFieldProps {
  label: string;
  /** "YYYY-MM-DD", "" for no date, or the clerk's text while it is not a date. */
  value: string;
  /**
   * Called on every change: with "YYYY-MM-DD" as soon as the text is a whole date, "" when it
   * is emptied, and with the text as typed while it is not a date, so a form never goes on
   * with the date it had before (the contract's schema refuses such text).
   */
  onChange(value: string): void;
  /** An error from elsewhere (the form's check, the API); while the text is not a date, the field says why instead. */
  error?: string | undefined;
  /** Said under the field, after the examples. */
  hint?: string;
  name?: string;
  dataField?: string;
  autoFocus?: boolean;
  className?: string;
  onLeave?(): void;
}

/**
 * A date typed as the clerk writes it (6.12.2026, 06/12/2026, 2026-12-06, 6.12.26) in one
 * plain text box: one Tab stop, unlike Chromium's three-part date input, and the same in
 * every system locale. Once left it shows the date as stored (2026-12-06), and beside it the
 * date in words ("Sunday, 6 December 2026"), so day and month can never be swapped unseen.
 */
export function DateField({ label, value, onChange, error, hint, name, dataField, autoFocus, className, onLeave }: DateFieldProps) {
  const locale = useLocale();
  const shownId = useId();
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  /** What this field last told the form; any other value was set from outside and is shown as is. */
  const [emitted, setEmitted] = useState(value);
  if (value !== emitted) {
    setEmitted(value);
    setText(value);
    setProblem(null);
  }

  const read = (typed: string) => parseDate(typed, locale, { label, today: unitToday() });
  const parsed = read(text);

  const emit = (next: string) => {
    setEmitted(next);
    if (next !== value) onChange(next);
  };

  const settle = (date: string) => {
    setText(date);
    setProblem(null);
    emit(date);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const from = parsed.ok && parsed.date !== '' ? parsed.date : unitToday();
      settle(parsed.ok && parsed.date !== '' ? stepDate(from, e.key === 'ArrowUp' ? 1 : -1) : from);
    } else if (e.key === 'Enter') {
      // Enter still submits a dialog; the text is tidied first.
      if (parsed.ok) settle(parsed.date);
      else setProblem(parsed.message);
    }
  };

  const shownError = problem ?? (error && !parsed.ok ? parsed.message : error);
  const inWords = parsed.ok && parsed.date !== '' ? formatDateLong(parsed.date, locale) : '';
  const examples = `e.g. ${dateExamples(locale)} · ↑ ↓ day after or before`;
  return (
    <Field label={label} error={shownError} hint={hint ? `${examples} · ${hint}` : examples} className={`date-field ${className ?? ''}`}>
      {(props) => (
        <div className="date-field__row">
          <input
            {...props}
            aria-describedby={[props['aria-describedby'], inWords ? shownId : ''].filter(Boolean).join(' ') || undefined}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            name={name}
            data-field={dataField}
            autoFocus={autoFocus}
            aria-keyshortcuts="ArrowUp ArrowDown"
            value={text}
            onChange={(e) => {
              const typed = e.target.value;
              setText(typed);
              setProblem(null);
              const now = read(typed);
              emit(now.ok ? now.date : typed.trim());
            }}
            onBlur={() => {
              if (parsed.ok) settle(parsed.date);
              else setProblem(parsed.message);
              onLeave?.();
            }}
            onKeyDown={onKeyDown}
          />
          <span className="date-field__words" id={shownId}>
            {inWords}
          </span>
        </div>
      )}
    </Field>
  );
}
