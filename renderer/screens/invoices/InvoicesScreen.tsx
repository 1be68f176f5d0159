export function InvoicesScreen() {
  return <section className="screen"><h1>Invoices</h1></section>;
}
