import { AppLink } from '../../components/AppLink';

export function InvoicesScreen() {
  return (
    <section className="screen">
      <h1>Invoices</h1>
      <AppLink to={{ view: 'invoice-batch' }}>Issue a month’s invoices…</AppLink>
    </section>
  );
}
