import { useState } from 'react';
import { MonthField } from '../../../components/MonthField';
import { Money } from '../../../components/Money';
import { formatDate } from '../../../../shared/format/dates';
import { formatMonth } from '../../../../shared/format/dates';
import { useLocale } from '../../../state/settings';
import { monthOf } from '../../../../shared/domain/calendar';
import { unitToday, useUnitToday } from '../../../state/business-day';
import type { UninvoicedMonth } from '../../../../shared/contract/invoice-batch';
import { BatchProgress } from './BatchProgress';
import { BatchSummary } from './BatchSummary';
import { SaveBatchPdfs } from './SaveBatchPdfs';
import { plural } from '../../../../shared/domain/plural';
import { useInvoiceBatch } from './useInvoiceBatch';
import { useMailBatch } from './useMailBatch';
import { BatchMailing } from './BatchMailing';
import { documentsToPrint } from './mail-batch-tally';
import { useSettings } from '../../../state/settings';
import './invoice-batch.css';

function thisMonth(): string {
  return monthOf(unitToday());
}

/** How many orders, their totals per currency, and what in Settings would make some fail. */
function MonthOverview({ month, finishedBefore }: { month: UninvoicedMonth; finishedBefore: boolean }) {
  const locale = useLocale();
  const name = formatMonth(month.month, locale);
  if (month.orders.length === 0) {
    return <p className="batch-overview__none">{finishedBefore ? `Every order received in ${name} is now invoiced.` : `No order received in ${name} is waiting for its invoice.`}</p>;
  }
  return (
    <div className="batch-overview">
      <p className="batch-overview__count">
        <strong>{plural(month.orders.length, 'order', 'orders')}</strong> received in {name} {month.orders.length === 1 ? 'is' : 'are'} still to invoice (not invoiced, not cancelled).
      </p>
      <table className="grid batch-overview__totals" aria-label="Orders to invoice per currency">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Orders
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {month.totals.map((t) => (
            <tr key={t.currency}>
              <th scope="row">{t.currency}</th>
              <td className="num">{t.orders}</td>
              <td className="num">
                <Money value={t.total} currency={t.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {month.problems.length > 0 ? (
        <div className="banner banner--warning" role="note">
          <strong>Some of these orders will not be invoiced until Settings are completed:</strong>
          <ul>
            {month.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Every order the batch would issue, in its order; folded away until asked for. */
function OrderList({ month }: { month: UninvoicedMonth }) {
  const locale = useLocale();
  return (
    <details className="batch-overview__orders">
      <summary>Show the {plural(month.orders.length, 'order', 'orders')}</summary>
      <table className="grid" aria-label="Orders to invoice, in the order they will be issued">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Received</th>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {month.orders.map((o) => (
            <tr key={o.id}>
              <td>{o.number}</td>
              <td>{formatDate(o.receivedOn, locale)}</td>
              <td>{o.customerName}</td>
              <td className="num">
                <Money value={o.total} currency={o.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Issue every uninvoiced, not cancelled order of a month, then save all their PDFs. */
export function InvoiceBatchScreen() {
  const locale = useLocale();
  const today = useUnitToday();
  const [month, setMonth] = useState(thisMonth);
  const batch = useInvoiceBatch(month);
  const mailing = useMailBatch();
  const mailServerSet = useSettings((s) => (s.settings?.mail.host ?? '') !== '');
  const [emailToo, setEmailToo] = useState(false);
  const mailingBusy = mailing.phase === 'queuing' || mailing.phase === 'sending' || mailing.phase === 'stopping';
  const busy = batch.phase === 'running' || batch.phase === 'stopping' || mailingBusy;
  const mailed = mailing.allMails;
  const issuedIds = batch.issued.map((e) => e.invoiceId);
  const toPrintIds = new Set(documentsToPrint(issuedIds, mailed));
  // Not sent by any mailing of this visit (never e-mailed, cancelled or refused) and not found without an address: e-mailed again on request.
  const notMailedYet = issuedIds.filter((id) => toPrintIds.has(id) && !mailing.skippedIds.has(id));
  const toPrint = mailing.batch ? batch.issued.filter((e) => toPrintIds.has(e.invoiceId)) : batch.issued;

  const issueAll = async () => {
    const outcome = await batch.start();
    if (emailToo && outcome && outcome.issued.length > 0) await mailing.start(outcome.issued.map((e) => e.invoiceId));
  };
  const data = batch.uninvoiced.data?.month === month ? batch.uninvoiced.data : null;
  const count = data?.orders.length ?? 0;

  return (
    <section className="screen invoice-batch">
      <h1>Issue a month’s invoices</h1>
      <p className="muted invoice-batch__intro">
        Each invoice is dated today ({formatDate(today, locale)}), in its customer’s language, without shipping costs (to add shipping, issue the invoice from its order). An order that cannot
        be invoiced is listed with the reason and the batch goes on with the next; it stops by itself only if Order Desk itself fails.
      </p>
      {/* Disabled as a whole while issuing: the month cannot change under a running batch. */}
      <fieldset className="invoice-batch__month" disabled={busy}>
        <MonthField label="Orders received in" value={month} onChange={setMonth} />
      </fieldset>
      {!month ? <p className="muted">Type a month to see its orders.</p> : null}
      {batch.uninvoiced.error ? <p className="banner banner--error">{batch.uninvoiced.error.message}</p> : null}
      {data && !busy ? <MonthOverview month={data} finishedBefore={batch.issued.length > 0} /> : null}
      {data && !busy && count > 0 ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void issueAll()}>
            {batch.outcome ? `Issue the ${plural(count, 'remaining invoice', 'remaining invoices')}` : `Issue ${plural(count, 'invoice', 'invoices')}`}
          </button>
        </div>
      ) : null}
      {data && !busy && count > 0 ? (
        <div className="field batch-mail-option">
          <label>
            <input type="checkbox" checked={emailToo && mailServerSet} disabled={!mailServerSet} onChange={(e) => setEmailToo(e.target.checked)} /> E-mail those with an address, print the rest
          </label>
          <span className="field__hint">{mailServerSet ? 'After issuing, each invoice whose order has an e-mail address is e-mailed with its PDF; the others are left to print.' : 'Set a mail server in Settings → E-mail to e-mail invoices.'}</span>
        </div>
      ) : null}
      {data && !busy && count > 0 ? <OrderList month={data} /> : null}
      {batch.phase === 'running' || batch.phase === 'stopping' ? <BatchProgress progress={batch.progress} stopping={batch.phase === 'stopping'} onCancel={batch.cancel} /> : null}
      {batch.outcome && !busy ? <BatchSummary outcome={batch.outcome} /> : null}
      <BatchMailing mailing={mailing} />
      {!busy && mailServerSet && notMailedYet.length > 0 ? (
        <div className="actions">
          <button type="button" onClick={() => void mailing.start(notMailedYet)}>
            E-mail {plural(notMailedYet.length, 'invoice', 'invoices')} not sent yet (those with an address)
          </button>
        </div>
      ) : null}
      {toPrint.length > 0 && !busy ? (
        <SaveBatchPdfs month={month} issued={toPrint} {...(toPrint.length !== batch.issued.length ? { intro: `${plural(toPrint.length, 'invoice', 'invoices')} to print (not e-mailed, or their mail failed)` } : {})} />
      ) : null}
      {batch.leavePrompt}
    </section>
  );
}
