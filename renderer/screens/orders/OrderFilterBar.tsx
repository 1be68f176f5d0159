import { MonthField } from '../../components/MonthField';
import { FilterBar, FilterSelect, labelled } from '../../components/list/ListFilters';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, PAYMENT_STATUSES, PAYMENT_STATUS_LABELS, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, RECEIVED_VIA, RECEIVED_VIA_LABELS } from '../../../shared/domain/vocabulary';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { useOrdersList } from './orders-list-store';

/** Status, payment status, currency, month, received via and payment method; each change reloads page one. */
export function OrderFilterBar() {
  const month = useOrdersList((s) => s.filters.month);
  const setFilter = useOrdersList((s) => s.setFilter);
  return (
    <FilterBar list={useOrdersList}>
      {(errorFor) => (
        <>
          <FilterSelect list={useOrdersList} name="status" label="Status" choices={labelled(ORDER_STATUSES, ORDER_STATUS_LABELS)} error={errorFor('status')} />
          <FilterSelect list={useOrdersList} name="paymentStatus" label="Payment status" choices={labelled(PAYMENT_STATUSES, PAYMENT_STATUS_LABELS)} error={errorFor('paymentStatus')} />
          <FilterSelect list={useOrdersList} name="currency" label="Currency" choices={CURRENCY_CODES.map((c) => ({ value: c, label: c }))} error={errorFor('currency')} />
          <MonthField
            label="Month received"
            value={month}
            onChange={(value) => setFilter('month', value)}
            error={errorFor('month')}
            className="orders-filter orders-filter--month"
            hint="e.g. nov 2026 or 11.2026; ↑ ↓ step"
          />
          <FilterSelect list={useOrdersList} name="receivedVia" label="Received via" choices={labelled(RECEIVED_VIA, RECEIVED_VIA_LABELS)} error={errorFor('receivedVia')} />
          <FilterSelect list={useOrdersList} name="paymentMethod" label="Payment method" choices={labelled(PAYMENT_METHODS, PAYMENT_METHOD_LABELS)} error={errorFor('paymentMethod')} />
        </>
      )}
    </FilterBar>
  );
}
