import type { CurrencyCode } from '../../../shared/money/currencies';
import { negateAmount } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Money } from '../../components/Money';
import { ReadStatus } from '../../components/ReadStatus';
import { formatDate } from '../../../shared/format/dates';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { InvoiceStatusBadge } from '../invoices/InvoiceStatusBadge';
import { useState } from 'react';
import { MailDialog, type MailDocument } from '../mail/MailDialog';

interface OrderInvoicesProps {
  orderId: number;
  currency: CurrencyCode;
  /** Changes when the order was changed on its screen (an invoice issued, a credit note), to read the list again. */
  version?: unknown;
}

/** The order's invoices and credit notes, oldest first, each a link to the document and its PDF, and E-mail… for each. */
export function OrderInvoices({ orderId, currency, version }: OrderInvoicesProps) {
  const locale = useLocale();
  const read = useApiRead(() => orderDesk().invoices.list({ orderId, limit: 500 }), [orderId, version]);
  const rows = read.data ? [...read.data.rows].reverse() : null;
  const [mailing, setMailing] = useState<MailDocument | null>(null);
  return (
    <section className="order-section" aria-labelledby="order-invoices-title">
      <h2 id="order-invoices-title">Invoices and credit notes</h2>
      {!rows ? (
        <ReadStatus read={read} errorPrefix="The invoices could not be loaded: " />
      ) : rows.length === 0 ? (
        <p className="muted">No invoice issued yet.</p>
      ) : (
        <table className="grid order-invoices">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">E-mail</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <AppLink to={{ view: 'invoice', id: row.id }}>{`${row.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${row.number}`}</AppLink>
                  {row.kind === 'credit_note' && row.invoiceNumber ? <span className="muted"> · credits {row.invoiceNumber}</span> : null}
                </td>
                <td>{formatDate(row.issuedOn, locale)}</td>
                <td className="money-cell">
                  <Money value={row.kind === 'credit_note' ? negateAmount(row.total, currency) : row.total} currency={currency} />
                </td>
                <td>
                  <InvoiceStatusBadge status={row.status} />
                </td>
                <td>
                  <button type="button" aria-label={`E-mail ${row.number}…`} onClick={() => setMailing({ id: row.id, kind: row.kind, number: row.number })}>
                    E-mail…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mailing ? <MailDialog document={mailing} onClose={() => setMailing(null)} /> : null}
    </section>
  );
}
