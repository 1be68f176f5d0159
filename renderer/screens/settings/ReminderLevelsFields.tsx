import { MAX_REMINDER_LEVELS, type ReminderLevel, type ReminderSettings } from '../../../shared/domain/reminder-levels';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { Field } from '../../components/Field';
import './reminder-levels.css';

interface ReminderLevelsFieldsProps {
  value: ReminderSettings;
  errors: Record<string, string>;
  onChange(value: ReminderSettings): void;
}

/** Payment reminder levels: each one's name, when it is due and the fee it adds per currency (empty for none). */
export function ReminderLevelsFields({ value, errors, onChange }: ReminderLevelsFieldsProps) {
  const levels = value.levels;
  const setLevel = (index: number, level: ReminderLevel) => onChange({ levels: levels.map((l, i) => (i === index ? level : l)) });
  const setFee = (index: number, currency: CurrencyCode, fee: string) => setLevel(index, { ...levels[index]!, fees: { ...levels[index]!.fees, [currency]: fee } });
  const at = (index: number, field: string) => errors[`reminders.levels.${index}.${field}`];
  return (
    <fieldset className="reminder-levels">
      <legend>Payment reminders</legend>
      <p className="fieldset__hint">
        An invoice still open after its due date gets level 1 the days set after that date, and each later level the days set after the reminder before it. The PDF says the
        level in the invoice’s language; the name here is what the screens say.
      </p>
      {errors['reminders.levels'] ? (
        <p className="field__error" role="alert">
          {errors['reminders.levels']}
        </p>
      ) : null}
      {levels.map((level, index) => (
        <div key={index} className="reminder-levels__level" role="group" aria-label={`Reminder level ${index + 1}`}>
          <Field className="reminder-levels__name" label={`Level ${index + 1} name`} error={at(index, 'name')}>
            {(props) => <input {...props} value={level.name} onChange={(e) => setLevel(index, { ...level, name: e.target.value })} />}
          </Field>
          <Field label={index === 0 ? `Level ${index + 1}: days after the due date` : `Level ${index + 1}: days after level ${index}`} error={at(index, 'days')}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={String(level.days)}
                onChange={(e) => setLevel(index, { ...level, days: /^\d+$/.test(e.target.value) ? Number(e.target.value) : (e.target.value as unknown as number) })}
              />
            )}
          </Field>
          {CURRENCY_CODES.map((currency) => (
            <Field key={currency} label={`Level ${index + 1} fee in ${currency}`} error={at(index, `fees.${currency}`)}>
              {(props) => <input {...props} inputMode="decimal" placeholder="none" value={level.fees[currency] ?? ''} onChange={(e) => setFee(index, currency, e.target.value)} />}
            </Field>
          ))}
        </div>
      ))}
      <div className="actions">
        <button type="button" disabled={levels.length >= MAX_REMINDER_LEVELS} onClick={() => onChange({ levels: [...levels, { name: `Reminder ${levels.length + 1}`, days: 20, fees: {} }] })}>
          Add a level
        </button>
        <button type="button" disabled={levels.length <= 1} onClick={() => onChange({ levels: levels.slice(0, -1) })}>
          Remove level {levels.length}
        </button>
      </div>
    </fieldset>
  );
}
