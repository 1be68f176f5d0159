import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { LifecycleBadge, PaymentBadge } from '../../components/StatusBadges';
import { BalanceWords } from './payments/PaymentsPanel';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { formatDate } from '../../../shared/format/dates';
import { ListTable, type ListTableRefs } from '../../components/list/ListTable';
import { useOrdersList, type SortField } from './orders-list-store';

const COLUMNS: { field: SortField; label: string; numeric?: boolean }[] = [
  { field: 'number', label: 'Number' },
  { field: 'receivedOn', label: 'Received' },
  { field: 'customerName', label: 'Customer' },
  { field: 'country', label: 'Country' },
  { field: 'currency', label: 'Currency' },
  { field: 'total', label: 'Total', numeric: true },
  { field: 'status', label: 'Status' },
  { field: 'paymentStatus', label: 'Payment' },
  { field: 'balance', label: 'Balance due', numeric: true },
];

function SortHeader({ field, label, numeric }: (typeof COLUMNS)[number]) {
  const sort = useOrdersList((s) => s.sort);
  const direction = useOrdersList((s) => s.direction);
  const sortBy = useOrdersList((s) => s.sortBy);
  const active = sort === field;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(field)}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One page of orders; a cancelled order's row is greyed. */
export function OrdersTable(refs: ListTableRefs) {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  return (
    <ListTable
      {...refs}
      list={useOrdersList}
      id="orders-table"
      label="Orders"
      className="grid orders-grid"
      headerCells={COLUMNS.map((c) => (
        <SortHeader key={c.field} {...c} />
      ))}
      rowClassName={(row) => (row.status === 'cancelled' ? 'orders-grid__row orders-grid__row--cancelled' : 'orders-grid__row')}
      open={(row) => go({ view: 'order', id: row.id })}
      cells={(row) => (
        <>
          <td className="orders-grid__number">
            <AppLink to={{ view: 'order', id: row.id }} tabIndex={-1}>
              {row.number}
            </AppLink>
          </td>
          <td className="orders-grid__date">{formatDate(row.receivedOn, locale)}</td>
          <td>
            <bdi className="orders-grid__customer">{row.customerName}</bdi>
            {row.needsReview ? <span className="tag tag--warn">Needs review</span> : null}
            {row.city ? (
              <div className="orders-grid__city">
                <bdi>{row.city}</bdi>
              </div>
            ) : null}
          </td>
          <td>{countryName(row.country, locale)}</td>
          <td>{row.currency}</td>
          <td className="money-cell">
            <Money value={row.total} currency={row.currency} />
          </td>
          <td>
            <LifecycleBadge status={row.status} />
          </td>
          <td>
            <PaymentBadge status={row.paymentStatus} />
          </td>
          <td className="money-cell">
            <BalanceWords balance={row.balance} currency={row.currency} />
          </td>
        </>
      )}
    />
  );
}
