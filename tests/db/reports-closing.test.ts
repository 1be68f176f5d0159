/**
 * Closing a month: the stored report reads back byte for byte, nothing can be dated in the
 * month any more, reopening needs a reason and is audited, and a closing whose figures change
 * while its files are rendered starts over. The report's files come from a fake writer here
 * (bytes made from the value); the real CSV, Excel and PDF writers are tested with their code.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { generateReportMonth, type ReportClock } from '../support/report-data';
import { expectedReport } from '../support/report-expected';
import { useReportFileRenderer, type ReportFileRenderer } from '../../db/services/reports/renderer-override';
import { buildMonthlyReport } from '../../db/services/reports/monthly';
import { CLOSING_IMMUTABLE_MESSAGE } from '../../db/migrations/0007_monthly_reports';
import type { MonthlyReport } from '../../shared/contract/reports';

let app: TestApp;
const clock: ReportClock = { today: '2026-09-01' };
const sha256 = (bytes: string | Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Files made from the value, as the real writers do, remembering what they were given. */
const rendered: { format: string; report: MonthlyReport }[] = [];
let beforeRender: (() => Promise<void>) | null = null;
const fakeFiles: ReportFileRenderer = async (_ctx, report, format) => {
  if (beforeRender) await beforeRender();
  rendered.push({ format, report });
  const bytes = Buffer.from(`${format} of ${report.period.from}..${report.period.to}\n${JSON.stringify(report)}`);
  return { fileName: `Monthly report ${report.period.month}.${format}`, mimeType: `application/x-${format}`, contentBase64: bytes.toString('base64'), rows: 1, sha256: sha256(bytes) };
};

/** Orders the refusals are tried on: received in October, one still owing, one holding a credit. */
let owing: { id: number; number: string };
let overpaid: { id: number };
let invoice: { id: number };
let paymentId: number;

beforeAll(async () => {
  app = openTestApp(undefined, () => new Date(`${clock.today}T10:00:00Z`), { documents: () => fakeRenderer() });
  useReportFileRenderer(app.ctx, fakeFiles);
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  await generateReportMonth(app, clock, { end: '2026-10-31' });
  clock.today = '2026-10-20';
  const customer = { name: 'Closing Test Library', country: 'FR', email: 'closing@example.fr' };
  const create = (unitPrice: string) =>
    call(app, 'orders.create', { customer, currency: 'EUR', receivedVia: 'fax', receivedOn: '2026-10-20', lines: [{ title: 'Atlas des migrations', quantity: 1, unitPrice }] }).then((r) => r.order);
  owing = await create('120.00');
  overpaid = await create('50.00');
  paymentId = (await call(app, 'payments.record', { orderId: overpaid.id, method: 'check', receivedOn: '2026-10-20', amount: '80.00', check: { number: '77', bank: 'BNP' } })).payment.id;
  const invoiced = await create('30.00');
  invoice = (await call(app, 'invoices.issue', { orderId: invoiced.id, issuedOn: '2026-10-20' })).invoice;
  clock.today = '2026-11-03';
}, 120_000);
afterAll(() => app?.close());

async function refused(method: string, input: unknown) {
  const result = await app.invoke(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result.ok ? null! : result.error;
}

const storedText = (month: string) =>
  (app.db.prepare('SELECT value FROM month_closings WHERE month = ? AND reopened_at IS NULL').get(month) as { value: string } | undefined)?.value;

const closedMessage = (label: string) => `${label} is in October 2026, which is closed. Date it in an open month (a late correction goes into the open month), or reopen October 2026 first.`;

describe('closing a month', () => {
  let closed: { closing: any; report: MonthlyReport };

  it('refuses the current month and future months, naming the day it can be closed from', async () => {
    expect(await refused('reports.closeMonth', { month: '2026-11' })).toEqual({ code: 'invalid_input', field: 'month', message: 'November 2026 has not ended yet; it can be closed from 2026-12-01 on.' });
    expect((await refused('reports.closeMonth', { month: '2027-03' })).field).toBe('month');
  });

  it('stores the report as it stands with SHA-256s of its value, PDF and workbook', async () => {
    const before = expectedReport(app.db, '2026-10-01', '2026-10-31');
    closed = await call(app, 'reports.closeMonth', { month: '2026-10' });
    expect(closed.closing).toMatchObject({ month: '2026-10', closedBy: 'test-clerk', closedAt: '2026-11-03T10:00:00.000Z', version: 1 });
    expect(closed.report.closing).toEqual({ month: '2026-10', closedBy: 'test-clerk', closedAt: '2026-11-03T10:00:00.000Z', version: 1 });
    expect(closed.report.generatedAt).toBe('2026-11-03T10:00:00.000Z');
    expect(closed.report.money).toEqual(before.money);
    expect(closed.report.orders).toEqual(before.orders);

    const text = storedText('2026-10')!;
    expect(text).toBe(JSON.stringify(closed.report));
    expect(closed.closing.sha256.value).toBe(sha256(text));
    const row = app.db.prepare("SELECT pdf, xlsx FROM month_closings WHERE month = '2026-10'").get() as { pdf: Buffer; xlsx: Buffer };
    expect(closed.closing.sha256.pdf).toBe(sha256(row.pdf));
    expect(closed.closing.sha256.xlsx).toBe(sha256(row.xlsx));
    // The files were made from the very value stored, closing stamp included.
    expect(rendered.map((r) => r.format).sort()).toEqual(['pdf', 'xlsx']);
    expect(rendered.every((r) => JSON.stringify(r.report) === text)).toBe(true);

    const audit = app.db.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'report_month' AND entity_id = 202610 ORDER BY id").all() as { actor: string; action: string; after: string }[];
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['test-clerk', 'close']]);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ month: '2026-10', version: 1, sha256: closed.closing.sha256 });
  });

  it('refuses to close a closed month again', async () => {
    expect(await refused('reports.closeMonth', { month: '2026-10' })).toEqual({ code: 'conflict', field: 'month', message: 'October 2026 is already closed (on 2026-11-03 by test-clerk). Reopen it first to close it again.' });
  });

  it('refuses every order, payment, refund, write-off, credit move, reversal, invoice and credit note dated in it, naming the field', async () => {
    const o = await call(app, 'orders.get', { id: owing.id });
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['payments.record', { orderId: owing.id, method: 'check', receivedOn: '2026-10-30', amount: '10.00' }, 'receivedOn', 'Date received'],
      ['payments.refund', { orderId: overpaid.id, amount: '5.00', paidOn: '2026-10-25', method: 'check', reason: 'Paid twice' }, 'paidOn', 'Date paid'],
      ['payments.writeOff', { orderId: owing.id, amount: '1.00', reason: 'Rounding', writtenOffOn: '2026-10-31' }, 'writtenOffOn', 'Date written off'],
      ['payments.applyCredit', { fromOrderId: overpaid.id, toOrderId: owing.id, amount: '5.00', movedOn: '2026-10-28' }, 'movedOn', 'Date moved'],
      ['payments.reverse', { paymentId, reason: 'Wrong order', reversedOn: '2026-10-31' }, 'reversedOn', 'Date reversed'],
      ['orders.create', { customer: { name: 'Late Library', country: 'CH' }, currency: 'CHF', receivedVia: 'mail', receivedOn: '2026-10-15', lines: [{ title: 'Atlas des migrations', quantity: 1, unitPrice: '10.00' }] }, 'receivedOn', 'Date received'],
      ['invoices.issue', { orderId: owing.id, issuedOn: '2026-10-31' }, 'issuedOn', 'Date of issue'],
      ['invoices.credit', { invoiceId: invoice.id, reason: 'Damaged', issuedOn: '2026-10-31' }, 'issuedOn', 'Date of issue'],
    ];
    for (const [method, input, field, label] of cases) {
      expect(await refused(method, input), method).toEqual({ code: 'conflict', field, message: closedMessage(label) });
    }
    // An order received in the closed month can no longer be edited, not even to move it into an open month.
    const { id, number, status, paymentStatus, balance, total, lines, customer, ...rest } = o.order;
    void status; void paymentStatus; void balance; void total;
    const edit = await refused('orders.update', {
      id, currency: rest.currency, receivedVia: rest.receivedVia, receivedOn: '2026-11-02', customer: { name: customer.name, country: customer.country, email: customer.email },
      lines: lines.map((l: any) => ({ title: l.title, quantity: l.quantity, unitPrice: l.unitPrice })),
    });
    expect(edit).toEqual({ code: 'conflict', field: 'receivedOn', message: `Order ${number}, received on 2026-10-20, is in October 2026, which is closed. Date it in an open month (a late correction goes into the open month), or reopen October 2026 first.` });
    expect(await refused('reports.setRates', { month: '2026-10', reportingCurrency: 'CHF', rates: { EUR: '0.94' } })).toMatchObject({ code: 'conflict', field: 'month' });
    // Nothing of it was stored.
    expect(storedText('2026-10')).toBe(JSON.stringify(closed.report));
    expect(JSON.stringify(buildMonthlyReport(app.ctx, { month: '2026-10', from: '2026-10-01', to: '2026-10-31' }, { closing: closed.report.closing, generatedAt: closed.report.generatedAt }))).toBe(storedText('2026-10'));
  });

  it('takes the late correction in the open month, "today" defaults included', async () => {
    await call(app, 'payments.record', { orderId: owing.id, method: 'check', receivedOn: '2026-11-02', amount: '10.00' });
    await call(app, 'payments.writeOff', { orderId: owing.id, amount: '1.00', reason: 'Rounding' });
    await call(app, 'payments.reverse', { paymentId, reason: 'Wrong order' });
    await call(app, 'orders.cancel', { id: owing.id, reason: 'Customer withdrew the order' });
    const november = await call(app, 'reports.monthly', { month: '2026-11' });
    expect(november.orders.cancelled.map((c: { orderId: number }) => c.orderId)).toContain(owing.id);
  });

  it('answers the stored value byte for byte after later changes, even ones that would change the figures if recomputed', async () => {
    // Renaming a title and a customer changes what a fresh computation of October would print.
    const { publications } = await call(app, 'catalogue.list', {});
    const top = closed.report.titles.find((t) => t.publicationId !== null)!;
    const publication = publications.find((p: { id: number }) => p.id === top.publicationId);
    await call(app, 'catalogue.save', { ...publication, title: `${publication.title} (renamed)` });
    const fresh = buildMonthlyReport(app.ctx, { month: '2026-10', from: '2026-10-01', to: '2026-10-31' }, { closing: closed.report.closing, generatedAt: closed.report.generatedAt });
    expect(JSON.stringify(fresh)).not.toBe(storedText('2026-10'));

    const again = await call(app, 'reports.monthly', { month: '2026-10' });
    expect(JSON.stringify(again)).toBe(storedText('2026-10'));
    expect(again).toEqual(closed.report);
    const byRange = await call(app, 'reports.monthly', { from: '2026-10-01', to: '2026-10-31' });
    expect(JSON.stringify(byRange)).toBe(storedText('2026-10'));

    const reopenedApp = app.restart();
    try {
      const afterRestart = await call(reopenedApp, 'reports.monthly', { month: '2026-10' });
      expect(JSON.stringify(afterRestart)).toBe(JSON.stringify(closed.report));
    } finally {
      reopenedApp.db.close();
      app = openTestApp(app.file, () => new Date(`${clock.today}T10:00:00Z`), { documents: () => fakeRenderer() });
      useReportFileRenderer(app.ctx, fakeFiles);
    }
  });

  it('exports the stored PDF and workbook bytes, and a CSV made from the stored value', async () => {
    const row = app.db.prepare("SELECT pdf, xlsx FROM month_closings WHERE month = '2026-10'").get() as { pdf: Buffer; xlsx: Buffer };
    rendered.length = 0;
    const pdf = await call(app, 'reports.export', { month: '2026-10', format: 'pdf' });
    const xlsx = await call(app, 'reports.export', { month: '2026-10', format: 'xlsx' });
    expect(rendered).toEqual([]);
    expect(Buffer.from(pdf.contentBase64, 'base64').equals(row.pdf)).toBe(true);
    expect(pdf).toMatchObject({ fileName: 'Monthly report 2026-10.pdf', sha256: closed.closing.sha256.pdf });
    expect(Buffer.from(xlsx.contentBase64, 'base64').equals(row.xlsx)).toBe(true);
    expect(xlsx.sha256).toBe(closed.closing.sha256.xlsx);
    const csv = await call(app, 'reports.export', { month: '2026-10', format: 'csv', delimiter: 'semicolon' });
    expect(rendered.map((r) => r.format)).toEqual(['csv']);
    expect(JSON.stringify(rendered[0]!.report)).toBe(storedText('2026-10'));
    const csvAgain = await call(app, 'reports.export', { month: '2026-10', format: 'csv', delimiter: 'semicolon' });
    expect(csvAgain.contentBase64).toBe(csv.contentBase64);
    // An open month is rendered from the report as it stands.
    rendered.length = 0;
    await call(app, 'reports.export', { month: '2026-11', format: 'pdf' });
    expect(rendered[0]!.report.closing).toBeNull();
  });

  it('keeps the stored closing unchangeable, even by direct SQL', () => {
    expect(() => app.db.prepare("UPDATE month_closings SET value = '{}' WHERE month = '2026-10'").run()).toThrow(CLOSING_IMMUTABLE_MESSAGE);
    expect(() => app.db.prepare("DELETE FROM month_closings WHERE month = '2026-10'").run()).toThrow(CLOSING_IMMUTABLE_MESSAGE);
  });

  it('reopens only with a reason, audited, keeping the closing on record; the next closing stores anew', async () => {
    expect(await refused('reports.reopenMonth', { month: '2026-10' })).toMatchObject({ code: 'invalid_input', field: 'reason', message: 'Reason is required.' });
    expect(await refused('reports.reopenMonth', { month: '2026-10', reason: '   ' })).toMatchObject({ field: 'reason' });
    expect(await refused('reports.reopenMonth', { month: '2026-09', reason: 'Why not' })).toEqual({ code: 'conflict', field: 'month', message: 'September 2026 is not closed.' });
    clock.today = '2026-11-05';
    expect(await call(app, 'reports.reopenMonth', { month: '2026-10', reason: 'Bank statement of 31 October arrived late' })).toEqual({ month: '2026-10' });

    const audit = app.db.prepare("SELECT at, actor, action, before, after FROM audit_log WHERE entity = 'report_month' AND entity_id = 202610 ORDER BY id").all() as any[];
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['test-clerk', 'close'], ['test-clerk', 'reopen']]);
    expect(audit[1]).toMatchObject({ at: '2026-11-05T10:00:00.000Z' });
    expect(JSON.parse(audit[1].after)).toEqual({ reason: 'Bank statement of 31 October arrived late' });
    expect(JSON.parse(audit[1].before)).toMatchObject({ version: 1, closedBy: 'test-clerk' });

    const live = await call(app, 'reports.monthly', { month: '2026-10' });
    expect(live.closing).toBeNull();
    await call(app, 'payments.record', { orderId: overpaid.id, method: 'bank_transfer', receivedOn: '2026-10-31', amount: '12.00', transfer: { bankReference: 'LATE-1', feesDeducted: '2.00' } });

    const second = await call(app, 'reports.closeMonth', { month: '2026-10' });
    expect(second.closing).toMatchObject({ version: 2, closedAt: '2026-11-05T10:00:00.000Z' });
    expect(second.closing.sha256.value).not.toBe(closed.closing.sha256.value);
    const eur = (r: MonthlyReport) => r.money.totals.find((t) => t.currency === 'EUR')!;
    expect(Number(eur(second.report).received) - Number(eur(closed.report).received)).toBeCloseTo(12, 6);
    expect(Number(eur(second.report).bankFees) - Number(eur(closed.report).bankFees)).toBeCloseTo(2, 6);

    const { rows } = await call(app, 'reports.closedMonths', { year: 2026 });
    expect(rows.map((r: any) => [r.month, r.version, r.reopened?.reason ?? null])).toEqual([
      ['2026-10', 2, null],
      ['2026-10', 1, 'Bank statement of 31 October arrived late'],
    ]);
    expect(rows[1]).toMatchObject({ sha256: closed.closing.sha256, reopened: { at: '2026-11-05T10:00:00.000Z', by: 'test-clerk' } });
    expect((await call(app, 'reports.closedMonths', { year: 2025 })).rows).toEqual([]);
    expect(JSON.stringify(await call(app, 'reports.monthly', { month: '2026-10' }))).toBe(JSON.stringify(second.report));
  });

  it('a month closed by another Order Desk on the same file is refused here at once', async () => {
    const { order: august } = await call(app, 'orders.create', {
      customer: { name: 'Summer School', country: 'IT', email: 'summer@example.it' }, currency: 'EUR', receivedVia: 'email', receivedOn: '2026-08-10',
      lines: [{ title: 'Atlas des migrations', quantity: 1, unitPrice: '40.00' }],
    });
    const other = openTestApp(app.file, () => new Date(`${clock.today}T10:00:00Z`), { documents: () => fakeRenderer(), actor: 'other-clerk' });
    try {
      useReportFileRenderer(other.ctx, fakeFiles);
      await call(other, 'reports.closeMonth', { month: '2026-08' });
    } finally {
      other.db.close();
    }
    expect(await refused('payments.record', { orderId: august.id, method: 'check', receivedOn: '2026-08-20', amount: '1.00' })).toMatchObject({
      code: 'conflict',
      field: 'receivedOn',
      message: expect.stringContaining('August 2026, which is closed'),
    });
  });

  it('starts over when the figures change while the files are rendered, and stores the new figures', async () => {
    let interfered = false;
    rendered.length = 0;
    beforeRender = async () => {
      if (interfered) return;
      interfered = true;
      // Another clerk records a payment in September while its files are being made.
      const { id } = app.db.prepare("SELECT id FROM orders WHERE received_on LIKE '2026-09-%' AND balance_minor > 0 AND status NOT IN ('cancelled') LIMIT 1").get() as { id: number };
      await call(app, 'payments.record', { orderId: id, method: 'check', receivedOn: '2026-09-30', amount: '0.01' });
    };
    try {
      const { report } = await call(app, 'reports.closeMonth', { month: '2026-09' });
      expect(rendered).toHaveLength(4);
      expect(report.money).toEqual(expectedReport(app.db, '2026-09-01', '2026-09-30').money);
      expect(storedText('2026-09')).toBe(JSON.stringify(report));
    } finally {
      beforeRender = null;
    }
  });
});
