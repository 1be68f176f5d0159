import { useEffect } from 'react';
import { useNavigation, type View } from './state/navigation';
import { useSettings } from './state/settings';
import { useSession } from './state/session';
import { WhoIsWorkingDialog } from './session/WhoIsWorkingDialog';
import { CatalogueScreen } from './screens/catalogue/CatalogueScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { AppLink } from './components/AppLink';
import { OrdersScreen } from './screens/orders/OrdersScreen';
import { OrderDetailScreen } from './screens/orders/OrderDetailScreen';
import { OrderEntryScreen } from './screens/order-entry/OrderEntryScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { CustomerDetailScreen } from './screens/customers/CustomerDetailScreen';
import { DataScreen } from './screens/data/DataScreen';
import { HomeScreen } from './screens/home/HomeScreen';
import { InvoicesScreen } from './screens/invoices/InvoicesScreen';
import { InvoiceDetailScreen } from './screens/invoices/InvoiceDetailScreen';
import { InvoiceBatchScreen } from './screens/invoices/batch/InvoiceBatchScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { RemindersScreen } from './screens/reminders/RemindersScreen';
import { BankScreen } from './screens/bank/BankScreen';

const NAV: { view: View; label: string; key: string }[] = [
  { view: 'home', label: 'Home', key: '0' },
  { view: 'orders', label: 'Orders', key: '1' },
  { view: 'new-order', label: 'New order', key: '2' },
  // Beside the orders it comes from; Alt+8 because the digits before were taken.
  { view: 'invoices', label: 'Invoices', key: '8' },
  // Beside the invoices they follow up; the last free digit.
  { view: 'reminders', label: 'Reminders', key: '9' },
  // Where the money those invoices and reminders ask for arrives; B for Bank, no digit being left.
  { view: 'bank', label: 'Bank', key: 'B' },
  { view: 'catalogue', label: 'Catalogue', key: '3' },
  { view: 'customers', label: 'Customers', key: '4' },
  { view: 'reports', label: 'Reports', key: '5' },
  { view: 'data', label: 'Data', key: '6' },
  { view: 'settings', label: 'Settings', key: '7' },
];

/** The nav entry a record view belongs to. */
const RECORD_VIEW_AREA: Partial<Record<View, View>> = { order: 'orders', 'edit-order': 'new-order', customer: 'customers', invoice: 'invoices', 'invoice-batch': 'invoices', 'bank-statement': 'bank', 'bank-line': 'bank' };

function Screen() {
  const route = useNavigation((s) => s.route);
  switch (route.view) {
    case 'home':
      return <HomeScreen />;
    case 'catalogue':
      return <CatalogueScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'order':
      return <OrderDetailScreen key={route.id} id={route.id!} />;
    case 'new-order':
      return <OrderEntryScreen />;
    case 'edit-order':
      return <OrderEntryScreen key={route.id} id={route.id} />;
    case 'customers':
      return <CustomersScreen />;
    case 'customer':
      return <CustomerDetailScreen key={route.id} id={route.id!} />;
    case 'data':
      return <DataScreen />;
    case 'invoices':
      return <InvoicesScreen />;
    case 'invoice':
      return <InvoiceDetailScreen key={route.id} id={route.id!} />;
    case 'invoice-batch':
      return <InvoiceBatchScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'reminders':
      return <RemindersScreen />;
    case 'bank':
      return <BankScreen />;
    case 'bank-statement':
      return <BankScreen key={`statement-${route.id}`} statementId={route.id!} />;
    case 'bank-line':
      return <BankScreen key={`line-${route.id}`} lineId={route.id!} />;
  }
}

/** The screens once the app knows who is working; until then only the question (or nothing, for the instant it loads). */
function SessionGate() {
  const info = useSession((s) => s.info);
  const loadError = useSession((s) => s.loadError);
  const load = useSession((s) => s.load);
  const staff = useSettings((s) => s.settings?.staff ?? (s.loadError ? [] : undefined));
  // The screens fill in today's date in the unit's time zone, which comes with the settings.
  const settingsRead = staff !== undefined;

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <p className="banner banner--error">{loadError.message}</p>;
  if (!info || !settingsRead) return null;
  if (info.askUser) return <WhoIsWorkingDialog staff={staff} />;
  return <Screen />;
}

export function App() {
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const load = useSettings((s) => s.load);
  const loadError = useSettings((s) => s.loadError);

  const user = useSession((s) => (s.info && !s.info.askUser ? s.info.user : null));

  useEffect(() => {
    void load();
  }, [load]);

  // Alt+0…9 and Alt+B jump between areas from anywhere, without the mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // A letter by its key too: on a Mac, Option+B types "∫".
      const target = NAV.find((n) => n.key === e.key || n.key.toLowerCase() === e.key.toLowerCase() || e.code === `Key${n.key}`);
      if (target) {
        e.preventDefault();
        go({ view: target.view });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const current = RECORD_VIEW_AREA[route.view] ?? route.view;
  return (
    <div className="app">
      <nav className="app__nav" aria-label="Main">
        <div className="brand">Order Desk</div>
        <ul>
          {NAV.map((n) => (
            <li key={n.view}>
              <AppLink to={{ view: n.view }} aria-current={current === n.view ? 'page' : undefined} aria-keyshortcuts={`Alt+${n.key}`}>
                {n.label}
                <kbd>Alt+{n.key}</kbd>
              </AppLink>
            </li>
          ))}
        </ul>
        {user ? (
          <p className="app__user">
            Working as <strong>{user}</strong>
          </p>
        ) : null}
      </nav>
      <main className="app__main">
        {loadError ? <p className="banner banner--error">{loadError.message}</p> : null}
        <SessionGate />
      </main>
    </div>
  );
}
