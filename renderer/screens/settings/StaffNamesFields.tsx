import { useId, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { staffName } from '../../../shared/contract/settings';
import { findStaffName } from '../../../shared/domain/staff';
import { Field } from '../../components/Field';

interface StaffNamesFieldsProps {
  value: string[];
  errors: Record<string, string>;
  onChange(next: string[]): void;
}

const NEW_NAME = staffName('New staff name');

/**
 * The names the app offers when it asks who is working. Each is edited in place (a
 * rename), removed with its button, and a new one added with Enter; all from the keyboard.
 * Changes are kept with "Save settings".
 */
export function StaffNamesFields({ value, errors, onChange }: StaffNamesFieldsProps) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState('');
  const listId = useId();

  function add() {
    const checked = NEW_NAME.safeParse(adding);
    if (!checked.success) {
      setAddError(checked.error.issues[0]?.message ?? 'Type a name.');
      return;
    }
    if (findStaffName(value, checked.data) !== undefined) {
      setAddError(`"${checked.data}" is already in the list.`);
      return;
    }
    onChange([...value, checked.data]);
    setAdding('');
    setAddError('');
  }

  function onAddKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter here adds the name; it must not save the whole form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  }

  function remove(index: number) {
    // Rendered at once, so focus moves before the next key is handled: a clerk typing
    // ahead must not land on the button that now removes the next name.
    flushSync(() => onChange(value.filter((_, i) => i !== index)));
    // Focus moves on to what took the removed row's place (or the add field), never to the page.
    const rows = document.querySelectorAll<HTMLInputElement>(`[data-staff-list="${listId}"] input`);
    (rows[Math.min(index, rows.length - 1)] ?? rows[0])?.focus();
  }

  return (
    <fieldset className="staff-names">
      <legend>Staff</legend>
      <p className="fieldset__hint">Order Desk asks who is working from this list when it starts, and names them in every order's history.</p>
      {errors.staff ? (
        <p className="field__error" role="alert">
          {errors.staff}
        </p>
      ) : null}
      <ul className="staff-names__list" data-staff-list={listId}>
        {value.map((name, index) => (
          <li key={index} className="staff-names__row">
            <Field label={`Staff name ${index + 1}`} error={errors[`staff.${index}`]}>
              {(props) => <input {...props} value={name} onChange={(e) => onChange(value.map((n, i) => (i === index ? e.target.value : n)))} />}
            </Field>
            <button type="button" onClick={() => remove(index)} aria-label={`Remove ${name || `staff name ${index + 1}`}`}>
              Remove
            </button>
          </li>
        ))}
        <li className="staff-names__row">
          <Field label="New staff name" error={addError} hint="Enter adds the name to the list.">
            {(props) => (
              <input
                {...props}
                value={adding}
                onChange={(e) => {
                  setAdding(e.target.value);
                  setAddError('');
                }}
                onKeyDown={onAddKey}
              />
            )}
          </Field>
          <button type="button" onClick={add}>
            Add
          </button>
        </li>
      </ul>
    </fieldset>
  );
}
