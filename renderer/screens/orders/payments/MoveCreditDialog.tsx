import { useEffect, useState } from 'react';
import { ApplyCreditInput, type CreditMoveResult } from '../../../../shared/contract/payments';
import type { Order, OrderSummary } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { isAllowed } from '../../../../shared/domain/order-rules';
import { compareAmounts, formatMoney, negateAmount } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { useActionForm } from '../../../components/useActionForm';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../format/dates';

const FIELDS = ['toOrderId', 'amount', 'movedOn'] as const;

interface Props {
  order: Order;
  /** Negative: the credit held. */
  balance: string;
  onDone(result: CreditMoveResult): void;
  onCancel(): void;
}

/** Orders of the same customer, in the same currency, that still owe something. */
export function creditTargets(order: Order, orders: readonly OrderSummary[]): OrderSummary[] {
  return orders.filter((o) => o.id !== order.id && o.currency === order.currency && isAllowed('receiveCredit', o));
}

function smaller(a: string, b: string): string {
  return compareAmounts(a, b) <= 0 ? a : b;
}

/** Moves a credit held on this order to another open order of the same customer. */
export function MoveCreditDialog({ order, balance, onDone, onCancel }: Props) {
  const locale = useLocale();
  const form = useActionForm(FIELDS);
  const credit = negateAmount(balance, order.currency);
  const [targets, setTargets] = useState<OrderSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [f, setF] = useState({ toOrderId: '', amount: credit, movedOn: unitToday() });

  useEffect(() => {
    if (order.customerId === null) return;
    let current = true;
    void orderDesk()
      .customers.orders({ id: order.customerId, limit: 500, offset: 0 })
      .then((r) => {
        if (!current) return;
        if (!r.ok) return setLoadError(r.error.message);
        const found = creditTargets(order, r.value.rows);
        setTargets(found);
        if (found[0]) setF((old) => ({ ...old, toOrderId: String(found[0]!.id), amount: smaller(credit, found[0]!.balance) }));
      });
    return () => {
      current = false;
    };
  }, [order, credit]);

  const input = () => ({ fromOrderId: order.id, toOrderId: Number(f.toOrderId), amount: f.amount.trim(), movedOn: f.movedOn });
  const save = () => void form.submit(ApplyCreditInput, input(), (i) => orderDesk().payments.applyCredit(i), onDone);
  const none = order.customerId === null || (targets !== null && targets.length === 0);

  return (
    <DialogForm title={`Move the credit on order ${order.number}`} submitLabel="Move credit" saving={form.saving || none} general={form.general ?? loadError} notice={form.notice} onSubmit={save} onCancel={onCancel}>
      <p>
        {formatMoney(credit, order.currency, locale)} is held for <bdi>{order.customer.name}</bdi>. It can go to another of their orders in {order.currency} that still owes something.
      </p>
      {none ? (
        <p className="banner banner--warning">This customer has no other open order in {order.currency} to move the credit to. Record a refund instead.</p>
      ) : (
        <div className="movement-dialog__grid">
          <Field label="To order" error={form.errors.toOrderId}>
            {(a) => (
              <select
                {...a}
                name="toOrderId"
                autoFocus
                value={f.toOrderId}
                onChange={(e) => {
                  const target = targets?.find((t) => String(t.id) === e.target.value);
                  setF((old) => ({ ...old, toOrderId: e.target.value, ...(target ? { amount: smaller(credit, target.balance) } : {}) }));
                  form.setFieldError('toOrderId', null);
                }}
              >
                {(targets ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.number} of {formatDate(t.receivedOn, locale)}: {formatMoney(t.balance, t.currency, locale)} to pay
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`Amount (${order.currency})`} error={form.errors.amount}>
            {(a) => (
              <input
                {...a}
                name="amount"
                inputMode="decimal"
                className="num"
                value={f.amount}
                onChange={(e) => {
                  setF((old) => ({ ...old, amount: e.target.value }));
                  form.setFieldError('amount', null);
                }}
              />
            )}
          </Field>
          <Field label="Date moved" error={form.errors.movedOn}>
            {(a) => (
              <input
                {...a}
                name="movedOn"
                type="date"
                value={f.movedOn}
                onChange={(e) => {
                  setF((old) => ({ ...old, movedOn: e.target.value }));
                  form.setFieldError('movedOn', null);
                }}
              />
            )}
          </Field>
        </div>
      )}
    </DialogForm>
  );
}
