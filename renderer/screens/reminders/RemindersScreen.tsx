import { useEffect, useMemo, useRef, useState } from 'react';
import type { DueReminder, Reminder } from '../../../shared/contract/reminders';
import { plural } from '../../../shared/domain/plural';
import { formatDate } from '../../../shared/format/dates';
import { orderDesk } from '../../api/client';
import { DialogForm } from '../../components/DialogForm';
import { ReadStatus } from '../../components/ReadStatus';
import { useApiRead } from '../../hooks/useApiRead';
import { useUnitToday } from '../../state/business-day';
import { useLocale } from '../../state/settings';
import { BankImportNote } from './BankImportNote';
import { DueRemindersTable } from './DueRemindersTable';
import { ReminderPdfDialog } from './ReminderPdfDialog';
import { plannedDelivery } from './reminder-words';
import { useEmailGap } from './useEmailReady';
import { SentReminders } from './SentReminders';
import { UndeliveredReminders } from './UndeliveredReminders';
import { NoMailPassword } from '../mail/NoMailPassword';
import { useSendReminders } from './useSendReminders';
import '../orders/orders.css';
import './reminders.css';

/** The Send confirmation: how many go by e-mail and how many as letters, before anything is issued. */
function ConfirmSend({ rows, sending, onConfirm, onCancel }: { rows: DueReminder[]; sending: boolean; onConfirm(): void; onCancel(): void }) {
  const gap = useEmailGap();
  const emails = rows.filter((r) => plannedDelivery(r, gap === null) === 'email').length;
  const letters = rows.length - emails;
  return (
    <DialogForm title={`Send ${plural(rows.length, 'reminder', 'reminders')}?`} submitLabel={sending ? 'Sending…' : 'Send'} saving={sending} general={null} onSubmit={onConfirm} onCancel={onCancel}>
      <ul className="reminders-confirm">
        {emails > 0 ? <li>{plural(emails, 'reminder goes', 'reminders go')} by e-mail (handed to the mail outbox; not sent until a mail server accepts it).</li> : null}
        {letters > 0 ? <li>{plural(letters, 'reminder is a letter', 'reminders are letters')} to print ({gap ?? 'no e-mail address'}).</li> : null}
      </ul>
      <p className="muted">Each reminder is stored as a PDF that cannot be changed afterwards.</p>
    </DialogForm>
  );
}

/**
 * Payment reminders as of today: the overdue invoices due for their next level, the date of the
 * last bank-statement import, and Send (e-mail where there is an address, print the rest) for
 * the ones the clerk leaves ticked; above them, the reminders whose e-mail failed or is
 * uncertain, each with "Send again".
 */
export function RemindersScreen() {
  const locale = useLocale();
  const today = useUnitToday();
  const due = useApiRead(() => orderDesk().reminders.due({}), [today]);
  const [skipped, setSkipped] = useState<Set<number>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState<Reminder | null>(null);
  const { send, sending, outcome } = useSendReminders(() => {
    setConfirming(false);
    setSkipped(new Set());
    due.reload();
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const rows = useMemo(() => due.data?.reminders ?? [], [due.data]);
  const shownAbove = useMemo(() => new Set(outcome?.reminders.map((r) => r.id)), [outcome]);
  const chosen = rows.filter((r) => !skipped.has(r.invoiceId));
  const toggle = (id: number) =>
    setSkipped((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="screen reminders">
      <h1 ref={heading} tabIndex={-1}>
        Payment reminders
      </h1>
      <p className="muted reminders__intro">
        Invoices whose due date has passed and that still have something open, due for their next reminder as of today, {formatDate(today, locale)}. Paid and credited invoices and
        those covered by credit the customer holds are left out; the levels, their days and fees are in Settings.
      </p>
      <NoMailPassword />
      {due.data ? <BankImportNote lastImport={due.data.lastBankImport} today={today} /> : null}
      {outcome ? <SentReminders outcome={outcome} onOpen={setOpen} /> : null}
      <UndeliveredReminders version={outcome} shownAbove={shownAbove} onOpen={setOpen} />
      <h2 className="reminders__due-heading">Due now</h2>
      {due.data === null || due.error ? (
        <ReadStatus read={due} errorPrefix="The reminders due could not be worked out: " />
      ) : rows.length === 0 ? (
        <p className="reminders__none">No invoice is due for a reminder today.</p>
      ) : (
        <>
          <DueRemindersTable
            rows={rows}
            skipped={skipped}
            disabled={sending}
            onToggle={toggle}
            onToggleAll={(sendAll) => setSkipped(sendAll ? new Set() : new Set(rows.map((r) => r.invoiceId)))}
          />
          <div className="actions reminders__send">
            <button type="button" className="primary" disabled={chosen.length === 0 || sending} onClick={() => setConfirming(true)}>
              {`Send ${plural(chosen.length, 'reminder', 'reminders')}: e-mail where there is an address, print the rest…`}
            </button>
            <span className="muted">
              {skipped.size > 0 ? `${plural(rows.length - chosen.length, 'invoice', 'invoices')} left out (untick or tick with Space).` : 'Untick an invoice (Space) to leave it out.'}
            </span>
          </div>
        </>
      )}
      {confirming ? <ConfirmSend rows={chosen} sending={sending} onConfirm={() => void send(chosen)} onCancel={() => setConfirming(false)} /> : null}
      {open ? <ReminderPdfDialog reminder={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
