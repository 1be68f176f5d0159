import { AppLink } from '../../components/AppLink';
import { ListScreen } from '../../components/list/ListScreen';
import { InvoiceFilterBar } from './InvoiceFilterBar';
import { InvoicesTable } from './InvoicesTable';
import { useInvoicesList } from './invoices-list-store';
import '../orders/orders.css';
import './invoices.css';

/** Every issued invoice and credit note: search, filters and paging, all answered by SQL. */
export function InvoicesScreen() {
  return (
    <ListScreen
      list={useInvoicesList}
      className="screen orders-screen invoices-screen"
      title="Invoices"
      action={
        <AppLink className="orders-screen__new" to={{ view: 'invoice-batch' }}>
          Issue a month’s invoices…
        </AppLink>
      }
      search={{
        id: 'invoices-search',
        label: 'Search invoices',
        hint: 'Invoice or credit note number, or the order’s number, customer, e-mail, city or a book title. ↓ moves into the list, Enter opens, Page Up/Down turn pages.',
        tableId: 'invoices-table',
      }}
      filterBar={<InvoiceFilterBar />}
      count={{ one: 'document', many: 'documents' }}
      noMatchNoun="invoices"
      nothingYet={
        <p>
          <strong>No invoices yet.</strong> Invoices are issued from an order: open it in <AppLink to={{ view: 'orders' }}>Orders</AppLink>.
        </p>
      }
      Table={InvoicesTable}
    />
  );
}
