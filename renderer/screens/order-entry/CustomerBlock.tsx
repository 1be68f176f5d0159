import { useState } from 'react';
import type { Customer } from '../../../shared/contract/types';
import { countryName } from '../../../shared/domain/countries';
import { Combobox, type FreeTextEntry } from '../../components/Combobox';
import { CountryField } from '../../components/CountryField';
import { Field } from '../../components/Field';
import { useLocale } from '../../state/settings';
import type { CustomerDraft } from './form-model';
import type { FieldErrors } from './validation';
import { useCustomerSuggestions } from './useCustomerSuggestions';

interface CustomerBlockProps {
  customer: CustomerDraft;
  customerId: number | null;
  errors: FieldErrors;
  onChange(patch: Partial<CustomerDraft>, field: keyof CustomerDraft): void;
  onPickCustomer(customer: Customer): void;
  onUnlink(): void;
  onLeaveField(field: string): void;
  focusField(field: string): void;
}

function CustomerOption({ customer, locale }: { customer: Customer; locale: string }) {
  const place = [customer.city, countryName(customer.country, locale)].filter(Boolean).join(', ');
  return (
    <span className="suggestion">
      <bdi className="suggestion__main">{customer.name}</bdi>
      <span className="suggestion__meta">
        {place}
        {customer.email ? <> · <bdi>{customer.email}</bdi></> : null}
      </span>
    </span>
  );
}

/** The customer block of the paper form: Name, Address, Country, City/Zip Code, Tel., E-mail. */
export function CustomerBlock({ customer, customerId, errors, onChange, onPickCustomer, onUnlink, onLeaveField, focusField }: CustomerBlockProps) {
  const locale = useLocale();
  const [searchIn, setSearchIn] = useState<'name' | 'email' | null>(null);
  const query = searchIn === 'name' ? customer.name : searchIn === 'email' ? customer.email : '';
  const suggestions = useCustomerSuggestions(query);

  const text = (field: 'address' | 'city' | 'postalCode' | 'phone') => ({
    value: customer[field],
    dir: 'auto' as const,
    'data-field': `customer.${field}`,
    onChange: (e: { target: { value: string } }) => onChange({ [field]: e.target.value }, field),
    onBlur: () => onLeaveField(`customer.${field}`),
  });

  const customerOptionProps = {
    options: suggestions,
    optionKey: (c: Customer) => String(c.id),
    renderOption: (c: Customer) => <CustomerOption customer={c} locale={locale} />,
    onPick: (c: Customer) => {
      setSearchIn(null);
      onPickCustomer(c);
    },
    listLabel: 'Existing customers',
    // Picking a customer replaces the whole block, so only Enter or a click does it;
    // Tab moves on with what was typed, as for a new customer.
    tabTakes: false,
  };
  const newCustomer = (next: string): FreeTextEntry => ({
    label: (text) => `New customer “${text}”`,
    showAlone: false,
    onChoose: () => {
      setSearchIn(null);
      focusField(next);
    },
  });

  return (
    <fieldset className="customer-block">
      <legend>Customer</legend>
      <div className="customer-grid">
        <Field label="Name" error={errors['customer.name']} className="span-2">
          {(a) => (
            <Combobox
              {...a}
              {...customerOptionProps}
              dataField="customer.name"
              freeText={newCustomer('customer.address')}
              value={customer.name}
              autoComplete="off"
              onInput={(value) => {
                setSearchIn('name');
                onChange({ name: value }, 'name');
              }}
              onBlur={() => onLeaveField('customer.name')}
            />
          )}
        </Field>
        <Field label="Address" error={errors['customer.address']} className="span-2">
          {(a) => <textarea {...a} {...text('address')} rows={2} />}
        </Field>
        <Field label="Country" error={errors['customer.country']}>
          {(a) => (
            <CountryField
              {...a}
              dataField="customer.country"
              value={{ code: customer.country, text: customer.countryText }}
              onChange={(v) => onChange({ country: v.code, countryText: v.text }, 'country')}
              onEnter={() => focusField('customer.city')}
              onLeave={() => onLeaveField('customer.country')}
            />
          )}
        </Field>
        <div className="city-zip">
          <Field label="City" error={errors['customer.city']}>
            {(a) => <input {...a} {...text('city')} />}
          </Field>
          <Field label="Zip code" error={errors['customer.postalCode']} className="zip">
            {(a) => <input {...a} {...text('postalCode')} />}
          </Field>
        </div>
        <Field label="Tel." error={errors['customer.phone']}>
          {(a) => <input {...a} {...text('phone')} type="tel" />}
        </Field>
        <Field label="E-mail" error={errors['customer.email']}>
          {(a) => (
            <Combobox
              {...a}
              {...customerOptionProps}
              dataField="customer.email"
              freeText={newCustomer('currency')}
              value={customer.email}
              inputMode="email"
              onInput={(value) => {
                setSearchIn('email');
                onChange({ email: value }, 'email');
              }}
              onBlur={() => onLeaveField('customer.email')}
            />
          )}
        </Field>
      </div>
      {customerId !== null ? (
        <p className="linked-customer">
          Existing customer no. {customerId}. Changes typed here are kept on this order only.{' '}
          <button type="button" className="link-button" onClick={onUnlink}>
            Not this customer
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
