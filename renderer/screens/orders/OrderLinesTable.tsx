import type { Order } from '../../../shared/contract/types';
import { Money } from '../../components/Money';

/** The lines as on the paper form, closed by the amount due. */
export function OrderLinesTable({ order }: { order: Order }) {
  return (
    <table className="grid order-lines" aria-label="Books ordered">
      <thead>
        <tr>
          <th scope="col">Book title</th>
          <th scope="col" className="num">
            Quantity
          </th>
          <th scope="col" className="num">
            Unit price
          </th>
          <th scope="col" className="num">
            Discount
          </th>
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.id}>
            <td>
              <bdi>{line.title}</bdi>
              {line.freeText ? <span className="tag tag--warn">Not in catalogue — to review</span> : null}
            </td>
            <td className="num">{line.quantity}</td>
            <td className="num">
              <Money value={line.unitPrice} currency={order.currency} />
            </td>
            <td className="num">{line.discountPercent ? `${line.discountPercent} %` : '—'}</td>
            <td className="num">
              <Money value={line.lineTotal} currency={order.currency} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Amount due <span className="amount-due-note">(excluding shipping costs and bank transfer fees)</span>
          </th>
          <td className="num" data-testid="amount-due">
            <Money value={order.total} currency={order.currency} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
