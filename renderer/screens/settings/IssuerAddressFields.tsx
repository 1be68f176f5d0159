import type { StructuredAddress } from '../../../shared/documents/invoice-document';
import { Field } from '../../components/Field';

interface IssuerAddressFieldsProps {
  value: StructuredAddress;
  errors: Record<string, string>;
  onChange(next: StructuredAddress): void;
}

const PARTS: [keyof StructuredAddress, string, string?][] = [
  ['street', 'Street'],
  ['buildingNumber', 'Building number'],
  ['postalCode', 'Postal code'],
  ['town', 'Town'],
  ['country', 'Country', 'ISO code, such as CH.'],
];

/** The issuer's address in the parts the Swiss QR-bill needs; printed on every invoice. */
export function IssuerAddressFields({ value, errors, onChange }: IssuerAddressFieldsProps) {
  return (
    <>
      {PARTS.map(([key, label, hint]) => (
        <Field key={key} label={label} error={errors[`issuer.address.${key}`]} {...(hint ? { hint } : {})}>
          {(props) => <input {...props} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />}
        </Field>
      ))}
    </>
  );
}
