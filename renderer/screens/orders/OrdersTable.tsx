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

/**
 * Country and Currency give way in a narrow window (orders.css): every amount already names
 * its currency, and the country then follows the city under the customer's name.
 */
const OPTIONAL = 'orders-grid__optional';

const COLUMNS: { field: SortField; label: string; numeric?: boolean; optional?: boolean }[] = [
  { field: 'number', label: 'Number' },
  { field: 'receivedOn', label: 'Received' },
  { field: 'customerName', label: 'Customer' },
  { field: 'country', label: 'Country', optional: true },
  { field: 'currency', label: 'Currency', optional: true },
  { field: 'total', label: 'Total', numeric: true },
  { field: 'status', label: 'Status' },
  { field: 'paymentStatus', label: 'Payment' },
  { field: 'balance', label: 'Balance due', numeric: true },
];

function SortHeader({ field, label, numeric, optional }: (typeof COLUMNS)[number]) {
  const sort = useOrdersList((s) => s.sort);
  const direction = useOrdersList((s) => s.direction);
  const sortBy = useOrdersList((s) => s.sortBy);
  const active = sort === field;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={[numeric ? 'num' : '', optional ? OPTIONAL : ''].filter(Boolean).join(' ') || undefined}>
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
          <td className="orders-grid__customer-cell">
            {/* Cut to the column's width; the whole name shows on hover. */}
            <bdi className="orders-grid__customer" title={row.customerName}>
              {row.customerName}
            </bdi>
            {row.needsReview ? <span className="tag tag--warn">Needs review</span> : null}
            <div className="orders-grid__city" title={[row.city, countryName(row.country, locale)].filter(Boolean).join(', ')}>
              {row.city ? <bdi>{row.city}</bdi> : null}
              <span className="orders-grid__country-inline">
                {row.city ? ', ' : ''}
                {countryName(row.country, locale)}
              </span>
            </div>
          </td>
          <td className={OPTIONAL}>{countryName(row.country, locale)}</td>
          <td className={OPTIONAL}>{row.currency}</td>
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
