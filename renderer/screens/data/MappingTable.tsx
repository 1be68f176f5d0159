import type { ImportField } from '../../../shared/contract/transfer';

interface MappingTableProps {
  fields: ImportField[];
  headers: string[];
  mapping: Record<string, string>;
  errors: Record<string, string>;
  disabled: boolean;
  onChange(key: string, header: string): void;
}

/** One row per Order Desk field: which column of the file fills it. */
export function MappingTable({ fields, headers, mapping, errors, disabled, onChange }: MappingTableProps) {
  return (
    <fieldset className="mapping">
      <legend>Columns of the file</legend>
      <p className="muted">Order Desk guessed which column holds what. Change any that are wrong; the preview updates.</p>
      <div className="mapping__grid">
        {fields.map((field) => {
          const id = `map-${field.key}`;
          const error = errors[`mapping.${field.key}`];
          return (
            <div key={field.key} className={`field ${error ? 'field--invalid' : ''}`}>
              <label htmlFor={id}>
                {field.label}
                {field.required ? <span aria-hidden="true"> *</span> : null}
              </label>
              <select
                id={id}
                value={mapping[field.key] ?? ''}
                disabled={disabled}
                aria-required={field.required}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : field.hint ? `${id}-hint` : undefined}
                onChange={(e) => onChange(field.key, e.target.value)}
              >
                <option value="">— not imported —</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              {error ? (
                <div className="field__error" id={`${id}-error`} role="alert">
                  {error}
                </div>
              ) : field.hint ? (
                <div className="field__hint" id={`${id}-hint`}>
                  {field.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
