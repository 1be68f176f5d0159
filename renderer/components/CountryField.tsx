import { matchCountries, resolveCountry, type CountryOption } from '../../shared/domain/countries';
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
 * Country type-ahead in the clerk's language: the best match is highlighted and taken
 * by Enter or Tab. There is no free text: a country is a code from the list.
 */
export function CountryField({ value, onChange, onLeave, onEnter, dataField, readOnly, ...field }: CountryFieldProps) {
  const locale = useLocale();
  return (
    <Combobox
      {...field}
      dataField={dataField}
      readOnly={readOnly}
      value={value.text}
      options={matchCountries(value.text, locale)}
      optionKey={(c) => c.code}
      renderOption={(c) => (
        <span className="suggestion">
          <span className="suggestion__main">{c.name}</span> <span className="suggestion__meta">{c.code}</span>
        </span>
      )}
      onPick={(option) => onChange(toValue(option))}
      listLabel="Countries"
      onInput={(text) => {
        const exact = resolveCountry(text, locale);
        const isExact = exact !== null && matchCountries(text, locale).length <= 1;
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
