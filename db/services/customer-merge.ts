/**
 * Merging two directory entries for the same customer. The kept record receives the
 * other's orders (and with them their payments, which hang off orders); the other is
 * marked merged_into and leaves the directory. Orders keep the customer details as
 * printed on their form. One transaction, audited on both customers and every order.
 */
import { DomainError } from '../../shared/api/errors';
import type { Customer } from '../../shared/contract/types';
import { foldForMatch } from '../../shared/domain/text';
import { timestamp, type WriteContext } from '../context';
import { statement } from '../statements';
import { audit } from './audit';
import { customerSearchKey, getCustomer, getCustomerRow, toCustomer, type CustomerRow } from './customers';

/** The kept record's blanks are filled from the merged one, so no contact detail is lost. */
function combinedDetails(keep: CustomerRow, merge: CustomerRow) {
  const keepHasAddress = keep.address !== '' || keep.city !== '' || keep.postal_code !== '';
  const address = keepHasAddress ? keep : merge;
  const notes = merge.notes === '' ? keep.notes : [keep.notes, `From merged record #${merge.id} (${merge.name}): ${merge.notes}`].filter(Boolean).join('\n\n');
  return {
    name: keep.name,
    country: keep.country,
    address: address.address,
    city: address.city,
    postalCode: address.postal_code,
    phone: keep.phone || merge.phone,
    email: keep.email || merge.email,
    notes,
  };
}

export function mergeCustomers(ctx: WriteContext, input: { keepId: number; mergeId: number }): { customer: Customer; movedOrders: number } {
  const keep = getCustomerRow(ctx, input.keepId);
  const merge = getCustomerRow(ctx, input.mergeId);
  if (keep.merged_into !== null) {
    throw new DomainError('conflict', `${keep.name} was already merged into another record; keep that one instead.`, 'keepId');
  }
  if (merge.merged_into !== null) throw new DomainError('conflict', `${merge.name} was already merged into another record.`, 'mergeId');

  const orderIds = (statement(ctx, 'SELECT id FROM orders WHERE customer_id = ? ORDER BY id').all(merge.id) as { id: number }[]).map((r) => r.id);
  const paymentIds = (
    statement(ctx, 'SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_id = ? ORDER BY p.id').all(merge.id) as { id: number }[]
  ).map((r) => r.id);

  const moveOrder = statement(ctx, 'UPDATE orders SET customer_id = ? WHERE id = ?');
  for (const orderId of orderIds) {
    moveOrder.run(keep.id, orderId);
    audit(ctx, 'order', orderId, 'customer_merged', { customerId: merge.id }, { customerId: keep.id });
  }

  const now = timestamp(ctx);
  const details = combinedDetails(keep, merge);
  statement(
    ctx,
    `UPDATE customers SET address = @address, city = @city, postal_code = @postalCode, phone = @phone, email = @email,
     notes = @notes, name_key = @nameKey, search_key = @searchKey, updated_at = @now WHERE id = @id`,
  ).run({ ...details, nameKey: foldForMatch(details.name), searchKey: customerSearchKey(details), now, id: keep.id });
  // Records merged into the disappearing one earlier now point straight at the kept one.
  statement(ctx, 'UPDATE customers SET merged_into = ? WHERE merged_into = ?').run(keep.id, merge.id);
  statement(ctx, 'UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?').run(keep.id, now, merge.id);

  const after = getCustomer(ctx, keep.id).customer;
  audit(ctx, 'customer', keep.id, 'merge', toCustomer(keep), { ...after, mergedFrom: merge.id, movedOrderIds: orderIds, movedPaymentIds: paymentIds });
  audit(ctx, 'customer', merge.id, 'merged_into', toCustomer(merge), { mergedInto: keep.id, movedOrderIds: orderIds, movedPaymentIds: paymentIds });
  return { customer: after, movedOrders: orderIds.length };
}
