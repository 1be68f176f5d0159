import { FilterBar, FilterSelect, labelled, type Choice } from '../../components/list/ListFilters';
import { INVOICE_STATUSES, INVOICE_STATUS_LABELS } from '../../../shared/contract/invoices';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { useInvoicesList } from './invoices-list-store';
import { useIssueYears } from './useIssueYears';

const KINDS: Choice[] = [
  { value: 'invoice', label: 'Invoices' },
  { value: 'credit_note', label: 'Credit notes' },
];

/** Year of issue, kind, status and currency; each change reloads page one. */
export function InvoiceFilterBar() {
  const years = useIssueYears();
  return (
    <FilterBar list={useInvoicesList}>
      {(errorFor) => (
        <>
          <FilterSelect list={useInvoicesList} name="year" label="Year" choices={years.map((y) => ({ value: String(y), label: String(y) }))} error={errorFor('year')} />
          <FilterSelect list={useInvoicesList} name="kind" label="Kind" choices={KINDS} error={errorFor('kind')} />
          <FilterSelect list={useInvoicesList} name="status" label="Status" choices={labelled(INVOICE_STATUSES, INVOICE_STATUS_LABELS)} error={errorFor('status')} />
          <FilterSelect list={useInvoicesList} name="currency" label="Currency" choices={CURRENCY_CODES.map((c) => ({ value: c, label: c }))} error={errorFor('currency')} />
        </>
      )}
    </FilterBar>
  );
}
