import type { Ref } from 'react';
import type { BankLine, BankSuggestion } from '../../../shared/contract/bank';
import { MOVEMENT_KIND_LABELS } from '../../../shared/domain/vocabulary';
import { formatIban } from '../../../shared/domain/bank-accounts';
import { compareAmounts, formatMoney, negateAmount, signOf } from '../../../shared/money/money';
import { formatDate } from '../../../shared/format/dates';
import { AppLink } from '../../components/AppLink';
import { useLocale } from '../../state/settings';
import { LINE_STATUS_WORDS, REVIEW_CODE_WORDS, payerWords, referenceWords } from './bank-words';

export interface LineActions {
  take(line: BankLine, suggestion: BankSuggestion): void;
  find(line: BankLine): void;
  split(line: BankLine, suggestion: BankSuggestion | null): void;
  setAside(line: BankLine): void;
}

interface Props {
  line: BankLine;
  /** Which of its stops has the keyboard: a suggestion's index, 'line' for the line itself, or null (another line's). */
  active: number | 'line' | null;
  /** Registers a stop's element, so the list can move the keyboard to it. */
  stopRef(key: string): Ref<HTMLElement>;
  busy: boolean;
  actions: LineActions;
}

function Suggestion({ line, s, index, active, stopRef, busy, onTake }: { line: BankLine; s: BankSuggestion; index: number; active: boolean; stopRef: Props['stopRef']; busy: boolean; onTake(): void }) {
  const locale = useLocale();
  const money = (value: string) => formatMoney(value, s.currency, locale);
  const owes = signOf(s.balance) < 0 ? `${money(negateAmount(s.balance, s.currency))} credit held` : `owes ${money(s.balance)}`;
  const what = s.invoiceNumber ? `${s.invoiceNumber} · order ${s.orderNumber}` : `order ${s.orderNumber}`;
  const verb = line.direction === 'debit' ? 'Refund' : 'Record';
  return (
    <li>
      <button
        type="button"
        ref={stopRef(`${line.id}:${index}`) as Ref<HTMLButtonElement>}
        className={`bank-suggestion ${active ? 'bank-suggestion--active' : ''}`}
        tabIndex={active ? 0 : -1}
        disabled={busy}
        aria-label={`${verb} ${money(line.unallocated)} on ${what}, ${s.customerName}, ${owes}${s.writeOff ? `, with ${money(s.writeOff)} bank fees written off` : ''}. Suggested because: ${s.why}`}
        onClick={onTake}
      >
        <span className="bank-suggestion__what">
          {what} · <bdi>{s.customerName}</bdi>
        </span>
        <span className="bank-suggestion__owes">{owes}</span>
        <span className="bank-suggestion__why">{s.why}</span>
        {s.writeOff ? <span className="bank-suggestion__fees">+ {money(s.writeOff)} bank fees written off</span> : null}
        {active ? <kbd className="bank-suggestion__key">Enter</kbd> : null}
      </button>
    </li>
  );
}

function Allocations({ line }: { line: BankLine }) {
  const locale = useLocale();
  const shown = line.allocations.filter((a) => !a.reversed);
  if (shown.length === 0) return null;
  return (
    <ul className="bank-line__allocations" aria-label="What this line became">
      {shown.map((a) => (
        <li key={a.paymentId}>
          {MOVEMENT_KIND_LABELS[a.kind]} of {formatMoney(a.amount, line.currency, locale)} on{' '}
          <AppLink to={{ view: 'order', id: a.orderId }}>order {a.orderNumber}</AppLink>
          {a.invoiceNumber ? ` (${a.invoiceNumber})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** One booking of the bank: who, when, how much, what the payer wrote, and what it became or why it waits. */
export function BankLineItem({ line, active, stopRef, busy, actions }: Props) {
  const locale = useLocale();
  const money = (value: string) => formatMoney(value, line.currency, locale);
  const review = line.status === 'to_review';
  const canAct = review && line.undetailedBatch === null;
  const current = active !== null;
  const headId = `bank-line-${line.id}`;
  const details = [
    referenceWords(line),
    line.charges ? `charges ${money(line.charges)}` : '',
    line.counterparty.iban ? `from ${formatIban(line.counterparty.iban)}` : '',
    line.counterparty.address,
  ].filter(Boolean);
  const partly = compareAmounts(line.unallocated, line.amount) !== 0 && review;
  return (
    <li className={`bank-line bank-line--${line.status} ${current ? 'bank-line--current' : ''}`} aria-labelledby={headId}>
      <div
        className="bank-line__head"
        id={headId}
        ref={line.suggestions.length === 0 ? (stopRef(`${line.id}:line`) as Ref<HTMLDivElement>) : undefined}
        tabIndex={line.suggestions.length === 0 ? (active === 'line' ? 0 : -1) : undefined}
        aria-label={line.suggestions.length === 0 ? `${payerWords(line)}, ${line.direction === 'debit' ? 'paid out' : 'received'} ${money(line.amount)}, booked ${formatDate(line.bookedOn, locale)}, ${LINE_STATUS_WORDS[line.status].toLowerCase()}` : undefined}
      >
        <span className="bank-line__payer">
          <bdi>{payerWords(line)}</bdi>
        </span>
        <span className="bank-line__date">{formatDate(line.bookedOn, locale)}</span>
        <span className={`bank-line__amount ${line.direction === 'debit' ? 'bank-line__amount--out' : ''}`}>
          {line.direction === 'debit' ? '−' : ''}
          {money(line.amount)}
        </span>
      </div>
      {line.text ? (
        <p className="bank-line__text">
          <bdi>{line.text}</bdi>
        </p>
      ) : null}
      {details.length > 0 ? <p className="bank-line__details">{details.join(' · ')}</p> : null}
      {review && line.reviewCode ? (
        <p className="bank-line__reason">
          <strong>{REVIEW_CODE_WORDS[line.reviewCode]}.</strong> {line.reviewReason}
        </p>
      ) : null}
      {partly ? <p className="bank-line__reason">{money(line.unallocated)} of it is still to assign.</p> : null}
      {line.status === 'set_aside' ? (
        <p className="bank-line__reason">
          <strong>Set aside:</strong> <bdi>{line.setAsideReason}</bdi>
        </p>
      ) : null}
      {line.status === 'recorded' ? <p className="bank-line__reason">{line.recordedHow === 'automatic' ? 'Recorded automatically by its reference:' : 'Recorded by hand:'}</p> : null}
      <Allocations line={line} />
      {line.suggestions.length > 0 ? (
        <ol className="bank-line__suggestions" aria-label={`Suggestions for the line from ${payerWords(line)}, best first`}>
          {line.suggestions.map((s, i) => (
            <Suggestion key={s.orderId} line={line} s={s} index={i} active={active === i} stopRef={stopRef} busy={busy} onTake={() => actions.take(line, s)} />
          ))}
        </ol>
      ) : canAct ? (
        <p className="muted bank-line__none">No suggestion: find the order or invoice, or set the line aside.</p>
      ) : null}
      {canAct ? (
        <div className="bank-line__actions" role="group" aria-label={`Actions for the line from ${payerWords(line)}`}>
          <button type="button" tabIndex={current ? 0 : -1} disabled={busy} aria-keyshortcuts="F" onClick={() => actions.find(line)}>
            Find order… <kbd>F</kbd>
          </button>
          <button type="button" tabIndex={current ? 0 : -1} disabled={busy} aria-keyshortcuts="S" onClick={() => actions.split(line, typeof active === 'number' ? (line.suggestions[active] ?? null) : (line.suggestions[0] ?? null))}>
            Split… <kbd>S</kbd>
          </button>
          <button type="button" tabIndex={current ? 0 : -1} disabled={busy} aria-keyshortcuts="A" onClick={() => actions.setAside(line)}>
            Set aside… <kbd>A</kbd>
          </button>
        </div>
      ) : null}
    </li>
  );
}
