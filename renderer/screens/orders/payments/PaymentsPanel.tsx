import { useState } from 'react';
import type { OrderRecord } from '../../../../shared/contract/orders';
import type { MoneyMovement, ReminderFee } from '../../../../shared/contract/payments';
import { reminderFeeLabel } from '../../../../shared/domain/reminder-levels';
import { PAYMENT_STATUS_LABELS } from '../../../../shared/domain/vocabulary';
import { formatMoney, negateAmount, signOf } from '../../../../shared/money/money';
import { Money } from '../../../components/Money';
import { useNavigation } from '../../../state/navigation';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../../shared/format/dates';
import { MoveCreditDialog } from './MoveCreditDialog';
import { bankLineWords, movementDetails, movementTitle, noteBesideBankLine } from './movement-text';
import { AppLink } from '../../../components/AppLink';
import { RecordPaymentDialog } from './RecordPaymentDialog';
import { RefundDialog } from './RefundDialog';
import { ReverseDialog } from './ReverseDialog';
import { WriteOffDialog } from './WriteOffDialog';
import { WaiveFeeDialog } from './WaiveFeeDialog';
import './payments.css';

type Dialog = { kind: 'pay' } | { kind: 'refund' } | { kind: 'writeOff' } | { kind: 'credit' } | { kind: 'reverse'; movement: MoneyMovement } | { kind: 'waive'; fee: ReminderFee };

interface Props {
  record: OrderRecord;
  /** After any movement: the screen reloads the order and says what happened. */
  onChanged(notice: string): void;
}

/** A signed change to what is owed: "−20.00" for a payment, "+5.00" for a refund. */
function Effect({ m }: { m: MoneyMovement }) {
  const locale = useLocale();
  const sign = signOf(m.effect);
  const text = formatMoney(sign < 0 ? negateAmount(m.effect, m.currency) : m.effect, m.currency, locale);
  return <span className="money">{sign < 0 ? `−${text}` : `+${text}`}</span>;
}

/** What is owed, or the credit held for the customer: in words, never a bare minus sign. */
export function BalanceWords({ balance, currency }: { balance: string; currency: OrderRecord['order']['currency'] }) {
  const sign = signOf(balance);
  if (sign < 0) {
    return (
      <>
        <Money value={negateAmount(balance, currency)} currency={currency} /> credit for the customer
      </>
    );
  }
  return <Money value={balance} currency={currency} />;
}

function Summary({ record }: { record: OrderRecord }) {
  const { account, order } = record;
  const c = order.currency;
  const rows: [string, string][] = [
    ['Order total', account.total],
    ...(signOf(account.credited) !== 0 ? ([['Credit notes', account.credited]] as [string, string][]) : []),
    // Owed besides the goods once a reminder charged them; shown while any was booked, waived ones included.
    ...(record.reminderFees.length > 0 ? ([['Reminder fees', account.fees]] as [string, string][]) : []),
    ['Paid', account.paid],
    ['Refunded', account.refunded],
    ['Written off', account.writtenOff],
    ['Credit moved in', account.creditIn],
    ['Credit moved out', account.creditOut],
  ];
  const sign = signOf(account.balance);
  return (
    <dl className="payments-summary" aria-label="Account of the order">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <Money value={value} currency={c} />
          </dd>
        </div>
      ))}
      <div className={`payments-summary__balance payments-summary__balance--${sign > 0 ? 'owed' : sign < 0 ? 'credit' : 'settled'}`}>
        <dt>{sign < 0 ? 'Credit held' : 'Balance due'}</dt>
        <dd data-testid="balance">
          <BalanceWords balance={account.balance} currency={c} />
          <span className="muted"> · {PAYMENT_STATUS_LABELS[account.paymentStatus]}</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The fees its payment reminders booked on the order, oldest first: each owed from its reminder's
 * day until paid or waived; a waived one stays listed, struck through, with who waived it and why.
 */
function ReminderFees({ fees, cancelled, onWaive }: { fees: ReminderFee[]; cancelled: boolean; onWaive(fee: ReminderFee): void }) {
  const locale = useLocale();
  return (
    <table className="grid payments-ledger payments-fees" aria-label="Reminder fees, oldest first">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Reminder fee</th>
          <th scope="col">Details</th>
          <th scope="col">Recorded by</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {fees.map((fee) => {
          const label = reminderFeeLabel(fee);
          const amount = formatMoney(fee.amount, fee.currency, locale);
          return (
            <tr key={fee.id} className={fee.waived ? 'payments-ledger__row--reversed' : undefined}>
              <td className="nowrap">{formatDate(fee.chargedOn, locale)}</td>
              <th scope="row">
                {label}
                {fee.waived ? <span className="tag">waived</span> : null}
              </th>
              <td>
                <bdi>{fee.levelName}</bdi>, charged with the reminder; {fee.waived ? 'no longer owed.' : 'owed until paid or waived.'}
                {fee.waived ? (
                  <div>
                    Waived on {formatDate(fee.waived.on, locale)} by <bdi>{fee.waived.by}</bdi>. Reason: <bdi>{fee.waived.reason}</bdi>
                  </div>
                ) : null}
              </td>
              <td>
                <bdi>{fee.recordedBy}</bdi>
              </td>
              <td className="num">
                <span className="money">+{amount}</span>
              </td>
              <td>
                {!fee.waived && !cancelled ? (
                  <button type="button" className="link-button" onClick={() => onWaive(fee)} aria-label={`Waive ${label} of ${amount}`}>
                    Waive…
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The order's money: every movement with who recorded it and the balance after it, what
 * it all adds up to, and the actions the order allows now (by the one rule module).
 */
export function PaymentsPanel({ record, onChanged }: Props) {
  const locale = useLocale();
  const go = useNavigation((s) => s.go);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { order, payments, invoices, allowed, account } = record;
  const close = () => setDialog(null);
  const done = (text: string) => {
    setDialog(null);
    onChanged(text);
  };
  const money = (value: string) => formatMoney(value, order.currency, locale);
  const lastMethod = [...payments].reverse().find((p) => p.kind === 'payment' && p.method)?.method ?? null;

  return (
    <section className="order-section payments-panel" aria-labelledby="order-payments-title">
      <h2 id="order-payments-title">Payments</h2>
      <div className="payments-panel__actions" role="group" aria-label="Money actions">
        {allowed.pay ? (
          <button type="button" onClick={() => setDialog({ kind: 'pay' })}>
            Record payment…
          </button>
        ) : null}
        {allowed.refund ? (
          <button type="button" onClick={() => setDialog({ kind: 'refund' })}>
            Refund…
          </button>
        ) : null}
        {allowed.writeOff ? (
          <button type="button" onClick={() => setDialog({ kind: 'writeOff' })}>
            Write off…
          </button>
        ) : null}
        {allowed.moveCreditOut ? (
          <button type="button" onClick={() => setDialog({ kind: 'credit' })}>
            Move credit…
          </button>
        ) : null}
      </div>
      <Summary record={record} />
      {invoices.length > 0 ? (
        <p className="payments-panel__invoices">
          {invoices.map((inv) => (
            <span key={inv.id}>
              {inv.kind === 'credit_note' ? 'Credit note' : 'Invoice'} {inv.number} of {formatDate(inv.issuedOn, locale)}: <Money value={inv.total} currency={order.currency} />
            </span>
          ))}
        </p>
      ) : null}
      {record.reminderFees.length > 0 ? (
        <ReminderFees fees={record.reminderFees} cancelled={order.status === 'cancelled'} onWaive={(fee) => setDialog({ kind: 'waive', fee })} />
      ) : null}
      {payments.length === 0 ? (
        <p className="muted">No money has moved on this order yet.</p>
      ) : (
        <table className="grid payments-ledger" aria-label="Money movements, oldest first">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Movement</th>
              <th scope="col">Details</th>
              <th scope="col">Recorded by</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Balance after
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payments.map((m) => {
              const undone = m.reversedById !== null;
              return (
                <tr key={m.id} className={undone ? 'payments-ledger__row--reversed' : m.reversesId !== null ? 'payments-ledger__row--reversal' : undefined}>
                  <td className="nowrap">{formatDate(m.on, locale)}</td>
                  <th scope="row">
                    {movementTitle(m)}
                    {undone ? <span className="tag">reversed</span> : null}
                  </th>
                  <td>
                    <bdi>{movementDetails(m, locale).join(', ')}</bdi>
                    {m.bankLine && m.feesOfPaymentId === null ? (
                      <div className="payments-ledger__bank">
                        <AppLink to={{ view: 'bank-line', id: m.bankLine.lineId }} title={`Show the bank line this ${movementTitle(m).toLowerCase()} was made from`}>
                          <bdi>{bankLineWords(m, locale)}</bdi>
                        </AppLink>
                        {' · '}
                        <AppLink to={{ view: 'bank-statement', id: m.bankLine.statementId }}>the whole statement</AppLink>
                      </div>
                    ) : null}
                    {m.counterpartOrderId !== null && m.counterpartOrderNumber ? (
                      <div>
                        {m.kind === 'credit_in' ? 'From order ' : 'To order '}
                        <a
                          href={`#/order/${m.counterpartOrderId}`}
                          onClick={(e) => {
                            e.preventDefault();
                            go({ view: 'order', id: m.counterpartOrderId! });
                          }}
                        >
                          {m.counterpartOrderNumber}
                        </a>
                      </div>
                    ) : null}
                    {m.reason && (m.counterpartOrderId === null || m.reversesId !== null) ? (
                      <div>
                        Reason: <bdi>{m.reason}</bdi>
                      </div>
                    ) : null}
                    {m.note ? (
                      <div className="muted">
                        <bdi>{noteBesideBankLine(m)}</bdi>
                      </div>
                    ) : null}
                    {m.feesOfPaymentId !== null && m.reversesId === null ? (
                      <div className="muted">Written off with its transfer, and reversed with it.</div>
                    ) : null}
                  </td>
                  <td>
                    <bdi>{m.recordedBy}</bdi>
                  </td>
                  <td className="num">
                    <Effect m={m} />
                  </td>
                  <td className="num">{signOf(m.runningBalance) < 0 ? `${money(negateAmount(m.runningBalance, m.currency))} credit` : money(m.runningBalance)}</td>
                  <td>
                    {m.reversesId === null && !undone && m.feesOfPaymentId === null ? (
                      <button type="button" className="link-button" onClick={() => setDialog({ kind: 'reverse', movement: m })} aria-label={`Reverse ${movementTitle(m).toLowerCase()} of ${money(m.amount)} on ${formatDate(m.on, locale)}`}>
                        Reverse…
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'pay' ? (
        <RecordPaymentDialog
          order={order}
          balance={account.balance}
          onCancel={close}
          onDone={(r) => done(`Payment of ${money(r.payment.amount)} recorded.${r.feesWrittenOff ? ` Bank fees of ${money(r.feesWrittenOff.amount)} written off with it.` : ''}`)}
        />
      ) : null}
      {dialog?.kind === 'refund' ? (
        <RefundDialog order={order} balance={account.balance} method={lastMethod} onCancel={close} onDone={(r) => done(`Refund of ${money(r.payment.amount)} recorded.`)} />
      ) : null}
      {dialog?.kind === 'writeOff' ? (
        <WriteOffDialog order={order} balance={account.balance} onCancel={close} onDone={(r) => done(`${money(r.payment.amount)} written off.`)} />
      ) : null}
      {dialog?.kind === 'credit' ? (
        <MoveCreditDialog
          order={order}
          balance={account.balance}
          onCancel={close}
          onDone={(r) => done(`Credit of ${money(r.from.payment.amount)} moved to order ${r.from.payment.counterpartOrderNumber ?? ''}.`)}
        />
      ) : null}
      {dialog?.kind === 'waive' ? (
        <WaiveFeeDialog
          order={order}
          fee={dialog.fee}
          onCancel={close}
          onDone={(r) => done(`${reminderFeeLabel(r.fee)} of ${money(r.fee.amount)} waived.`)}
        />
      ) : null}
      {dialog?.kind === 'reverse' ? (
        <ReverseDialog
          order={order}
          movement={dialog.movement}
          fees={payments.find((p) => p.feesOfPaymentId === dialog.movement.id && p.reversesId === null && p.reversedById === null) ?? null}
          onCancel={close}
          onDone={(r) => done(`${movementTitle(r.payment)} of ${money(r.payment.amount)} recorded.${r.feesWrittenOff ? ` Its bank fees of ${money(r.feesWrittenOff.amount)} reversed with it.` : ''}`)}
        />
      ) : null}
    </section>
  );
}
