import type { MonthlyReport } from '../../../shared/contract/reports';
import { Money } from '../../components/Money';
import { formatDate } from '../../format/dates';
import { useLocale } from '../../state/settings';
import { OrdersPerDayChart } from './OrdersPerDayChart';
import { ReportTable } from './ReportTable';
import { plural } from '../../../shared/domain/plural';
import { channelLabel, methodLabel } from './report-text';

/** Orders received in the period: how they came, how customers meant to pay, per currency, per day, and those cancelled. */
export function OrdersSection({ orders }: { orders: MonthlyReport['orders'] }) {
  const locale = useLocale();
  return (
    <section className="report-section" aria-labelledby="report-orders">
      <h2 id="report-orders">Orders received</h2>
      <p className="report-lead">
        <strong>{plural(orders.count, 'order', 'orders')}</strong> received
        {orders.cancelled.length > 0 ? `, ${plural(orders.cancelled.length, 'order', 'orders')} cancelled in the period` : ''}.
      </p>
      <OrdersPerDayChart perDay={orders.perDay} />
      <div className="report-tables">
        <ReportTable
          caption="Orders by channel"
          columns={[
            { header: 'Channel', cell: (r) => channelLabel(r.key) },
            { header: 'Orders', num: true, cell: (r) => r.count },
          ]}
          rows={orders.byChannel}
          rowKey={(r) => r.key}
          empty="No orders."
        />
        <ReportTable
          caption="Orders by payment method intended"
          columns={[
            { header: 'Payment method', cell: (r) => methodLabel(r.key) },
            { header: 'Orders', num: true, cell: (r) => r.count },
          ]}
          rows={orders.byPaymentMethod}
          rowKey={(r) => r.key}
          empty="No orders."
        />
        <ReportTable
          caption="Orders per currency (amounts without cancelled orders)"
          columns={[
            { header: 'Currency', cell: (r) => r.currency },
            { header: 'Orders', num: true, cell: (r) => r.count },
            { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          ]}
          rows={orders.byCurrency}
          rowKey={(r) => r.currency}
          empty="No orders."
        />
      </div>
      <ReportTable
        caption="Orders cancelled in the period, with their reasons"
        columns={[
          { header: 'Order', cell: (r) => r.orderNumber },
          { header: 'Customer', cell: (r) => <bdi>{r.customerName}</bdi> },
          { header: 'Received', cell: (r) => <span className="nowrap">{formatDate(r.receivedOn, locale)}</span> },
          { header: 'Cancelled', cell: (r) => <span className="nowrap">{formatDate(r.cancelledOn, locale)}</span> },
          { header: 'Amount', num: true, cell: (r) => <Money value={r.amount} currency={r.currency} /> },
          { header: 'Reason', cell: (r) => <bdi className="report-reason">{r.reason}</bdi> },
        ]}
        rows={orders.cancelled}
        rowKey={(r) => String(r.orderId)}
        empty="No order was cancelled in the period."
      />
    </section>
  );
}
