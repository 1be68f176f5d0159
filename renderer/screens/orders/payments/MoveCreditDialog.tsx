import { useState } from 'react';
import { ApplyCreditInput, type CreditMoveResult } from '../../../../shared/contract/payments';
import type { Order, OrderSummary } from '../../../../shared/contract/types';
import { unitToday } from '../../../state/business-day';
import { isAllowed } from '../../../../shared/domain/order-rules';
import { compareAmounts, formatMoney, negateAmount } from '../../../../shared/money/money';
import { orderDesk } from '../../../api/client';
import { DialogForm } from '../../../components/DialogForm';
import { Field } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { useActionForm } from '../../../components/useActionForm';
import { useApiRead } from '../../../hooks/useApiRead';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../../shared/format/dates';

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
  // Until the clerk chooses, the target is the first open order and the amount what it can take of the credit.
  const [f, setF] = useState<{ toOrderId: string; amount: string | null; movedOn: string }>({ toOrderId: '', amount: null, movedOn: unitToday() });
  const customerId = order.customerId;
  const read = useApiRead(() => (customerId === null ? null : orderDesk().customers.orders({ id: customerId, limit: 500, offset: 0 })), [customerId]);
  const targets = read.data ? creditTargets(order, read.data.rows) : null;
  const toOrderId = f.toOrderId || String(targets?.[0]?.id ?? '');
  const target = targets?.find((t) => String(t.id) === toOrderId);
  const amount = f.amount ?? (target ? smaller(credit, target.balance) : credit);

  const input = () => ({ fromOrderId: order.id, toOrderId: Number(toOrderId), amount: amount.trim(), movedOn: f.movedOn });
  const save = () => void form.submit(ApplyCreditInput, input(), (i) => orderDesk().payments.applyCredit(i), onDone);
  const none = order.customerId === null || (targets !== null && targets.length === 0);

  return (
    <DialogForm title={`Move the credit on order ${order.number}`} submitLabel="Move credit" saving={form.saving || none} general={form.general ?? read.error?.message ?? null} notice={form.notice} onSubmit={save} onCancel={onCancel}>
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
                value={toOrderId}
                onChange={(e) => {
                  // A new target: the amount is again what that order can take.
                  setF((old) => ({ ...old, toOrderId: e.target.value, amount: null }));
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
                value={amount}
                onChange={(e) => {
                  setF((old) => ({ ...old, amount: e.target.value }));
                  form.setFieldError('amount', null);
                }}
              />
            )}
          </Field>
          <DateField
            label="Date moved"
            name="movedOn"
            error={form.errors.movedOn}
            value={f.movedOn}
            onChange={(movedOn) => {
              setF((old) => ({ ...old, movedOn }));
              form.setFieldError('movedOn', null);
            }}
          />
        </div>
      )}
    </DialogForm>
  );
}
