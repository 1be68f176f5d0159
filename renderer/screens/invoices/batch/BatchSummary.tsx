import { useEffect, useRef } from 'react';
import { Money } from '../../../components/Money';
import { AppLink } from '../../../components/AppLink';
import type { BatchOutcome } from './batch-runner';
import { plural } from '../../../../shared/domain/plural';
import { numberRange, outcomeHeading } from './batch-words';

/** What the last run did: issued (a contiguous run of numbers), not invoiced with the reason, not started. */
export function BatchSummary({ outcome }: { outcome: BatchOutcome }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The Cancel button is gone: the keyboard continues from the summary.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="batch-summary" aria-labelledby="batch-summary-heading">
      <h2 id="batch-summary-heading" tabIndex={-1} ref={headingRef}>
        {outcomeHeading(outcome)}
      </h2>
      {outcome.stopped?.by === 'error' ? (
        <p className="banner banner--error">
          The batch stopped: {outcome.stopped.message} The order it was on and those after it were not invoiced.
        </p>
      ) : null}
      {outcome.issued.length > 0 ? (
        <>
          <h3>Issued: {plural(outcome.issued.length, 'invoice', 'invoices')}, {numberRange(outcome.issued)}</h3>
          <table className="grid batch-summary__table" aria-label="Invoices issued">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {outcome.issued.map((e) => (
                <tr key={e.invoiceId}>
                  <td>{e.invoiceNumber}</td>
                  <td>
                    <AppLink to={{ view: 'order', id: e.order.id }}>{e.order.number}</AppLink>
                  </td>
                  <td>
                    <bdi>{e.order.customerName}</bdi>
                  </td>
                  <td className="num">
                    <Money value={e.order.total} currency={e.order.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {outcome.failed.length > 0 ? (
        <>
          <h3>Not invoiced: {plural(outcome.failed.length, 'order', 'orders')}</h3>
          <ul className="batch-summary__failed" aria-label="Orders not invoiced">
            {outcome.failed.map((f) => (
              <li key={f.order.id}>
                <AppLink to={{ view: 'order', id: f.order.id }}>{f.order.number}</AppLink> (<bdi>{f.order.customerName}</bdi>): {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outcome.notStarted.length > 0 ? (
        <>
          <h3>Not started: {plural(outcome.notStarted.length, 'order', 'orders')}</h3>
          <p className="muted" aria-label="Orders not started">
            {outcome.notStarted.map((o) => o.number).join(', ')}
          </p>
        </>
      ) : null}
    </section>
  );
}
