import { Field } from '../../components/Field';
import { INVOICE_STATUSES, INVOICE_STATUS_LABELS } from '../../../shared/contract/invoices';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { hasFilters } from '../../components/list/paged-list-store';
import { useInvoicesList, type InvoiceFilters } from './invoices-list-store';
import { useIssueYears } from './useIssueYears';

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ name, label, choices, error }: { name: Exclude<keyof InvoiceFilters, 'query'>; label: string; choices: Choice[]; error: string | undefined }) {
  const value = useInvoicesList((s) => s.filters[name]);
  const setFilter = useInvoicesList((s) => s.setFilter);
  return (
    <Field label={label} error={error} className="orders-filter">
      {(props) => (
        <select {...props} value={value} onChange={(e) => setFilter(name, e.target.value as never)}>
          <option value="">All</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const KINDS: Choice[] = [
  { value: 'invoice', label: 'Invoices' },
  { value: 'credit_note', label: 'Credit notes' },
];

/** Year of issue, kind, status and currency; each change reloads page one. */
export function InvoiceFilterBar({ error, errorField }: { error: string | null; errorField: string | null }) {
  const filters = useInvoicesList((s) => s.filters);
  const clearFilters = useInvoicesList((s) => s.clearFilters);
  const years = useIssueYears();
  const errorFor = (field: string) => (errorField === field && error ? error : undefined);
  const anyFilter = hasFilters({ ...filters, query: '' });
  return (
    <div className="orders-filters" role="group" aria-label="Filters">
      <FilterSelect name="year" label="Year" choices={years.map((y) => ({ value: String(y), label: String(y) }))} error={errorFor('year')} />
      <FilterSelect name="kind" label="Kind" choices={KINDS} error={errorFor('kind')} />
      <FilterSelect name="status" label="Status" choices={INVOICE_STATUSES.map((s) => ({ value: s, label: INVOICE_STATUS_LABELS[s] }))} error={errorFor('status')} />
      <FilterSelect name="currency" label="Currency" choices={CURRENCY_CODES.map((c) => ({ value: c, label: c }))} error={errorFor('currency')} />
      {anyFilter ? (
        <button type="button" className="orders-filters__clear" onClick={() => clearFilters({ keepQuery: true })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
