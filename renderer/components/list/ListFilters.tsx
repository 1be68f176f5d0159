import type { ReactNode } from 'react';
import { Field } from '../Field';
import { hasFilters, type ListFilters, type PagedListHook } from './paged-list-store';

export interface Choice {
  value: string;
  label: string;
}

export const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] => values.map((v) => ({ value: v, label: labels[v] }));

/** The list's API error, when it names this filter, to show next to it. */
export type FilterError = (field: string) => string | undefined;

interface FilterSelectProps<F extends ListFilters> {
  list: PagedListHook<F, unknown>;
  name: Exclude<keyof F & string, 'query'>;
  label: string;
  choices: Choice[];
  error: string | undefined;
}

/** One filter as a drop-down, with "All" for no filter. */
export function FilterSelect<F extends ListFilters>({ list, name, label, choices, error }: FilterSelectProps<F>) {
  const value = list((s) => s.filters[name]);
  const setFilter = list((s) => s.setFilter);
  return (
    <Field label={label} error={error} className="orders-filter">
      {(props) => (
        <select {...props} value={String(value)} onChange={(e) => setFilter(name, e.target.value as F[typeof name])}>
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

interface FilterBarProps {
  list: PagedListHook<ListFilters, unknown>;
  /** The filters, each told where an API error names it. */
  children(errorFor: FilterError): ReactNode;
}

/** The row of filters, and a way back to none of them that keeps the search text. */
export function FilterBar({ list, children }: FilterBarProps) {
  const filters = list((s) => s.filters);
  const error = list((s) => s.error);
  const errorField = list((s) => s.errorField);
  const clearFilters = list((s) => s.clearFilters);
  const errorFor: FilterError = (field) => (errorField === field && error ? error : undefined);
  return (
    <div className="orders-filters" role="group" aria-label="Filters">
      {children(errorFor)}
      {hasFilters({ ...filters, query: '' }) ? (
        <button type="button" className="orders-filters__clear" onClick={() => clearFilters({ keepQuery: true })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
