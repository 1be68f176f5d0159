import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { BankAssignInput, type BankAssignResult, type BankLine } from '../../../shared/contract/bank';
import { compareAmounts, formatMoney, isDecimalString, negateAmount, signOf, subtractAmounts, sumAmounts } from '../../../shared/money/money';
import { formatDate } from '../../../shared/format/dates';
import { orderDesk } from '../../api/client';
import { Combobox } from '../../components/Combobox';
import { DateField } from '../../components/DateField';
import { DialogForm } from '../../components/DialogForm';
import { Field } from '../../components/Field';
import { useActionForm } from '../../components/useActionForm';
import { formErrorsOf } from '../../components/api-field-errors';
import { useApiRead } from '../../hooks/useApiRead';
import { unitToday } from '../../state/business-day';
import { useLocale } from '../../state/settings';
import { payerWords } from './bank-words';
import { customerOpenOrders, fromSuggestion, searchCandidates, type OrderCandidate } from './order-candidates';

interface Row {
  candidate: OrderCandidate;
  amount: string;
}

interface Props {
  line: BankLine;
  /** Orders chosen before the dialog opened: the suggestion to split from; none to search first. */
  start: OrderCandidate[];
  /** The write-off proposed with the start (a suggestion's fees). */
  proposedWriteOff?: string | null;
  /** A refusal of the API that sent the clerk here (Enter on a suggestion refused at a field): shown at that field. */
  refusal?: ApiError | null;
  onDone(result: BankAssignResult): void;
  onCancel(): void;
}

function amountOrZero(text: string): string {
  return isDecimalString(text.trim()) ? text.trim() : '0';
}

function smaller(a: string, b: string): string {
  return compareAmounts(a, b) <= 0 ? a : b;
}

/**
 * What is left is given out in order: each order what it owes, the last one the rest, so
 * "one transfer paying three invoices" needs no typing; an amount the clerk typed stays.
 */
function distribute(rows: Row[], total: string, currency: BankLine['currency']): Row[] {
  let left = total;
  return rows.map((row, index) => {
    const last = index === rows.length - 1;
    const owed = signOf(row.candidate.balance) > 0 ? row.candidate.balance : '0.00';
    const amount = last ? left : smaller(owed, signOf(left) > 0 ? left : '0.00');
    left = subtractAmounts(left, amount, currency);
    return { ...row, amount };
  });
}

/**
 * Assigns a bank line by hand: to any order or invoice found by search, or split across
 * several orders of one customer (one transfer paying three invoices), with a bank-fee
 * write-off for what the bank kept. The amounts must add up to what is left of the line.
 */
export function AssignLineDialog({ line, start, proposedWriteOff = null, refusal = null, onDone, onCancel }: Props) {
  const locale = useLocale();
  const money = (value: string) => formatMoney(value, line.currency, locale);
  const [rows, setRows] = useState<Row[]>(() => distribute(start.map((candidate) => ({ candidate, amount: '' })), line.unallocated, line.currency));
  const [typed, setTyped] = useState(false);
  const [search, setSearch] = useState('');
  const closedMonth = line.reviewCode === 'closed_month' || refusal?.field === 'receivedOn';
  const [receivedOn, setReceivedOn] = useState(closedMonth ? unitToday() : line.bookedOn);
  const [writeOff, setWriteOff] = useState<{ on: boolean; orderId: number | null; amount: string | null }>({ on: proposedWriteOff !== null, orderId: null, amount: proposedWriteOff });
  const fieldNames = ['allocations', 'search', 'receivedOn', 'writeOff.amount', 'writeOff.orderId', ...rows.flatMap((_, i) => [`allocations.${i}.amount`, `allocations.${i}.orderId`])];
  const form = useActionForm(fieldNames);

  // The refusal that opened the dialog is said at its field at once.
  useEffect(() => {
    if (!refusal) return;
    const shown = formErrorsOf(refusal, fieldNames);
    form.refuse(shown.fields.receivedOn || Object.keys(shown.fields).length > 0 ? shown.fields : { allocations: refusal.message });
    // Only once, for the refusal the dialog opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusal]);

  const found = useApiRead(() => (search.trim().length < 2 ? null : searchCandidates(search, line.currency)), [search, line.currency], { delayMs: 200 });
  const firstOrder = rows[0]?.candidate.orderId ?? null;
  const family = useApiRead(() => (firstOrder === null ? null : customerOpenOrders(firstOrder, line.currency)), [firstOrder, line.currency]);
  const chosen = (orderId: number) => rows.some((r) => r.candidate.orderId === orderId);
  // The line's other suggestions first (the same payer by name, another invoice it names), then the customer's other open orders.
  const suggested = line.suggestions.map(fromSuggestion).filter((o) => !chosen(o.orderId));
  const others = (family.data?.orders ?? []).filter((o) => !chosen(o.orderId) && !suggested.some((s) => s.orderId === o.orderId));
  const options = search.trim().length < 2 ? [] : (found.data ?? []).filter((o) => !rows.some((r) => r.candidate.orderId === o.orderId));

  const assigned = sumAmounts(rows.map((r) => amountOrZero(r.amount)), line.currency);
  const left = subtractAmounts(line.unallocated, assigned, line.currency);
  // The write-off goes on the order left short (by default the last one), for what it still owes after its share.
  const shortRows = rows.filter((r) => compareAmounts(r.candidate.balance, amountOrZero(r.amount)) > 0);
  const writeOffOrder = writeOff.orderId ?? shortRows.at(-1)?.candidate.orderId ?? rows.at(-1)?.candidate.orderId ?? null;
  const writeOffRow = rows.find((r) => r.candidate.orderId === writeOffOrder);
  const shortfall = writeOffRow ? subtractAmounts(writeOffRow.candidate.balance, amountOrZero(writeOffRow.amount), line.currency) : '0.00';
  const writeOffAmount = writeOff.amount ?? (signOf(shortfall) > 0 ? shortfall : '');

  function add(candidate: OrderCandidate) {
    setSearch('');
    form.setFieldError('allocations', null);
    setRows((old) => {
      const next = [...old, { candidate, amount: '' }];
      if (!typed) return distribute(next, line.unallocated, line.currency);
      return next.map((r, i) => (i === next.length - 1 ? { ...r, amount: signOf(left) > 0 ? smaller(left, signOf(candidate.balance) > 0 ? candidate.balance : left) : '' } : r));
    });
  }

  function remove(index: number) {
    setRows((old) => {
      const next = old.filter((_, i) => i !== index);
      return typed ? next : distribute(next, line.unallocated, line.currency);
    });
  }

  function setAmount(index: number, amount: string) {
    setTyped(true);
    setRows((old) => old.map((r, i) => (i === index ? { ...r, amount } : r)));
    form.setFieldError(`allocations.${index}.amount`, null);
    form.setFieldError('allocations', null);
  }

  const save = (confirmed = false) => {
    const input = {
      lineId: line.id,
      allocations: rows.map((r) => ({ orderId: r.candidate.orderId, amount: r.amount.trim() })),
      ...(writeOff.on && writeOffOrder !== null ? { writeOff: { orderId: writeOffOrder, amount: writeOffAmount.trim() } } : {}),
      ...(receivedOn !== line.bookedOn ? { receivedOn } : {}),
      ...(confirmed ? { confirmed: true } : {}),
    };
    void form.submit(BankAssignInput, input, (i) => orderDesk().bank.assign(i), onDone);
  };

  const debit = line.direction === 'debit';
  return (
    <DialogForm
      title={`${debit ? 'Match the payment out of' : 'Assign'} ${money(line.amount)} from ${payerWords(line)}`}
      submitLabel={rows.length > 1 ? `Record on ${rows.length} orders` : 'Record'}
      saving={form.saving}
      general={form.general}
      notice={form.notice}
      onSubmit={() => save()}
      question={{ asked: form.question, confirmLabel: 'Record anyway', correctLabel: 'Correct the amount', onConfirm: () => save(true), onCorrect: form.correct }}
      onCancel={onCancel}
    >
      <p className="bank-assign__line">
        Booked {formatDate(line.bookedOn, locale)}
        {line.text ? (
          <>
            {' '}
            · <bdi>{line.text}</bdi>
          </>
        ) : null}
        {line.reference ? <> · reference {line.reference}</> : null}
        {line.charges ? <> · the bank reports {money(line.charges)} of charges</> : null}
      </p>
      <Field label={`Find an order or invoice in ${line.currency} (number, name, city, e-mail, title)`} error={form.errors.search}>
        {(a) => (
          <Combobox
            id={a.id}
            aria-invalid={a['aria-invalid']}
            aria-describedby={a['aria-describedby']}
            value={search}
            onInput={(text) => setSearch(text)}
            options={options}
            optionKey={(o) => String(o.orderId)}
            renderOption={(o) => <CandidateText candidate={o} />}
            onPick={add}
            tabTakes={false}
            listLabel="Orders and invoices found"
            autoComplete="off"
            dataField="search"
          />
        )}
      </Field>
      {search.trim().length >= 2 && found.data && options.length === 0 && !found.loading ? <p className="muted">No open order or invoice in {line.currency} matches “{search.trim()}”.</p> : null}
      {rows.length > 0 ? (
        <table className="grid bank-assign__rows" aria-label="Orders this line pays">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col" className="num">
                Owes
              </th>
              <th scope="col" className="num">
                {debit ? 'Refund' : 'Amount'} ({line.currency})
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const error = form.errors[`allocations.${index}.amount`] ?? form.errors[`allocations.${index}.orderId`];
              return (
                <tr key={row.candidate.orderId}>
                  <th scope="row">
                    <CandidateText candidate={row.candidate} />
                  </th>
                  <td className="num">{signOf(row.candidate.balance) < 0 ? `${money(negateAmount(row.candidate.balance, line.currency))} credit` : money(row.candidate.balance)}</td>
                  <td className="num">
                    <input
                      name={`allocations.${index}.amount`}
                      aria-label={`Amount to order ${row.candidate.orderNumber}`}
                      aria-invalid={Boolean(error)}
                      inputMode="decimal"
                      className="num bank-assign__amount"
                      value={row.amount}
                      onChange={(e) => setAmount(index, e.target.value)}
                    />
                    {error ? (
                      <div className="field__error" role="alert">
                        {error}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <button type="button" className="link-button" aria-label={`Remove order ${row.candidate.orderNumber}`} onClick={() => remove(index)}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p className={`bank-assign__left ${signOf(left) !== 0 ? 'bank-assign__left--open' : ''}`} role="status">
        {signOf(left) === 0 ? `All ${money(line.unallocated)} assigned.` : signOf(left) > 0 ? `${money(left)} of ${money(line.unallocated)} left to assign.` : `${money(negateAmount(left, line.currency))} more than the ${money(line.unallocated)} of the line.`}
      </p>
      {form.errors.allocations ? (
        <p className="field__error" role="alert">
          {form.errors.allocations}
        </p>
      ) : null}
      <AddList title="Other suggestions for this line:" candidates={suggested} onAdd={add} />
      <AddList
        title={
          <>
            Other open orders of <bdi>{family.data?.customerName}</bdi> in {line.currency}:
          </>
        }
        candidates={others}
        onAdd={add}
      />
      {!debit && rows.length > 0 ? (
        <div className="bank-assign__fees">
          <label className="checkbox">
            <input type="checkbox" name="writeOffOn" checked={writeOff.on} onChange={(e) => setWriteOff((w) => ({ ...w, on: e.target.checked }))} /> Write off a difference as bank fees
          </label>
          {writeOff.on ? (
            <div className="movement-dialog__grid">
              <Field label="On order" error={form.errors['writeOff.orderId']}>
                {(a) => (
                  <select {...a} name="writeOff.orderId" value={writeOffOrder ?? ''} onChange={(e) => setWriteOff((w) => ({ ...w, orderId: Number(e.target.value), amount: null }))}>
                    {rows.map((r) => (
                      <option key={r.candidate.orderId} value={r.candidate.orderId}>
                        {r.candidate.invoiceNumber ?? r.candidate.orderNumber}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={`Bank fees written off (${line.currency})`} error={form.errors['writeOff.amount']}>
                {(a) => (
                  <input
                    {...a}
                    name="writeOff.amount"
                    inputMode="decimal"
                    className="num"
                    value={writeOffAmount}
                    onChange={(e) => {
                      setWriteOff((w) => ({ ...w, amount: e.target.value }));
                      form.setFieldError('writeOff.amount', null);
                    }}
                  />
                )}
              </Field>
            </div>
          ) : null}
        </div>
      ) : null}
      {closedMonth || form.errors.receivedOn ? (
        <DateField
          label="Date received"
          name="receivedOn"
          hint={`Booked on ${formatDate(line.bookedOn, locale)}, in a closed month: the money is recorded on this date instead.`}
          error={form.errors.receivedOn}
          value={receivedOn}
          onChange={(value) => {
            setReceivedOn(value);
            form.setFieldError('receivedOn', null);
          }}
        />
      ) : null}
    </DialogForm>
  );
}

/** Orders offered with one keystroke each: Tab to one, Enter adds it to the split. */
function AddList({ title, candidates, onAdd }: { title: ReactNode; candidates: OrderCandidate[]; onAdd(candidate: OrderCandidate): void }) {
  const locale = useLocale();
  if (candidates.length === 0) return null;
  return (
    <div className="bank-assign__others">
      <p className="muted">{title}</p>
      <ul>
        {candidates.slice(0, 8).map((o) => (
          <li key={o.orderId}>
            <button type="button" className="link-button" onClick={() => onAdd(o)}>
              Add <CandidateText candidate={o} />, {signOf(o.balance) < 0 ? `${formatMoney(negateAmount(o.balance, o.currency), o.currency, locale)} credit held` : `owes ${formatMoney(o.balance, o.currency, locale)}`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "INV-2026-00017 · order 2026-00012 · Bibliothèque de Genève". */
export function CandidateText({ candidate }: { candidate: OrderCandidate }) {
  return (
    <>
      {candidate.invoiceNumber ? `${candidate.invoiceNumber} · ` : ''}order {candidate.orderNumber} · <bdi>{candidate.customerName}</bdi>
    </>
  );
}
