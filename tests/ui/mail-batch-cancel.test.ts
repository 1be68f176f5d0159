/**
 * A month's invoices e-mailed in a batch, cancelled by keyboard while the second mail is with the
 * loopback SMTP server: the batch stops between two mails (the one being handed over finishes,
 * the others are never offered to the server), the screen says how many were accepted and which
 * were cancelled, not sent; those stay failed ("Cancelled by …"), not queued and not sent, and are
 * e-mailed later from the same screen, each arriving once.
 */
import { afterAll, expect, it, vi } from 'vitest';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen } from '../support/ui-session';
import type { OutboxMail } from '../../shared/contract/mail';
import { TEST_POLICY } from '../support/mail';
import { focusedName, shownText, tabTo } from './keyboard-support';
import { useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 240_000 });
const SLOW = { timeout: 90_000 };
/** The server holds its answer to the second mail until the test has pressed Cancel. */
let answerSecondMail: () => void = () => undefined;
const secondMailAnswered = new Promise<void>((resolve) => (answerSecondMail = resolve));
// The held mail must not time out meanwhile (on a loaded machine pressing Cancel can take seconds): it would be tried again.
const ui = useMailUiSession(
  120_000,
  { actor: 'Anna Keller' },
  { answer: (n) => (n === 2 ? secondMailAnswered.then(() => 'accept' as const) : 'accept') },
  { policy: { timeouts: { ...TEST_POLICY.timeouts, socketMs: 120_000 } } },
);

// A test that failed before letting the held mail go leaves no handover for the sender to wait on when it stops.
afterAll(() => answerSecondMail());

const CUSTOMERS = [
  ['Bibliothèque de Genève', 'commandes@bge.example'],
  ['Université de Neuchâtel', 'bibliotheque@unine.example'],
  ['Librairie Payot', 'achats@payot.example'],
  ['Graduate Institute', 'library@graduate.example'],
  ['Médiathèque Valais', 'factures@mediatheque-vs.example'],
] as const;

it('stops between two mails when Cancel is pressed mid-batch, says how many were sent, and e-mails the rest later', async () => {
  await call(ui.web.app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    mail: { host: '127.0.0.1', port: ui.smtp.port, security: 'none', fromAddress: 'publications@unit.example', fromName: 'Publications Unit' },
  });
  for (const [name, email] of CUSTOMERS) {
    await call(ui.web.app, 'orders.create', {
      customer: { name, country: 'CH', city: 'Genève', postalCode: '1205', email, address: 'Rue de la Tour 2' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: unitDay(),
      paymentMethod: 'bank_transfer',
      lines: [{ title: 'International Migration Law', quantity: 1, unitPrice: '30.00' }],
    });
  }

  const page = await openScreen(ui, '#/invoice-batch');
  await page.getByText('5 orders', { exact: false }).first().waitFor(SLOW);
  const option = page.getByLabel('E-mail those with an address, print the rest');
  await option.focus();
  await page.keyboard.press('Space');
  await tabTo(page, /^Issue 5 invoices$/);
  await page.keyboard.press('Enter');

  // The first mail accepted, the second with the server (no answer yet): the progress says so, and the cursor is on Cancel.
  const progress = page.getByTestId('batch-mail-progress-text');
  await expect.poll(() => ui.smtp.dataCount(), SLOW).toBe(2);
  await expect.poll(() => shownText(progress), SLOW).toMatch(/^1 of 5 answered — 1 accepted; sending INV-\d{4}-\d{5} to bibliotheque@unine\.example…$/);
  await expect.poll(() => focusedName(page), SLOW).toBe('Cancel the e-mails');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(progress), SLOW).toBe('1 of 5 answered — 1 accepted; 3 cancelled, not sent; stopping after the mail being handed over…');
  await screenshot(page, 'mail-batch-cancelling');

  // The mail being handed over finishes; no other is offered to the server.
  answerSecondMail();
  const summary = page.getByTestId('batch-mail-summary');
  await expect.poll(() => summary.count(), SLOW).toBe(1);
  expect(await shownText(summary)).toBe('E-mails cancelled: 2 of 5 mails accepted by the server, 3 cancelled before sending');
  const cancelled = page.getByRole('list', { name: 'Mails cancelled before sending' });
  expect((await cancelled.locator('li').allInnerTexts()).map((t) => t.replace(/^INV-\d{4}-\d{5} to /, ''))).toEqual([
    'achats@payot.example',
    'library@graduate.example',
    'factures@mediatheque-vs.example',
  ]);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(ui.smtp.dataCount()).toBe(2);
  expect(ui.smtp.accepted.map((m) => m.envelopeTo[0])).toEqual(['commandes@bge.example', 'bibliotheque@unine.example']);

  // In the outbox: cancelled, not queued and not sent, saying who stopped them.
  const mails = (await call(ui.web.app, 'mail.outbox', {})).mails as OutboxMail[];
  expect(mails.filter((m) => m.status === 'queued' || m.status === 'sending')).toEqual([]);
  const stopped = mails.filter((m) => m.status === 'failed');
  expect(stopped.map((m) => [m.to, m.attempts, m.error]).sort()).toEqual(
    ['achats@payot.example', 'factures@mediatheque-vs.example', 'library@graduate.example'].map((to) => [to, 0, 'Cancelled by Anna Keller before it was sent.']),
  );
  // Until they are sent, they are among the invoices to print.
  expect(await shownText(page.getByRole('region', { name: 'The PDFs' }).locator('p.muted'))).toMatch(/^3 invoices to print \(not e-mailed, or their mail failed\)/);
  await screenshot(page, 'mail-batch-cancelled');

  // Later: the three not sent are e-mailed from the same screen, each arriving once.
  await tabTo(page, /^E-mail 3 invoices not sent yet \(those with an address\)$/);
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(summary), SLOW).toBe('E-mails: 3 of 3 mails accepted by the server');
  expect(ui.smtp.accepted.map((m) => m.envelopeTo[0]).sort()).toEqual(CUSTOMERS.map(([, email]) => email).sort());
  expect(await page.getByRole('region', { name: 'The PDFs' }).count()).toBe(0);
  await page.close();
});
