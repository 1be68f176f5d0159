import { useState } from 'react';
import type { Customer } from '../../../shared/contract/types';
import { countryName, matchCountries, resolveCountry, type CountryOption } from '../../../shared/domain/countries';
import { Combobox } from '../../components/Combobox';
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
export function CustomerBlock({ customer, customerId, errors, onChange, onPickCustomer, onUnlink, onLeaveField }: CustomerBlockProps) {
  const locale = useLocale();
  const [searchIn, setSearchIn] = useState<'name' | 'email' | null>(null);
  const query = searchIn === 'name' ? customer.name : searchIn === 'email' ? customer.email : '';
  const suggestions = useCustomerSuggestions(query);
  const countries = matchCountries(customer.countryText, locale);

  const text = (field: 'address' | 'city' | 'postalCode' | 'phone') => ({
    value: customer[field],
    dir: 'auto' as const,
    'data-field': `customer.${field}`,
    onChange: (e: { target: { value: string } }) => onChange({ [field]: e.target.value }, field),
    onBlur: () => onLeaveField(`customer.${field}`),
  });

  const pickCountry = (option: CountryOption) => onChange({ country: option.code, countryText: option.name }, 'country');
  const customerOptionProps = {
    options: suggestions,
    optionKey: (c: Customer) => String(c.id),
    renderOption: (c: Customer) => <CustomerOption customer={c} locale={locale} />,
    onPick: (c: Customer) => {
      setSearchIn(null);
      onPickCustomer(c);
    },
    listLabel: 'Existing customers',
  };

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
            <Combobox
              {...a}
              dataField="customer.country"
              value={customer.countryText}
              options={countries}
              optionKey={(c) => c.code}
              renderOption={(c) => (
                <span className="suggestion">
                  <span className="suggestion__main">{c.name}</span> <span className="suggestion__meta">{c.code}</span>
                </span>
              )}
              onPick={pickCountry}
              listLabel="Countries"
              onInput={(value) => {
                const exact = resolveCountry(value, locale);
                const isExact = exact !== null && matchCountries(value, locale).length <= 1;
                onChange({ countryText: value, country: isExact ? exact.code : '' }, 'country');
              }}
              onBlur={() => {
                const resolved = customer.country === '' ? resolveCountry(customer.countryText, locale) : null;
                if (resolved) pickCountry(resolved);
                onLeaveField('customer.country');
              }}
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
