import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { LifecycleBadge, PaymentBadge } from '../../components/StatusBadges';
import { BalanceWords } from './payments/PaymentsPanel';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { formatDate } from '../../format/dates';
import { PAGE_SIZE, useOrdersList, type SortField } from './orders-list-store';

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

interface OrdersTableProps {
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * One page of orders. The selected row is the one keyboard stop (roving tabindex):
 * arrows move it, Enter opens the order, Page Up/Down turn pages, Home/End jump.
 */
export function OrdersTable({ bodyRef, searchRef }: OrdersTableProps) {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const { rows, selected, offset, total } = useOrdersList();
  const { select, setOffset } = useOrdersList.getState();
  const moveFocus = useRef(false);

  // After a key moved the selection (possibly onto a new page, whose rows replace the
  // focused one), follow it with the focus; never pull focus out of the search box.
  useEffect(() => {
    const active = document.activeElement;
    const inList = bodyRef.current?.contains(active) ?? false;
    if (moveFocus.current || inList || active === document.body) {
      bodyRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    }
    moveFocus.current = false;
  }, [selected, rows, bodyRef]);

  const open = (id: number) => go({ view: 'order', id });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const last = rows.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => (selected < last ? select(selected + 1) : offset + PAGE_SIZE < total && (setOffset(offset + PAGE_SIZE), select(0))),
      ArrowUp: () => (selected > 0 ? select(selected - 1) : offset > 0 ? (setOffset(offset - PAGE_SIZE), select(PAGE_SIZE - 1)) : searchRef.current?.focus()),
      PageDown: () => (offset + PAGE_SIZE < total ? setOffset(offset + PAGE_SIZE) : select(last)),
      PageUp: () => (offset > 0 ? setOffset(offset - PAGE_SIZE) : select(0)),
      Home: () => select(0),
      End: () => select(last),
      Enter: () => rows[selected] && open(rows[selected].id),
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveFocus.current = true;
      action();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing while in the list goes to the search box, as a clerk would expect.
      searchRef.current?.focus();
    }
  };

  return (
    <table className="grid orders-grid" id="orders-table" aria-label="Orders" aria-rowcount={total + 1}>
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <SortHeader key={c.field} {...c} />
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {rows.map((row, index) => (
          <tr
            key={row.id}
            tabIndex={index === selected ? 0 : -1}
            aria-selected={index === selected}
            aria-rowindex={offset + index + 2}
            className={row.status === 'cancelled' ? 'orders-grid__row orders-grid__row--cancelled' : 'orders-grid__row'}
            onClick={() => select(index)}
            onDoubleClick={() => open(row.id)}
            onFocus={() => index !== selected && select(index)}
          >
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
