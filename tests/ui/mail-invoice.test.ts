/**
 * E-mailing documents by keyboard, in browser mode, to a real SMTP server on loopback: from an
 * invoice's screen (the mail previewed, then "Accepted by the server" with its answer and the
 * history line; the attachment is the stored PDF byte for byte), a refusal (550) shown as Failed
 * with the server's reason and never as sent, Home listing it, and "Issue and e-mail" from an order.
 */
import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen } from '../support/ui-session';
import { focusedName, shownText, tabTo } from './keyboard-support';
import { partShot, useMailUiSession } from './mail-support';

vi.setConfig({ testTimeout: 240_000 });
const SLOW = { timeout: 30_000 };
/** The first PDF starts the render worker (fonts and all): on a loaded machine that alone has taken over 20 s. */
const FIRST_RENDER = { timeout: 90_000 };
const REFUSED = 'nobody@customer.example';
const ui = useMailUiSession(120_000, { actor: 'Anna Keller' }, { refuseRecipients: [REFUSED] });

let orders = 0;

async function orderFor(email: string) {
  orders += 1;
  await call(ui.web.app, 'settings.set', {
    bankAccounts: TEST_BANK_ACCOUNTS,
    mail: { host: '127.0.0.1', port: ui.smtp.port, security: 'none', fromAddress: 'publications@unit.example', fromName: 'Publications Unit' },
  });
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: `Bibliothèque cantonale ${orders}`, country: 'CH', city: 'Lausanne', postalCode: '1015', email, address: 'Route de la Sorge 1' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: unitDay(),
    paymentMethod: 'bank_transfer',
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '45.00' }],
  });
  return order as { id: number; number: string };
}

async function issued(email: string) {
  const order = await orderFor(email);
  const { invoice } = await call(ui.web.app, 'invoices.issue', { orderId: order.id });
  return invoice as { id: number; number: string };
}

async function openInvoice(page: Page | undefined, id: number, number: string) {
  const shown = await openScreen(ui, `#/invoice/${id}`, page);
  await shown.getByRole('heading', { level: 1, name: `Invoice ${number}` }).waitFor(SLOW);
  return shown;
}

it('e-mails an invoice from its screen: previewed, accepted by the server with its answer, in the history, the attachment being the stored PDF', async () => {
  const invoice = await issued('achats@bcu.example');
  const page = await openInvoice(undefined, invoice.id, invoice.number);
  expect(await shownText(page.getByRole('region', { name: 'Delivery history' }))).toContain('Not e-mailed yet.');

  await page.keyboard.press('Alt+E');
  const dialog = page.getByRole('dialog', { name: `E-mail invoice ${invoice.number}` });
  await dialog.waitFor();
  await expect.poll(() => focusedName(page)).toBe('To');
  // The order's e-mail, the template's subject and text in the invoice's language (French, for a customer in Lausanne), and the PDF named with its size.
  await expect.poll(() => dialog.getByLabel('To').inputValue(), FIRST_RENDER).toBe('achats@bcu.example');
  expect(await dialog.getByLabel('Subject').inputValue()).toBe(`Facture ${invoice.number} – Publications Unit, International Organization for Migration`);
  expect(await dialog.getByLabel('Text').inputValue()).toMatch(
    new RegExp(`^Bonjour Bibliothèque cantonale \\d+,\n\nVeuillez trouver ci-joint la facture ${invoice.number} relative à votre commande .*, d’un montant de .*90[.,]00.*, payable jusqu’au `),
  );
  expect(await shownText(page.getByTestId('mail-attachment'))).toMatch(new RegExp(`^Attachment ${invoice.number}\\.pdf, \\d+(\\.\\d)? KB — the PDF exactly as issued$`));
  expect(await shownText(dialog.locator('.mail-dialog__envelope'))).toBe('From Publications Unit <publications@unit.example> Language French, the invoice’s own (the texts are in Settings → E-mail texts)');
  await partShot(dialog, 'mail-dialog');

  // A line of the clerk's own in the text; Enter in the recipient sends.
  await tabTo(page, /^Text/);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nP.S. The second volume follows in January.');
  await dialog.getByLabel('To').focus();
  await page.keyboard.press('Enter');

  const outcome = page.getByRole('dialog', { name: `E-mail invoice ${invoice.number}` }).getByTestId('mail-outcome');
  await expect.poll(() => shownText(outcome), SLOW).toMatch(/^Accepted by the server \(250 .*Ok: queued as test-\d+\)\.$/);
  await screenshot(page, 'mail-dialog-accepted');
  await page.keyboard.press('Escape');
  const history = page.getByTestId('mail-history-row');
  // The history read the outbox when the mail was queued, and follows it until the server's answer.
  await expect.poll(() => history.count(), SLOW).toBe(1);
  await expect.poll(() => shownText(history), SLOW).toMatch(/^Accepted .* to achats@bcu\.example Server’s answer: 250 .*Ok: queued as test-\d+$/);

  // What the server received: to the order's address, the text as edited, the stored PDF byte for byte.
  const received = ui.smtp.accepted.at(-1)!;
  expect(received.envelopeTo).toEqual(['achats@bcu.example']);
  expect(received.parsed.text).toContain('P.S. The second volume follows in January.');
  const pdf = await call(ui.web.app, 'invoices.pdf', { id: invoice.id });
  expect(received.parsed.attachments).toHaveLength(1);
  expect(received.parsed.attachments[0]!.filename).toBe(`${invoice.number}.pdf`);
  expect(received.parsed.attachments[0]!.content.equals(Buffer.from(pdf.contentBase64, 'base64'))).toBe(true);
  await page.close();
});

it('shows a mail the server refuses (550) as Failed with the server’s reason, never as sent, and Home lists it with a link to the invoice', async () => {
  const invoice = await issued(REFUSED);
  const page = await openInvoice(undefined, invoice.id, invoice.number);
  await page.keyboard.press('Alt+E');
  const dialog = page.getByRole('dialog', { name: `E-mail invoice ${invoice.number}` });
  await expect.poll(() => dialog.getByLabel('To').inputValue(), SLOW).toBe(REFUSED);
  await page.keyboard.press('Enter');

  const outcome = dialog.getByTestId('mail-outcome');
  await expect.poll(() => shownText(outcome), SLOW).toMatch(/^Failed: .*550 5\.1\.1 No such user here/);
  expect(await shownText(outcome)).not.toMatch(/accepted|\bsent\b/i);
  expect(await dialog.getByRole('button', { name: 'Retry' }).count()).toBe(1);
  expect(ui.smtp.accepted.some((m) => m.envelopeTo.includes(REFUSED))).toBe(false);
  await page.keyboard.press('Escape');
  const history = page.getByTestId('mail-history-row');
  await expect.poll(() => shownText(history), SLOW).toMatch(new RegExp(`^Failed .* to ${REFUSED.replace('.', '\\.')} The mail server refused .*550`));

  // Home: the failed mail, with its reason and the way to its invoice.
  await page.keyboard.press('Alt+0');
  const mails = page.getByRole('region', { name: /^E-mails not delivered/ });
  await mails.waitFor(SLOW);
  expect(await shownText(mails.getByRole('heading'))).toBe('E-mails not delivered: 1 mail failed');
  const row = mails.getByRole('row', { name: new RegExp(invoice.number) });
  expect(await shownText(row)).toMatch(new RegExp(`^Invoice ${invoice.number} ${REFUSED.replace('.', '\\.')} .* Failed The mail server refused .*550 5\\.1\\.1 No such user here`));
  await screenshot(page, 'mail-home-failed');
  await mails.getByRole('link', { name: `Invoice ${invoice.number}` }).press('Enter');
  await page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` }).waitFor(SLOW);
  await page.close();
});

it('issues an invoice and e-mails it in one go from its order (Ctrl+Shift+Enter)', async () => {
  const order = await orderFor('commandes@bge.example');
  const page = await openScreen(ui, `#/order/${order.id}`);
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await page.getByRole('heading', { level: 1 }).focus();
  const preview = page.waitForResponse((r) => r.url().endsWith('/api/invoices.preview') && r.status() === 200, FIRST_RENDER);
  await page.keyboard.press('Alt+I');
  await page.getByRole('dialog', { name: `Issue an invoice for order ${order.number}` }).waitFor();
  await preview;
  expect(await page.getByRole('button', { name: /^Issue and e-mail/ }).textContent()).toBe('Issue and e-mail Ctrl+Shift+Enter');
  await page.keyboard.press('Control+Shift+Enter');

  // The invoice's own screen, with its E-mail dialog open on the order's address.
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ });
  await heading.waitFor(SLOW);
  const number = (await heading.textContent())!.replace('Invoice ', '');
  const dialog = page.getByRole('dialog', { name: `E-mail invoice ${number}` });
  await dialog.waitFor(SLOW);
  await expect.poll(() => dialog.getByLabel('To').inputValue(), SLOW).toBe('commandes@bge.example');
  await expect.poll(() => focusedName(page)).toBe('To');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownText(dialog.getByTestId('mail-outcome')), SLOW).toMatch(/^Accepted by the server \(250 /);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('mail-history-row').count(), SLOW).toBe(1);
  expect(ui.smtp.accepted.at(-1)!.envelopeTo).toEqual(['commandes@bge.example']);
  await page.close();
});
