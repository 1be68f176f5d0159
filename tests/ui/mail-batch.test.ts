/**
 * A month's batch with "E-mail those with an address, print the rest", by keyboard, in browser
 * mode against a loopback SMTP server: the invoices are issued, those whose order has an address
 * are e-mailed (the summary counts what the server accepted and names the refusal), and only the
 * rest are offered for printing.
 */
import { expect, it, vi } from 'vitest';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen } from '../support/ui-session';
import { shownText, tabTo } from './keyboard-support';
import { useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 240_000 });
const SLOW = { timeout: 90_000 };
const REFUSED = 'nobody@customer.example';
const ui = useMailUiSession(120_000, { actor: 'Anna Keller' }, { refuseRecipients: [REFUSED] });

async function order(name: string, email: string) {
  await call(ui.web.app, 'orders.create', {
    customer: { name, country: 'CH', city: 'Genève', postalCode: '1205', ...(email ? { email } : {}), address: 'Rue de la Tour 2' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: unitDay(),
    paymentMethod: 'bank_transfer',
    lines: [{ title: 'International Migration Law', quantity: 1, unitPrice: '30.00' }],
  });
}

it('issues the month’s invoices, e-mails those with an address and leaves the rest to print', async () => {
  await call(ui.web.app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    mail: { host: '127.0.0.1', port: ui.smtp.port, security: 'none', fromAddress: 'publications@unit.example', fromName: 'Publications Unit' },
  });
  await order('Bibliothèque de Genève', 'commandes@bge.example');
  await order('Université de Neuchâtel', REFUSED);
  await order('Librairie Payot', '');
  await order('Graduate Institute', 'library@graduate.example');

  const page = await openScreen(ui, '#/invoice-batch');
  await page.getByText('4 orders', { exact: false }).first().waitFor(SLOW);
  const option = page.getByLabel('E-mail those with an address, print the rest');
  await option.focus();
  await page.keyboard.press('Space');
  expect(await option.isChecked()).toBe(true);
  await tabTo(page, /^Issue 4 invoices$/);
  await page.keyboard.press('Enter');

  const summary = page.getByTestId('batch-mail-summary');
  await expect.poll(() => summary.count(), SLOW).toBe(1);
  expect(await shownText(summary)).toBe('E-mails: 2 of 3 mails accepted by the server, 1 failed');
  expect(await shownText(page.getByRole('list', { name: 'Mails not sent' }))).toMatch(/^INV-\d{4}-\d{5} to nobody@customer\.example: Failed: .*550/);
  expect(await shownText(page.getByRole('list', { name: 'Invoices not e-mailed' }))).toMatch(/^INV-\d{4}-\d{5}: The order has no e-mail address/);
  expect(ui.smtp.accepted.map((m) => m.envelopeTo[0]).sort()).toEqual(['commandes@bge.example', 'library@graduate.example']);

  // To print: the invoice without an address and the one refused, no more.
  const save = page.getByRole('region', { name: 'The PDFs' });
  expect(await shownText(save.locator('p.muted'))).toMatch(/^2 invoices to print \(not e-mailed, or their mail failed\)/);
  await screenshot(page, 'mail-batch-summary');
  await page.close();
});
