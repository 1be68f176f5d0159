import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { BankAssignResult, BankLine, BankLineStatus, BankSuggestion } from '../../../shared/contract/bank';
import { orderDesk } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Field } from '../../components/Field';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { useLocale } from '../../state/settings';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/money/money';
import { AssignLineDialog } from './AssignLineDialog';
import { BankLinesList } from './BankLinesList';
import { SetAsideDialog } from './SetAsideDialog';
import { StatementImport } from './StatementImport';
import { StatementsTable } from './StatementsTable';
import { assignedText, countsText, payerWords } from './bank-words';
import { fromSuggestion, type OrderCandidate } from './order-candidates';
import type { ApiError } from '../../../shared/api/errors';
import './bank.css';

type StatusFilter = BankLineStatus | 'all';
const FILTERS: { value: StatusFilter; label: string; list: string }[] = [
  { value: 'to_review', label: 'Lines to review', list: 'Lines to review, oldest first' },
  { value: 'recorded', label: 'Lines recorded', list: 'Lines recorded, newest first' },
  { value: 'set_aside', label: 'Lines set aside', list: 'Lines set aside, newest first' },
  { value: 'all', label: 'All lines', list: 'All lines, newest first' },
];
const PAGE = 25;

type Dialog =
  | { kind: 'assign'; line: BankLine; start: OrderCandidate[]; proposedWriteOff: string | null; refusal: ApiError | null }
  | { kind: 'aside'; line: BankLine };

interface Props {
  /** Only this statement's lines (#/bank-statement/ID). */
  statementId?: number;
  /** Only this line (#/bank-line/ID: a payment's link to where it came from). */
  lineId?: number;
}

/**
 * The bank's files and what became of their lines: import a camt.053 or camt.054 (payments
 * with a certain reference are recorded by themselves), then work down the lines that need a
 * person, keyboard first.
 */
export function BankScreen({ statementId, lineId }: Props) {
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<StatusFilter>(statementId || lineId ? 'all' : 'to_review');
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busyLineId, setBusyLineId] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ index: number; seq: number } | null>(null);

  const statements = useApiRead(() => orderDesk().bank.statements({}), []);
  const lines = useApiRead(
    () =>
      orderDesk().bank.lines({
        ...(status === 'all' ? {} : { status }),
        ...(statementId ? { statementId } : {}),
        ...(lineId ? { lineId } : {}),
        offset,
        limit: PAGE,
      }),
    [status, statementId, lineId, offset],
  );

  useEffect(() => heading.current?.focus(), []);

  // Once the list is read again after a line was dealt with, the keyboard goes to the line now in its place.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null || !lines.data) return;
    const index = pendingFocus.current;
    pendingFocus.current = null;
    if (lines.data.rows.length === 0) heading.current?.focus();
    else setFocusRequest({ index, seq: Date.now() });
  }, [lines.data]);

  const rows = lines.data?.rows ?? [];
  const statement = statements.data?.statements.find((s) => s.id === (statementId ?? rows[0]?.statementId));
  const filter = FILTERS.find((f) => f.value === status)!;

  /** After a line was dealt with: say what happened, read the list again, keep the keyboard where the line was. */
  function dealtWith(line: BankLine, text: ReactNode) {
    const index = rows.findIndex((r) => r.id === line.id);
    setDialog(null);
    setNotice(text);
    pendingFocus.current = Math.max(index, 0);
    lines.reload();
  }

  function assigned(line: BankLine, result: BankAssignResult) {
    const orders = [...new Map(result.line.allocations.filter((a) => !a.reversed).map((a) => [a.orderId, a])).values()];
    dealtWith(
      line,
      <>
        {assignedText(result.line, result.movements, locale)}{' '}
        {orders.map((a, i) => (
          <span key={a.orderId}>
            {i > 0 ? ' · ' : ''}
            <AppLink to={{ view: 'order', id: a.orderId }}>Open order {a.orderNumber}</AppLink>
          </span>
        ))}
      </>,
    );
  }

  const actions = {
    async take(line: BankLine, s: BankSuggestion) {
      setBusyLineId(line.id);
      const result = await orderDesk().bank.assign({
        lineId: line.id,
        allocations: [{ orderId: s.orderId, amount: line.unallocated }],
        ...(s.writeOff ? { writeOff: { orderId: s.orderId, amount: s.writeOff } } : {}),
      });
      setBusyLineId(null);
      if (result.ok) assigned(line, result.value);
      // Refused (a closed month, an amount far over what is owed…): the same choice in the dialog, the reason at its field.
      else setDialog({ kind: 'assign', line, start: [fromSuggestion(s)], proposedWriteOff: s.writeOff, refusal: result.error });
    },
    find(line: BankLine) {
      setDialog({ kind: 'assign', line, start: [], proposedWriteOff: null, refusal: null });
    },
    split(line: BankLine, s: BankSuggestion | null) {
      setDialog({ kind: 'assign', line, start: s ? [fromSuggestion(s)] : [], proposedWriteOff: null, refusal: null });
    },
    setAside(line: BankLine) {
      setDialog({ kind: 'aside', line });
    },
  };

  return (
    <section className="screen bank">
      <h1 ref={heading} tabIndex={-1}>
        Bank
      </h1>
      <StatementImport
        offerSample={statements.data?.statements.length === 0}
        onImported={() => {
          setNotice(null);
          statements.reload();
          setOffset(0);
          lines.reload();
        }}
      />
      <section aria-labelledby="bank-statements-title">
        <h2 id="bank-statements-title">Statements imported</h2>
        <ReadStatus read={statements} errorPrefix="The statements could not be read: " />
        {statements.data ? <StatementsTable statements={statements.data.statements} current={statementId ?? null} /> : null}
      </section>
      <section aria-labelledby="bank-lines-title" className="bank-lines-section">
        <div className="bank-lines-bar">
          <h2 id="bank-lines-title">{lineId ? 'One bank line' : statementId && statement ? `Lines of ${statement.fileName}` : 'Bank lines'}</h2>
          {!lineId ? (
            <Field label="Show" className="bank-lines-bar__filter">
              {(a) => (
                <select
                  {...a}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.target.value as StatusFilter);
                    setOffset(0);
                    setNotice(null);
                  }}
                >
                  {FILTERS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {statementId || lineId ? (
            <p className="bank-lines-bar__scope">
              {lineId && rows[0] ? (
                <>
                  From <bdi>{rows[0].fileName}</bdi>, booked {formatDate(rows[0].bookedOn, locale)} ·{' '}
                  <AppLink to={{ view: 'bank-statement', id: rows[0].statementId }}>Every line of that statement</AppLink> ·{' '}
                </>
              ) : null}
              <AppLink to={{ view: 'bank' }}>Lines to review of every statement</AppLink>
            </p>
          ) : null}
        </div>
        {lines.data ? <p className="bank-lines-counts">{countsText(lines.data.counts)}{statementId ? ' in this statement' : ''}.</p> : null}
        <p role="status" className="status bank-notice">
          {notice}
        </p>
        <ReadStatus read={lines} errorPrefix="The bank lines could not be read: " />
        {lines.data && rows.length === 0 ? (
          <p className="muted">{status === 'to_review' ? 'No line waits for review.' : 'No line to show.'}</p>
        ) : null}
        {rows.length > 0 ? (
          <>
            {rows.some((r) => r.status === 'to_review') ? (
              <p className="bank-keys muted">
                <kbd>↑</kbd> <kbd>↓</kbd> suggestions · <kbd>Enter</kbd> take the highlighted one · <kbd>F</kbd> find an order or invoice · <kbd>S</kbd> split · <kbd>A</kbd> set aside
              </p>
            ) : null}
            <BankLinesList rows={rows} label={filter.list} busyLineId={busyLineId} actions={actions} focusRequest={focusRequest} />
          </>
        ) : null}
        {lines.data && lines.data.total > PAGE ? (
          <nav className="bank-pager" aria-label="Pages of lines">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(offset - PAGE, 0))}>
              Previous
            </button>
            <span>
              Lines {offset + 1}–{Math.min(offset + PAGE, lines.data.total)} of {lines.data.total}
            </span>
            <button type="button" disabled={offset + PAGE >= lines.data.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </nav>
        ) : null}
      </section>
      {dialog?.kind === 'assign' ? (
        <AssignLineDialog
          line={dialog.line}
          start={dialog.start}
          proposedWriteOff={dialog.proposedWriteOff}
          refusal={dialog.refusal}
          onCancel={() => setDialog(null)}
          onDone={(result) => assigned(dialog.line, result)}
        />
      ) : null}
      {dialog?.kind === 'aside' ? (
        <SetAsideDialog
          line={dialog.line}
          onCancel={() => setDialog(null)}
          onDone={(line) => dealtWith(line, `${payerWords(line)}, ${formatMoney(line.amount, line.currency, locale)} booked ${formatDate(line.bookedOn, locale)}: set aside (${line.setAsideReason}).`)}
        />
      ) : null}
    </section>
  );
}
