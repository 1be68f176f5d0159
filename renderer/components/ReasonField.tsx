import { CardSafeField } from './CardSafeField';
import type { ActionForm } from './useActionForm';

/** The free-text reason an action dialog asks for: card-safe, multi-line, and wired to the dialog's form errors and notices. */
export function ReasonField({ label, hint, value, onChange, form }: { label: string; hint?: string; value: string; onChange(value: string): void; form: ActionForm }) {
  return (
    <CardSafeField
      label={label}
      name="reason"
      autoFocus
      multiline
      maxLength={500}
      hint={hint}
      value={value}
      error={form.errors.reason}
      onChange={(v) => {
        onChange(v);
        form.setFieldError('reason', null);
      }}
      onError={(m) => form.setFieldError('reason', m)}
      onNotice={form.addNotice}
    />
  );
}
