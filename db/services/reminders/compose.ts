/**
 * The ReminderDocument for an invoice due for a reminder: the invoice as issued (its customer
 * block, reference and account), what is open on it now, the earlier reminders' fees still open,
 * the level's fee, and the reminders it had before. Pure reads: issue.ts composes before rendering and again inside the storing
 * transaction, and stores only if both agree.
 */
import { DOCUMENT_LABELS, reminderTitle } from '../../../shared/documents/document-labels';
import { buildReminderDocument, reminderPayment, type ReminderDocument } from '../../../shared/documents/reminder-document';
import { fromMinorUnits, subtractAmounts } from '../../../shared/money/money';
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';
import { documentOf, invoiceRow } from '../invoices/stored';
import { getSettings } from '../settings';
import type { DueCandidate } from './due';

export function composeReminder(ctx: ServiceContext, due: DueCandidate, issuedOn: string): ReminderDocument {
  const row = invoiceRow(ctx, due.invoiceId);
  const invoice = documentOf(ctx, row);
  const { settings } = getSettings(ctx);
  const language = row.language;
  const title = reminderTitle(language, due.level, due.final);
  const payment = reminderPayment(invoice, settings.bankAccounts, `${title} · ${DOCUMENT_LABELS[language].title.invoice} ${row.number}`);
  const earlier = statement(ctx, 'SELECT level, issued_on AS issuedOn FROM reminders WHERE invoice_id = ? AND issued_on <= ? ORDER BY level').all(row.id, issuedOn) as {
    level: number;
    issuedOn: string;
  }[];
  const total = fromMinorUnits(row.total_minor, row.currency);
  const goodsOpen = fromMinorUnits(due.goodsOpenMinor, row.currency);
  return buildReminderDocument({
    level: due.level,
    final: due.final,
    issuedOn,
    language,
    currency: row.currency,
    issuer: settings.issuer,
    customer: invoice.customer,
    invoices: [
      {
        number: row.number,
        issuedOn: row.issued_on,
        dueOn: due.dueOn,
        orderNumber: invoice.orderNumber,
        customerReference: invoice.customerReference,
        total,
        settled: subtractAmounts(total, goodsOpen, row.currency),
        open: goodsOpen,
        daysOverdue: due.daysOverdue,
      },
    ],
    earlier,
    feesOpen: due.feesOpen,
    fee: due.fee,
    bankAccount: payment.bankAccount,
    qrBill: payment.qrBill,
  });
}
