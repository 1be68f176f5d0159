import { useState } from 'react';
import type { ReportClosingStamp } from '../../../shared/contract/reports';
import { orderDesk } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { monthEnd } from '../../../shared/domain/calendar';
import { formatDateTime, formatLongDate } from '../../../shared/format/dates';
import { useApiRead } from '../../hooks/useApiRead';
import { useUnitToday } from '../../state/business-day';
import { useLocale } from '../../state/settings';
import { ReopenMonthDialog } from './ReopenMonthDialog';
import { shortHash } from './report-text';

interface ClosingPanelProps {
  month: string;
  monthName: string;
  closing: ReportClosingStamp | null;
  /** After closing or reopening: the report is read again. */
  onChanged(): void;
}

/** The month's closing: a banner while it is closed (with the stored report's fingerprint), and the buttons to close or reopen it. */
export function ClosingPanel({ month, monthName, closing, onChanged }: ClosingPanelProps) {
  const locale = useLocale();
  const today = useUnitToday();
  const [asking, setAsking] = useState<'close' | 'reopen' | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const year = Number(month.slice(0, 4));

  // The stored files' hashes, and a month reopened earlier (with the reason), are in the list of closings;
  // read again whenever the report's closing changes (closed or reopened here).
  const list = useApiRead(() => orderDesk().reports.closedMonths({ year }), [year, closing]);
  const closings = list.data?.rows.filter((row) => row.month === month) ?? [];
  // Latest first: the closing in force is the one not undone; the last reopening is the newest undone one.
  const stored = closing ? closings.find((c) => c.reopened === null && c.version === closing.version) : undefined;
  const reopened = closing ? undefined : closings.find((c) => c.reopened !== null);
  // By the unit's day, as the service judges it, so the button is offered exactly when closing would be accepted.
  const end = monthEnd(month, today);

  const close = async () => {
    setAsking(null);
    setBusy(true);
    setError('');
    const result = await orderDesk().reports.closeMonth({ month });
    setBusy(false);
    if (result.ok) onChanged();
    else setError(result.error.message);
  };

  return (
    <div className="report-closing">
      {list.error ? (
        // Not an empty list: without it the clerk could not tell "never reopened" from "could not be read".
        <p className="banner banner--error" role="alert">
          The closing history of {monthName} could not be read: {list.error.message}{' '}
          <button type="button" className="report-closing__button" disabled={list.loading} onClick={list.reload}>
            Try again
          </button>
        </p>
      ) : null}
      {closing ? (
        <div className="banner banner--closed" role="status">
          <strong>
            {monthName} is closed. Closed on {formatDateTime(closing.closedAt, locale)} by {closing.closedBy}
            {closing.version > 1 ? ` (closing ${closing.version}, after a reopening)` : ''}.
          </strong>{' '}
          The report below is the one stored at closing
          {stored ? (
            <>
              {' '}
              (SHA-256 <code title={stored.sha256.value}>{shortHash(stored.sha256.value)}</code>; PDF <code title={stored.sha256.pdf}>{shortHash(stored.sha256.pdf)}</code>)
            </>
          ) : null}
          . Nothing can be dated in {monthName} while it is closed.
          <button type="button" className="report-closing__button" disabled={busy} onClick={() => setAsking('reopen')}>
            Reopen {monthName}…
          </button>
        </div>
      ) : (
        <div className="report-closing__open">
          {reopened?.reopened ? (
            <p className="banner banner--warning">
              {monthName} was closed on {formatDateTime(reopened.closedAt, locale)} by {reopened.closedBy} and reopened on {formatDateTime(reopened.reopened.at, locale)} by {reopened.reopened.by}: “
              <bdi>{reopened.reopened.reason}</bdi>”.
            </p>
          ) : null}
          {end.ended ? (
            <button type="button" disabled={busy} onClick={() => setAsking('close')}>
              {busy ? 'Closing…' : `Close ${monthName}…`}
            </button>
          ) : (
            <p className="report-closing__not-ended">
              {monthName} can be closed from {formatLongDate(end.closableFrom, locale)} on.
            </p>
          )}
        </div>
      )}
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {asking === 'close' ? (
        <ConfirmDialog
          title={`Close ${monthName}?`}
          onCancel={() => setAsking(null)}
          actions={[
            { label: `Close ${monthName}`, primary: true, onChoose: () => void close() },
            { label: 'Keep it open', onChoose: () => setAsking(null) },
          ]}
        >
          <p>The report is stored as it stands now, with its PDF and Excel files and their SHA-256, and opens exactly so from then on.</p>
          <p>
            <strong>Afterwards nothing can be dated in {monthName}:</strong> no order, payment, refund, write-off, invoice or credit note. A late correction goes into an open month. Reopening the month needs a reason and is recorded in the audit log.
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === 'reopen' ? (
        <ReopenMonthDialog
          month={month}
          monthName={monthName}
          onClose={() => setAsking(null)}
          onReopened={() => {
            setAsking(null);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
