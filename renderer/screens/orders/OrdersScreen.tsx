import { AppLink } from '../../components/AppLink';
import { ListScreen } from '../../components/list/ListScreen';
import { useNavigation } from '../../state/navigation';
import { OrderFilterBar } from './OrderFilterBar';
import { OrdersTable } from './OrdersTable';
import { useOrdersList } from './orders-list-store';
import './orders.css';

/** All orders: search, filters, sortable columns and paging, all answered by SQL. */
export function OrdersScreen() {
  const go = useNavigation((s) => s.go);
  return (
    <ListScreen
      list={useOrdersList}
      className="screen orders-screen"
      title="Orders"
      action={
        <AppLink className="orders-screen__new" to={{ view: 'new-order' }}>
          New order
        </AppLink>
      }
      search={{
        id: 'orders-search',
        label: 'Search orders',
        hint: 'Order number, customer name, e-mail, city or book title; accents do not matter. ↓ moves into the list, Enter opens, Page Up/Down turn pages.',
        tableId: 'orders-table',
      }}
      filterBar={<OrderFilterBar />}
      count={{ one: 'order', many: 'orders' }}
      noMatchNoun="orders"
      noMatchHint={(query) => (
        <p className="muted">{query ? 'Check the spelling, try fewer words (the start of a name is enough), or clear the filters.' : 'Try fewer filters.'}</p>
      )}
      nothingYet={
        <>
          <p>
            <strong>No orders yet.</strong> Orders keyed in from the paper forms appear here.
          </p>
          <button type="button" className="primary" onClick={() => go({ view: 'new-order' })}>
            Key in the first order
          </button>
        </>
      }
      Table={OrdersTable}
    />
  );
}
