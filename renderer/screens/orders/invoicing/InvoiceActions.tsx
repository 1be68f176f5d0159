import { useEffect, useState, type ReactNode } from 'react';
import type { Invoice } from '../../../../shared/contract/invoices';
import type { OrderRecord } from '../../../../shared/contract/orders';
import { PAYMENT_STATUS_LABELS } from '../../../../shared/domain/vocabulary';
import { formatMoney } from '../../../../shared/money/money';
import { owedWords } from '../payments/movement-text';
import { orderDesk } from '../../../api/client';
import { AppLink } from '../../../components/AppLink';
import { useNavigation } from '../../../state/navigation';
import { CreditNoteDialog } from './CreditNoteDialog';
import { editRefusal, openInvoiceOf } from './edit-refusal';
import { IssueInvoiceDialog } from './IssueInvoiceDialog';
import { useLocale } from '../../../state/settings';
import { formatDate } from '../../../../shared/format/dates';
import { useMailRequest } from '../../mail/mail-request';

interface Props {
  record: OrderRecord;
  /** After issuing: the screen says so and reloads the order (and its payments). */
  onChanged(notice: ReactNode): void;
}

type Open = 'issue' | 'credit' | null;

/** Alt+I issues, Alt+C credits; by key code, so a Mac's Option layer (Alt+C is "ç") still works. */
const SHORTCUTS: Record<string, Exclude<Open, null>> = { KeyI: 'issue', KeyC: 'credit' };

/**
 * Where the order's Edit button would be once it is invoiced: why it cannot be edited, and the
 * way to correct it (a credit note, then a new invoice); "Issue invoice…" while the order
 * allows one.
 */
export function InvoiceActions({ record, onChanged }: Props) {
  const locale = useLocale();
  const [open, setOpen] = useState<Open>(null);
  const go = useNavigation((s) => s.go);
  const { order, allowed, invoices } = record;
  const openInvoice = openInvoiceOf(invoices);
  const refusal = editRefusal(order, invoices, locale);
  const can = { issue: allowed.invoice, credit: openInvoice !== null };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const action = SHORTCUTS[e.code];
      if (action && can[action]) {
        e.preventDefault();
        setOpen(action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [can.issue, can.credit]); // eslint-disable-line react-hooks/exhaustive-deps

  // The issued invoice is shown at once (to print or send; with its E-mail dialog open after Issue and e-mail); the order behind it reloads as invoiced.
  const issued = (invoice: Invoice, andMail: boolean) => {
    setOpen(null);
    if (andMail) useMailRequest.getState().request(invoice.id);
    onChanged(
      <>
        Invoice <AppLink to={{ view: 'invoice', id: invoice.id }}>{invoice.number}</AppLink> issued: {formatMoney(invoice.total, invoice.currency, locale)}, due{' '}
        {invoice.dueOn ? formatDate(invoice.dueOn, locale) : '—'}.
      </>,
    );
    go({ view: 'invoice', id: invoice.id });
  };
  const credited = async ({ creditNote, invoice }: { creditNote: Invoice; invoice: Invoice }, andMail: boolean) => {
    setOpen(null);
    // Issue and e-mail: the credit note's own screen, with its E-mail dialog open.
    if (andMail) {
      useMailRequest.getState().request(creditNote.id);
      go({ view: 'invoice', id: creditNote.id });
    }
    // What the order owes is the order's balance, read again: an invoice credited in full no longer
    // carries the order's money (its balance is 0.00), while what was paid stays with the order.
    const now = await orderDesk().orders.get({ id: order.id });
    const balance = now.ok ? now.value.balance : invoice.balance;
    const status = now.ok ? now.value.order.paymentStatus : invoice.orderPaymentStatus;
    onChanged(
      <>
        Credit note <AppLink to={{ view: 'invoice', id: creditNote.id }}>{creditNote.number}</AppLink> issued for invoice {invoice.number}: {formatMoney(creditNote.total, creditNote.currency, locale)} credited.
        The order now {owedWords(balance, invoice.currency, locale)} ({PAYMENT_STATUS_LABELS[status].toLowerCase()}).
      </>,
    );
  };

  return (
    <>
      {refusal ? (
        <p className="order-detail__locked invoice-locked" data-testid="edit-refusal">
          {refusal}
        </p>
      ) : null}
      {can.credit ? (
        <button type="button" onClick={() => setOpen('credit')} aria-keyshortcuts="Alt+C">
          Credit note… <kbd>Alt+C</kbd>
        </button>
      ) : null}
      {can.issue ? (
        <button type="button" onClick={() => setOpen('issue')} aria-keyshortcuts="Alt+I">
          Issue invoice… <kbd>Alt+I</kbd>
        </button>
      ) : null}
      {open === 'issue' ? <IssueInvoiceDialog order={order} onCancel={() => setOpen(null)} onIssued={issued} /> : null}
      {open === 'credit' && openInvoice ? <CreditNoteDialog order={order} invoiceId={openInvoice.id} onCancel={() => setOpen(null)} onDone={(result, andMail) => void credited(result, andMail)} /> : null}
    </>
  );
}
