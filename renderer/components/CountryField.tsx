import { useEffect } from 'react';
import type { CountryOption } from '../../shared/domain/countries';
import { matchCountries, resolveCountry } from '../../shared/domain/country-match';
import { useCountryCounts } from '../state/country-counts';
import { useLocale } from '../state/settings';
import { Combobox } from './Combobox';

export interface CountryValue {
  /** ISO alpha-2 code once resolved, '' while the text names no one country. */
  code: string;
  /** What the input shows: the clerk's typing, or the picked country's name. */
  text: string;
}

interface CountryFieldProps {
  /** From <Field>: the id its label points at and the error wiring. */
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  value: CountryValue;
  onChange(value: CountryValue): void;
  /** After the field is left, with the value it ends with. */
  onLeave?(): void;
  /** Enter, after it took the highlighted country: the screen moves on to the next field. */
  onEnter?(): void;
  dataField?: string;
  readOnly?: boolean;
}

function toValue(option: CountryOption): CountryValue {
  return { code: option.code, text: option.name };
}

/**
 * Country type-ahead: names in the clerk's language, and also in English, French, German,
 * Spanish, Italian and the country's own ("Schweiz", "España"). The best match (see
 * shared/domain/country-match.ts; the unit's common countries first among equals) is
 * highlighted and taken by Enter or Tab. There is no free text: a country is a code from the list.
 */
export function CountryField({ value, onChange, onLeave, onEnter, dataField, readOnly, ...field }: CountryFieldProps) {
  const locale = useLocale();
  const counts = useCountryCounts((s) => s.counts);
  const refreshCounts = useCountryCounts((s) => s.refresh);
  useEffect(refreshCounts, [refreshCounts]);
  const matches = (text: string) => matchCountries(text, locale, { counts });
  return (
    <Combobox
      {...field}
      dataField={dataField}
      readOnly={readOnly}
      value={value.text}
      options={matches(value.text)}
      optionKey={(c) => c.code}
      renderOption={(c) => (
        <span className="suggestion">
          <span className="suggestion__main">{c.name}</span>{' '}
          <span className="suggestion__meta">{c.alias ? `${c.alias} · ${c.code}` : c.code}</span>
        </span>
      )}
      onPick={(option) => onChange(toValue(option))}
      listLabel="Countries"
      onInput={(text) => {
        const exact = resolveCountry(text, locale);
        const isExact = exact !== null && matches(text).length <= 1;
        onChange({ text, code: isExact ? exact.code : '' });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && onEnter && !event.shiftKey) {
          event.preventDefault();
          onEnter();
        }
      }}
      onBlur={() => {
        // Left without picking: a text that names one country is that country.
        const resolved = value.code === '' ? resolveCountry(value.text, locale) : null;
        if (resolved) onChange(toValue(resolved));
        onLeave?.();
      }}
    />
  );
}
