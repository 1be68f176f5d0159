import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { InvoiceSummary } from '../../../shared/contract/invoices';
import { negateAmount, signOf } from '../../../shared/money/money';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { formatDate } from '../../format/dates';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { INVOICE_PAGE_SIZE, useInvoicesList } from './invoices-list-store';

const COLUMNS: { label: string; numeric?: boolean }[] = [
  { label: 'Number' },
  { label: 'Date' },
  { label: 'Customer' },
  { label: 'Currency' },
  { label: 'Total', numeric: true },
  { label: 'Paid', numeric: true },
  { label: 'Balance', numeric: true },
  { label: 'Status' },
];

/** Paid and balance belong to the invoice that carries the order's money; elsewhere a dash says "not here". */
function carriesBalance(row: InvoiceSummary): boolean {
  return row.kind === 'invoice' && row.status !== 'credited';
}

function Dash() {
  return <span className="muted" aria-label="none">—</span>;
}

function AmountCells({ row }: { row: InvoiceSummary }) {
  const c = row.currency;
  return (
    <>
      <td className="money-cell">
        {/* A credit note takes money off what is owed: its total shows as a minus. */}
        {row.kind === 'credit_note' ? <Money value={negateAmount(row.total, c)} currency={c} /> : <Money value={row.total} currency={c} />}
      </td>
      <td className="money-cell">{carriesBalance(row) ? <Money value={row.paid} currency={c} /> : <Dash />}</td>
      <td className="money-cell">
        {!carriesBalance(row) ? (
          <Dash />
        ) : signOf(row.balance) < 0 ? (
          <span className="invoices-grid__credit">
            <Money value={negateAmount(row.balance, c)} currency={c} /> credit
          </span>
        ) : (
          <Money value={row.balance} currency={c} />
        )}
      </td>
    </>
  );
}

interface InvoicesTableProps {
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * One page of invoices and credit notes, newest first. As on the orders list the selected row
 * is the one keyboard stop: arrows move it, Enter opens the document, Page Up/Down turn pages.
 */
export function InvoicesTable({ bodyRef, searchRef }: InvoicesTableProps) {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const { rows, selected, offset, total } = useInvoicesList();
  const { select, setOffset } = useInvoicesList.getState();
  const moveFocus = useRef(false);

  useEffect(() => {
    const active = document.activeElement;
    const inList = bodyRef.current?.contains(active) ?? false;
    if (moveFocus.current || inList || active === document.body) {
      bodyRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    }
    moveFocus.current = false;
  }, [selected, rows, bodyRef]);

  const open = (id: number) => go({ view: 'invoice', id });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const last = rows.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => (selected < last ? select(selected + 1) : offset + INVOICE_PAGE_SIZE < total && (setOffset(offset + INVOICE_PAGE_SIZE), select(0))),
      ArrowUp: () =>
        selected > 0 ? select(selected - 1) : offset > 0 ? (setOffset(offset - INVOICE_PAGE_SIZE), select(INVOICE_PAGE_SIZE - 1)) : searchRef.current?.focus(),
      PageDown: () => (offset + INVOICE_PAGE_SIZE < total ? setOffset(offset + INVOICE_PAGE_SIZE) : select(last)),
      PageUp: () => (offset > 0 ? setOffset(offset - INVOICE_PAGE_SIZE) : select(0)),
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
      searchRef.current?.focus();
    }
  };

  return (
    <table className="grid orders-grid invoices-grid" id="invoices-table" aria-label="Invoices and credit notes" aria-rowcount={total + 1}>
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
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
            className={`orders-grid__row${row.kind === 'credit_note' ? ' invoices-grid__row--credit-note' : ''}`}
            onClick={() => select(index)}
            onDoubleClick={() => open(row.id)}
            onFocus={() => index !== selected && select(index)}
          >
            <td className="orders-grid__number">
              <AppLink to={{ view: 'invoice', id: row.id }} tabIndex={-1}>
                {row.number}
              </AppLink>
              {row.kind === 'credit_note' && row.invoiceNumber ? <div className="invoices-grid__sub">credits {row.invoiceNumber}</div> : null}
            </td>
            <td className="orders-grid__date">{formatDate(row.issuedOn, locale)}</td>
            <td>
              <bdi className="orders-grid__customer">{row.customerName}</bdi>
              <div className="invoices-grid__sub">Order {row.orderNumber}</div>
            </td>
            <td>{row.currency}</td>
            <AmountCells row={row} />
            <td>
              <InvoiceStatusBadge status={row.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
