import { Field } from './Field';
import { screenCardText } from './card-safe-text';

interface CardSafeFieldProps {
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  multiline?: boolean;
  maxLength?: number;
  /** For focusing the field named by an API error. */
  name?: string;
  autoFocus?: boolean;
  onChange(value: string): void;
  /** Set when the field is left: a security code is refused here, before any save. */
  onError(message: string | null): void;
  /** Tells the clerk a card number was cut to its last four digits. */
  onNotice(message: string): void;
}

/** A free-text input where a full card number is masked as soon as the clerk leaves it. */
export function CardSafeField({ label, value, error, hint, multiline, maxLength, name, autoFocus, onChange, onError, onNotice }: CardSafeFieldProps) {
  const leave = () => {
    const screened = screenCardText(label, value);
    if (screened.text !== value) onChange(screened.text);
    if (screened.notice) onNotice(screened.notice);
    onError(screened.error);
  };
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(props) =>
        multiline ? (
          <textarea {...props} name={name} autoFocus={autoFocus} dir="auto" rows={2} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} onBlur={leave} />
        ) : (
          <input {...props} name={name} autoFocus={autoFocus} dir="auto" maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} onBlur={leave} />
        )
      }
    </Field>
  );
}
