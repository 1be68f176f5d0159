import { useState, type FormEvent } from 'react';
import { useLeavePrompt } from '../../hooks/useLeavePrompt';
import { useUnsavedChangesGuard } from '../../hooks/useUnsavedChangesGuard';
import { CustomerInput } from '../../../shared/contract/customers';
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { CountryField } from '../../components/CountryField';

type Editable = Pick<Customer, 'name' | 'address' | 'postalCode' | 'city' | 'country' | 'phone' | 'email' | 'notes'>;
type Errors = Partial<Record<keyof Editable | 'form', string>>;

const BLANK: Editable = { name: '', address: '', postalCode: '', city: '', country: '', phone: '', email: '', notes: '' };

function editable(c: Customer | null): Editable {
  if (!c) return BLANK;
  return { name: c.name, address: c.address, postalCode: c.postalCode, city: c.city, country: c.country, phone: c.phone, email: c.email, notes: c.notes };
}

/** A problem about one of the inputs goes next to it; anything else (a conflict, say) above the buttons. */
function fieldOrForm(path: string): keyof Errors {
  const head = path.split('.')[0] ?? '';
  return head in BLANK ? (head as keyof Editable) : 'form';
}

interface CustomerFormProps {
  /** null: a new directory entry. */
  customer: Customer | null;
  readOnly: boolean;
  onSaved(customer: Customer): void;
}

/** Address, contact and notes; checked with the API's own schema, errors next to each field. */
export function CustomerForm({ customer, readOnly, onSaved }: CustomerFormProps) {
  const locale = useLocale();
  const setLeaveGuard = useNavigation((s) => s.setLeaveGuard);
  const [draft, setDraft] = useState<Editable>(() => editable(customer));
  const [errors, setErrors] = useState<Errors>({});
  /** What the Country input shows; the draft holds the code it resolves to. */
  const [countryText, setCountryText] = useState(() => countryName(customer?.country ?? '', locale));
  const dirty = JSON.stringify(draft) !== JSON.stringify(editable(customer));
  useUnsavedChangesGuard(dirty);

  const leavePrompt = useLeavePrompt({ dirty, unsaved: 'This customer has changes that are not saved. Leaving discards them.' });

  const set = (key: keyof Editable, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = customer ? { id: customer.id, expectedUpdatedAt: customer.updatedAt, ...draft } : draft;
    const checked = CustomerInput.safeParse(input);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [fieldOrForm(i.path.map(String).join('.')), i.message])));
      return;
    }
    const result = await orderDesk().customers.save(input);
    if (!result.ok) {
      const issues = result.error.issues ?? [{ field: result.error.field ?? 'form', message: result.error.message }];
      setErrors(Object.fromEntries(issues.map((i) => [fieldOrForm(i.field), i.message])));
      return;
    }
    setErrors({});
    setDraft(editable(result.value.customer));
    setCountryText(countryName(result.value.customer.country, locale));
    // Saved: nothing is left to lose, so the next navigation must not ask.
    setLeaveGuard(null);
    onSaved(result.value.customer);
  }

  const text = (label: string, key: keyof Editable, multiline = false) => (
    <Field label={label} error={errors[key]}>
      {(props) =>
        multiline ? (
          <textarea {...props} rows={key === 'notes' ? 4 : 2} readOnly={readOnly} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input {...props} readOnly={readOnly} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        )
      }
    </Field>
  );

  return (
    <>
      <form className="form customer-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Customer details">
        <fieldset>
          <legend>Address</legend>
          {text('Name', 'name')}
          {text('Address', 'address', true)}
          <div className="customer-form__row">
            {text('Zip code', 'postalCode')}
            {text('City', 'city')}
          </div>
          <Field label="Country" error={errors.country}>
            {(props) => (
              <CountryField
                {...props}
                readOnly={readOnly}
                value={{ code: draft.country, text: countryText }}
                onChange={(v) => {
                  setCountryText(v.text);
                  set('country', v.code);
                }}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Contact</legend>
          {text('Tel.', 'phone')}
          {text('E-mail', 'email')}
        </fieldset>
        <fieldset>
          <legend>Notes</legend>
          {text('Notes', 'notes', true)}
        </fieldset>
        {errors.form ? (
          <p className="banner banner--error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {readOnly ? null : (
          <div className="actions">
            <button type="submit" className="primary" disabled={!dirty}>
              {customer ? 'Save customer' : 'Add customer'}
            </button>
            {dirty ? (
              <button
                type="button"
                onClick={() => {
                  setDraft(editable(customer));
                  setCountryText(countryName(customer?.country ?? '', locale));
                }}
              >
                {customer ? 'Undo changes' : 'Clear'}
              </button>
            ) : null}
          </div>
        )}
      </form>
      {leavePrompt}
    </>
  );
}
