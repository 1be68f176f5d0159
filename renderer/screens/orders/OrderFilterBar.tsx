import { Field } from '../../components/Field';
import { MonthField } from '../../components/MonthField';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, PAYMENT_STATUSES, PAYMENT_STATUS_LABELS, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, RECEIVED_VIA, RECEIVED_VIA_LABELS } from '../../../shared/domain/vocabulary';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { hasFilters } from '../../components/list/paged-list-store';
import { useOrdersList, type OrderFilters } from './orders-list-store';

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ name, label, choices, error }: { name: Exclude<keyof OrderFilters, 'query' | 'month'>; label: string; choices: Choice[]; error: string | undefined }) {
  const value = useOrdersList((s) => s.filters[name]);
  const setFilter = useOrdersList((s) => s.setFilter);
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

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] => values.map((v) => ({ value: v, label: labels[v] }));

/** Status, payment status, currency, month, received via and payment method; each change reloads page one. */
export function OrderFilterBar({ error, errorField }: { error: string | null; errorField: string | null }) {
  const filters = useOrdersList((s) => s.filters);
  const setFilter = useOrdersList((s) => s.setFilter);
  const clearFilters = useOrdersList((s) => s.clearFilters);
  const errorFor = (field: string) => (errorField === field && error ? error : undefined);
  const anyFilter = hasFilters({ ...filters, query: '' });
  return (
    <div className="orders-filters" role="group" aria-label="Filters">
      <FilterSelect name="status" label="Status" choices={labelled(ORDER_STATUSES, ORDER_STATUS_LABELS)} error={errorFor('status')} />
      <FilterSelect name="paymentStatus" label="Payment status" choices={labelled(PAYMENT_STATUSES, PAYMENT_STATUS_LABELS)} error={errorFor('paymentStatus')} />
      <FilterSelect name="currency" label="Currency" choices={CURRENCY_CODES.map((c) => ({ value: c, label: c }))} error={errorFor('currency')} />
      <MonthField
        label="Month received"
        value={filters.month}
        onChange={(month) => setFilter('month', month)}
        error={errorFor('month')}
        className="orders-filter orders-filter--month"
        hint="e.g. nov 2026 or 11.2026; ↑ ↓ step"
      />
      <FilterSelect name="receivedVia" label="Received via" choices={labelled(RECEIVED_VIA, RECEIVED_VIA_LABELS)} error={errorFor('receivedVia')} />
      <FilterSelect name="paymentMethod" label="Payment method" choices={labelled(PAYMENT_METHODS, PAYMENT_METHOD_LABELS)} error={errorFor('paymentMethod')} />
      {anyFilter ? (
        <button
          type="button"
          className="orders-filters__clear"
          onClick={() => clearFilters({ keepQuery: true })}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
