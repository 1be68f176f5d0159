/**
 * reminders.issue: one reminder per invoice at its next level, all or none.
 *
 * Like invoices (db/services/invoices/issue.ts): every reminder is composed and its PDF rendered
 * in the worker outside any transaction; then one IMMEDIATE transaction works out again which
 * reminders are due and composes them, and only if every document is exactly the one rendered
 * (nobody paid, credited or reminded meanwhile) stores the rows, PDFs, hashes and audit records
 * together, books each level's fee on its order (fees.ts) and queues their e-mails in the outbox
 * (deliver.ts). Otherwise nothing was written and it starts
 * over, rendering only what changed. UNIQUE (invoice_id, level) stops a second process sending a
 * level twice even so.
 */
import { DomainError } from '../../../shared/api/errors';
import type { Reminder, ReminderDelivery } from '../../../shared/contract/reminders';
import type { ReminderDocument } from '../../../shared/documents/reminder-document';
import { plural } from '../../../shared/domain/plural';
import { toMinorUnits } from '../../../shared/money/money';
import { timestamp, today, type ServiceContext, type StagedWriteContext, type WriteContext } from '../../context';
import { sha256Hex } from '../../sha256';
import { statement } from '../../statements';
import type { KeyedInput } from '../../api/idempotency';
import { audit } from '../audit';
import { rendererOf } from '../invoices/issue';
import { composeReminder } from './compose';
import { queueReminderEmail } from './deliver';
import { settingsProblem } from '../../mail/jobs';
import { getSettings } from '../settings';
import { remindersDueOn, type DueCandidate } from './due';
import { getReminder } from './read';
import { bookReminderFee } from './fees';

/** Attempts before giving up when payments or other clerks keep changing what is due. */
const MAX_ATTEMPTS = 10;

export interface IssueRemindersInput extends KeyedInput {
  invoiceIds: number[];
  delivery: ReminderDelivery;
}

interface Planned {
  due: DueCandidate;
  document: ReminderDocument;
  /** The document as stored: two plans agree when their texts do. */
  snapshot: string;
}

function listed(numbers: string[]): string {
  return numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)!}`;
}

/** Refuses the whole call, naming every invoice that cannot have a reminder now and why. */
function refuseUndue(ctx: ServiceContext, ids: number[], due: Map<number, DueCandidate>, delivery: ReminderDelivery): void {
  const missing = ids.filter((id) => !due.has(id));
  if (missing.length > 0) {
    const found = statement(ctx, "SELECT id, number FROM invoices WHERE kind = 'invoice' AND id IN (SELECT value FROM json_each(?))").all(JSON.stringify(missing)) as { id: number; number: string }[];
    const unknown = missing.filter((id) => !found.some((f) => f.id === id));
    if (unknown.length > 0) throw new DomainError('not_found', `${plural(unknown.length, 'Invoice', 'Invoices')} ${unknown.join(', ')} ${unknown.length === 1 ? 'does' : 'do'} not exist.`, 'invoiceIds');
    const numbers = found.map((f) => f.number);
    throw new DomainError(
      'invalid_input',
      `${listed(numbers)} ${numbers.length === 1 ? 'is' : 'are'} not due for a reminder today: paid, credited, covered by the customer's credit, not overdue long enough for the next level, or reminded at every level already. Nothing was sent; reload the reminders due.`,
      'invoiceIds',
    );
  }
  if (delivery === 'email') {
    const without = ids.map((id) => due.get(id)!).filter((d) => d.email === '');
    if (without.length > 0) {
      throw new DomainError('invalid_input', `${listed(without.map((d) => d.number))} ${without.length === 1 ? 'has' : 'have'} no e-mail address on the order or the customer: send ${without.length === 1 ? 'it' : 'them'} as a letter to print. Nothing was sent.`, 'delivery');
    }
    refuseWithoutMailServer(ctx);
  }
}

/** E-mail needs the unit's mail server in Settings, as mail.send does: refused before anything is rendered or stored. */
function refuseWithoutMailServer(ctx: ServiceContext): void {
  if (!ctx.mail) throw new DomainError('conflict', 'E-mail is not available in this Order Desk process: send the reminders as letters to print. Nothing was sent.', 'delivery');
  const problem = settingsProblem(getSettings(ctx).settings.mail, ctx.mail);
  if (problem) throw new DomainError('invalid_input', `${problem.message} Or send the reminders as letters to print. Nothing was sent.`, problem.field);
}

function plan(ctx: ServiceContext, input: IssueRemindersInput, issuedOn: string): Planned[] {
  const due = new Map(remindersDueOn(ctx, issuedOn).map((d) => [d.invoiceId, d]));
  refuseUndue(ctx, input.invoiceIds, due, input.delivery);
  return input.invoiceIds.map((id) => {
    const candidate = due.get(id)!;
    const document = composeReminder(ctx, candidate, issuedOn);
    return { due: candidate, document, snapshot: JSON.stringify(document) };
  });
}

function store(ctx: WriteContext, planned: Planned, pdf: Buffer, delivery: ReminderDelivery): number {
  const { due, document } = planned;
  const hash = sha256Hex(pdf);
  const email = delivery === 'email' ? due.email : '';
  const id = Number(
    statement(
      ctx,
      `INSERT INTO reminders (invoice_id, order_id, customer_id, level, level_name, issued_on, currency, language, open_minor, fee_minor, total_minor,
         delivery, delivery_status, email, snapshot, pdf, pdf_sha256, created_by, created_at)
       VALUES (@invoiceId, @orderId, @customerId, @level, @levelName, @issuedOn, @currency, @language, @openMinor, @feeMinor, @totalMinor,
         @delivery, @status, @email, @snapshot, @pdf, @sha, @createdBy, @createdAt)`,
    ).run({
      invoiceId: due.invoiceId,
      orderId: due.orderId,
      customerId: due.customerId,
      level: due.level,
      levelName: due.levelName,
      issuedOn: document.issuedOn,
      currency: document.currency,
      language: document.language,
      openMinor: toMinorUnits(document.openAmount, document.currency),
      feeMinor: toMinorUnits(document.fee ?? '0', document.currency),
      totalMinor: toMinorUnits(document.total, document.currency),
      delivery,
      status: delivery === 'email' ? 'email_pending' : 'to_print',
      email,
      snapshot: planned.snapshot,
      pdf,
      sha: hash,
      createdBy: ctx.actor,
      createdAt: timestamp(ctx),
    }).lastInsertRowid,
  );
  // In this transaction: the reminder is never stored without its mail, nor its mail without it,
  // nor without its fee booked on the order (what its QR-bill asks for is what the order then owes).
  if (delivery === 'email') queueReminderEmail(ctx, { id, email });
  const feeMinor = document.fee === null ? 0 : toMinorUnits(document.fee, document.currency);
  const fee =
    feeMinor > 0
      ? bookReminderFee(ctx, {
          reminderId: id,
          orderId: due.orderId,
          invoiceId: due.invoiceId,
          invoiceNumber: due.number,
          level: due.level,
          currency: document.currency,
          amountMinor: feeMinor,
          chargedOn: document.issuedOn,
        })
      : null;
  audit(ctx, 'order', due.orderId, 'reminder', null, {
    reminder: {
      id,
      level: due.level,
      levelName: due.levelName,
      invoiceNumber: due.number,
      issuedOn: document.issuedOn,
      openAmount: document.openAmount,
      fee: document.fee ?? '0.00',
      ...(document.feesOpen ? { feesOpen: document.feesOpen } : {}),
      ...(fee ? { feeBooked: { id: fee.id, amount: fee.amount } } : {}),
      total: document.total,
      currency: document.currency,
      delivery,
      email,
      sha256: hash,
    },
  });
  return id;
}

export async function issueReminders(ctx: StagedWriteContext, input: IssueRemindersInput): Promise<{ reminders: Reminder[] }> {
  const issuedOn = today(ctx);
  const renderer = rendererOf(ctx);
  // By document text: a retry renders only the reminders that changed meanwhile.
  const pdfs = new Map<string, Buffer>();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const planned = plan(ctx, input, issuedOn);
    for (const p of planned) if (!pdfs.has(p.snapshot)) pdfs.set(p.snapshot, await renderer.renderReminder(p.document));
    // null: something changed since rendering and nothing was stored; start over. An answer is never null.
    const stored = await ctx.transact((w): { reminders: Reminder[] } | null => {
      const now = plan(w, input, issuedOn);
      if (now.some((p, i) => p.snapshot !== planned[i]!.snapshot)) return null;
      const ids = now.map((p) => store(w, p, pdfs.get(p.snapshot)!, input.delivery));
      return { reminders: ids.map((id) => getReminder(w, id)) };
    });
    if (stored !== null) {
      // Committed: the sender may take the mails now.
      if (input.delivery === 'email') ctx.mail?.sender?.wake();
      return stored;
    }
  }
  throw new DomainError('conflict', 'What is owed kept changing while the reminders were being made, so none was issued. Please try again.');
}
