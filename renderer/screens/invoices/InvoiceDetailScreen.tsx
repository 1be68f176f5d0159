import { useEffect, useRef, type ReactNode } from 'react';
import { DOCUMENT_LANGUAGE_LABELS, type Invoice } from '../../../shared/contract/invoices';
import { countryName } from '../../../shared/domain/countries';
import { negateAmount, signOf } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { ReadStatus } from '../../components/ReadStatus';
import { PdfFileActions } from '../../components/pdf/PdfFileActions';
import { PdfViewer } from '../../components/pdf/PdfViewer';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { useApiRead } from '../../hooks/useApiRead';
import { useNavigation } from '../../state/navigation';
import { useLocale } from '../../state/settings';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { documentTitle } from './invoice-words';
import { DocumentMail } from '../mail/DocumentMail';
import './invoices.css';

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="order-facts">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null ? <span className="muted">—</span> : typeof value === 'string' ? <bdi>{value}</bdi> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CustomerPanel({ invoice }: { invoice: Invoice }) {
  const locale = useLocale();
  const c = invoice.document.customer;
  return (
    <section className="order-panel" aria-labelledby="invoice-customer-title">
      <h2 id="invoice-customer-title">Customer</h2>
      {/* The customer block as printed on the document, in the customer's own script. */}
      <address className="invoice-address" dir="auto">
        <strong>
          <bdi>{c.name}</bdi>
        </strong>
        {c.addressLines.map((line, i) => (
          <span key={i}>
            <bdi>{line}</bdi>
          </span>
        ))}
        {c.postalCode || c.city ? (
          <span>
            <bdi>{[c.postalCode, c.city].filter(Boolean).join(' ')}</bdi>
          </span>
        ) : null}
        {c.country ? <span>{countryName(c.country, locale)}</span> : null}
      </address>
    </section>
  );
}

function DocumentPanel({ invoice }: { invoice: Invoice }) {
  const locale = useLocale();
  const creditNote = invoice.kind === 'credit_note';
  return (
    <section className="order-panel" aria-labelledby="invoice-facts-title">
      <h2 id="invoice-facts-title">{creditNote ? 'Credit note' : 'Invoice'}</h2>
      <Facts
        items={[
          ['Issued', formatDate(invoice.issuedOn, locale)],
          ...(invoice.dueOn ? ([['Due', formatDate(invoice.dueOn, locale)]] as [string, ReactNode][]) : []),
          ['Order', <AppLink key="o" to={{ view: 'order', id: invoice.orderId }}>{`Order ${invoice.orderNumber}`}</AppLink>],
          ...(creditNote && invoice.invoiceId !== null
            ? ([['Credits', <AppLink key="i" to={{ view: 'invoice', id: invoice.invoiceId }}>{`Invoice ${invoice.invoiceNumber ?? ''}`}</AppLink>]] as [string, ReactNode][])
            : []),
          ...(creditNote ? ([['Reason', invoice.reason]] as [string, ReactNode][]) : []),
          ['Customer reference', invoice.document.customerReference],
          ['Language', DOCUMENT_LANGUAGE_LABELS[invoice.language]],
          ['Issued by', `${invoice.issuedBy}, ${formatDateTime(invoice.createdAt, locale)}`],
        ]}
      />
    </section>
  );
}

function AmountsPanel({ invoice }: { invoice: Invoice }) {
  const money = (value: string) => <Money value={value} currency={invoice.currency} />;
  const doc = invoice.document;
  const creditNote = invoice.kind === 'credit_note';
  // Only the invoice that carries the order's money has a paid amount and a balance of its own.
  const carriesBalance = !creditNote && invoice.status !== 'credited';
  return (
    <section className="order-panel" aria-labelledby="invoice-amounts-title">
      <h2 id="invoice-amounts-title">Amounts ({invoice.currency})</h2>
      <table className="invoice-amounts">
        <tbody>
          <tr>
            <th scope="row">{creditNote ? 'Books credited' : 'Books'}</th>
            <td>{money(doc.subtotal)}</td>
          </tr>
          {doc.shipping !== null ? (
            <tr>
              <th scope="row">Shipping</th>
              <td>{money(doc.shipping)}</td>
            </tr>
          ) : null}
          <tr className="invoice-amounts__total">
            <th scope="row">{creditNote ? 'Total credited' : 'Total'}</th>
            <td>{money(invoice.total)}</td>
          </tr>
          {!creditNote && invoice.creditNotes.length > 0 ? (
            <tr>
              <th scope="row">Credit notes</th>
              <td>{money(negateAmount(invoice.credited, invoice.currency))}</td>
            </tr>
          ) : null}
          {carriesBalance ? (
            <>
              <tr>
                <th scope="row">Paid</th>
                <td>{money(invoice.paid)}</td>
              </tr>
              <tr className="invoice-amounts__balance">
                <th scope="row">{signOf(invoice.balance) < 0 ? 'Credit held' : 'Balance due'}</th>
                <td data-testid="invoice-balance">{money(signOf(invoice.balance) < 0 ? negateAmount(invoice.balance, invoice.currency) : invoice.balance)}</td>
              </tr>
            </>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

function CreditNotesSection({ invoice }: { invoice: Invoice }) {
  const locale = useLocale();
  if (invoice.kind !== 'invoice' || invoice.creditNotes.length === 0) return null;
  return (
    <section className="order-panel" aria-labelledby="invoice-credit-notes-title">
      <h2 id="invoice-credit-notes-title">Credit notes</h2>
      <ul className="invoice-links">
        {invoice.creditNotes.map((cn) => (
          <li key={cn.id}>
            <AppLink to={{ view: 'invoice', id: cn.id }}>{cn.number}</AppLink>
            <span className="muted"> of {formatDate(cn.issuedOn, locale)}</span>
            <span className="invoice-links__amount">
              <Money value={negateAmount(cn.total, invoice.currency)} currency={invoice.currency} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The stored PDF of one document in the viewer, with Print and Save/Download. */
function StoredPdf({ invoice }: { invoice: Invoice }) {
  const read = useApiRead(() => orderDesk().invoices.pdf({ id: invoice.id }), [invoice.id]);
  const title = documentTitle(invoice);
  if (!read.data) return <ReadStatus read={read} errorPrefix="The PDF could not be loaded: " />;
  const file = read.data;
  return <PdfViewer contentBase64={file.contentBase64} title={title} actions={<PdfFileActions file={file} title={invoice.number} />} />;
}

/** One issued invoice or credit note: what it says, what is still owed on it, its e-mails, and its PDF. */
export function InvoiceDetailScreen({ id }: { id: number }) {
  const go = useNavigation((s) => s.go);
  const read = useApiRead(() => orderDesk().invoices.get({ id }), [id]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const invoice = read.data?.invoice ?? null;

  useEffect(() => {
    if (invoice) requestAnimationFrame(() => headingRef.current?.focus());
  }, [invoice]);

  // Esc goes back to the list, as from an order.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) go({ view: 'invoices' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const back = (
    <AppLink to={{ view: 'invoices' }} aria-keyshortcuts="Escape">
      ← Back to invoices
    </AppLink>
  );
  if (!invoice) {
    return (
      <section className="screen">
        <p>{back}</p>
        <ReadStatus read={read} errorPrefix="The invoice could not be loaded: " />
      </section>
    );
  }

  return (
    <section className="screen invoice-detail">
      <p>{back}</p>
      <div className="order-detail__head">
        <h1 ref={headingRef} tabIndex={-1}>
          {documentTitle(invoice)}
        </h1>
        <InvoiceStatusBadge status={invoice.status} />
        <span className="invoice-detail__customer">
          <bdi>{invoice.customerName}</bdi>
        </span>
      </div>
      <div className="invoice-detail__layout">
        <div className="invoice-detail__facts">
          <CustomerPanel invoice={invoice} />
          <DocumentPanel invoice={invoice} />
          <AmountsPanel invoice={invoice} />
          <DocumentMail key={invoice.id} document={{ id: invoice.id, kind: invoice.kind, number: invoice.number }} />
          <CreditNotesSection invoice={invoice} />
        </div>
        <div className="invoice-detail__pdf">
          <StoredPdf invoice={invoice} />
        </div>
      </div>
    </section>
  );
}
