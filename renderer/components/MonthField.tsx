import { useState, type KeyboardEvent } from 'react';
import { monthOf, stepMonth } from '../../shared/domain/calendar';
import { unitToday } from '../state/business-day';
import { useLocale } from '../state/settings';
import { Field } from './Field';
import { formatMonth } from '../../shared/format/dates';
import { parseMonth } from './month-text';

interface MonthFieldProps {
  label: string;
  /** "YYYY-MM", or "" for no month. */
  value: string;
  /** Called with "YYYY-MM" or "" once the clerk settles on a month (Enter, leaving the field, ↑/↓, Esc). */
  onChange(month: string): void;
  /** An error from elsewhere (e.g. the API); the field's own error for an impossible month comes first. */
  error?: string | undefined;
  hint?: string;
  className?: string;
}

const HINT = 'e.g. 2026-11, 11.2026 or nov 2026 · ↑ ↓ change the month · Esc clears';

function thisMonth(): string {
  return monthOf(unitToday());
}

/**
 * A month typed as the clerk likes ("2026-11", "11.2026", "nov 2026") and shown by name in the
 * settings locale ("November 2026"). Unlike Chromium's month picker it is plain text: empty
 * when empty, and used entirely from the keyboard.
 */
export function MonthField({ label, value, onChange, error, hint = HINT, className }: MonthFieldProps) {
  const locale = useLocale();
  const [text, setText] = useState(() => formatMonth(value, locale));
  const [problem, setProblem] = useState<string | null>(null);
  // When the value or locale changes from outside (e.g. "Clear filters"), show it.
  const [shown, setShown] = useState({ value, locale });
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    setText(formatMonth(value, locale));
    setProblem(null);
  }

  const settle = (month: string) => {
    setText(formatMonth(month, locale));
    setProblem(null);
    setShown({ value: month, locale });
    if (month !== value) onChange(month);
  };

  const commit = () => {
    const parsed = parseMonth(text, locale);
    if (parsed.ok) settle(parsed.month);
    else setProblem(parsed.message);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const input = e.currentTarget;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      const parsed = parseMonth(text, locale);
      const from = parsed.ok && parsed.month ? parsed.month : value || '';
      const by = (e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : e.key === 'PageUp' ? 12 : -12);
      settle(from ? stepMonth(from, by) : thisMonth());
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if ((e.key === 'Escape' && text !== '') || (e.key === 'Delete' && atEnd && text !== '')) {
      // Esc and Delete (with nothing after the caret to delete) empty the whole field at once.
      e.preventDefault();
      settle('');
    }
  };

  return (
    <Field label={label} error={problem ?? error} hint={hint} className={className}>
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="Any month"
          aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Escape"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  );
}
