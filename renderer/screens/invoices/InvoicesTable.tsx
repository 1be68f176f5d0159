import type { InvoiceSummary } from '../../../shared/contract/invoices';
import { negateAmount, signOf } from '../../../shared/money/money';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { formatDate } from '../../../shared/format/dates';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { ListTable, type ListTableRefs } from '../../components/list/ListTable';
import { useInvoicesList } from './invoices-list-store';

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

/** One page of invoices and credit notes, newest first, with the orders list's keyboard handling. */
export function InvoicesTable(refs: ListTableRefs) {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  return (
    <ListTable
      {...refs}
      list={useInvoicesList}
      id="invoices-table"
      label="Invoices and credit notes"
      className="grid orders-grid invoices-grid"
      headerCells={COLUMNS.map((c) => (
        <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
          {c.label}
        </th>
      ))}
      rowClassName={(row) => `orders-grid__row${row.kind === 'credit_note' ? ' invoices-grid__row--credit-note' : ''}`}
      open={(row) => go({ view: 'invoice', id: row.id })}
      cells={(row) => (
        <>
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
        </>
      )}
    />
  );
}
