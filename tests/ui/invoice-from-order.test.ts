/**
 * From an order, by keyboard only: issue its invoice with a preview, see why it can no longer
 * be edited, credit one copy, credit the rest, and issue the corrected invoice.
 */
import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { unitDay } from '../support/unit-day';
import { screenshot } from '../support/browser';
import { TEST_BANK_ACCOUNTS } from '../support/fake-renderer';
import { call } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';
import { focusedName, shownText, tabTo } from './keyboard-support';

vi.setConfig({ testTimeout: 180_000 });
const SLOW = { timeout: 20_000 };
const ui = useUiSession(60_000, { actor: 'Anna Keller' });

/** Amounts in cents, worked out here apart from the app: quantity × price less discount, rounded half up per line. */
const cents = (quantity: number, unitPriceCents: number, discountPercent = 0) => Math.round((quantity * unitPriceCents * (100 - discountPercent)) / 100);
const chf = (c: number) => new RegExp(`CHF\\s*${Math.floor(c / 100)}\\.${String(c % 100).padStart(2, '0')}`);

/** The first preview starts the PDF worker (fonts and all): on a loaded machine that alone has taken over 20 s. */
const FIRST_RENDER = { timeout: 90_000 };

function waitForPreview(page: Page, wanted: Record<string, string>, wait = SLOW) {
  return page.waitForResponse((r) => {
    if (!r.url().endsWith('/api/invoices.preview') || r.status() !== 200) return false;
    const body = JSON.parse(r.request().postData() ?? '{}') as Record<string, unknown>;
    return Object.entries(wanted).every(([k, v]) => body[k] === v);
  }, wait);
}

/** Share of the canvas's pixels that are not white: a drawn invoice page has text, lines and a logo-free header. */
function inkOn(canvas: ReturnType<Page['locator']>) {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (el.width * el.height);
  });
}

async function heading(page: Page) {
  await page.getByRole('heading', { level: 1 }).focus();
}

it('issues an invoice with its preview, refuses editing it, credits a copy, credits the rest and issues a corrected invoice', async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  const { order } = await call(ui.web.app, 'orders.create', {
    // A customer in France: the invoice is in French unless the clerk says otherwise.
    customer: { name: 'Médiathèque Émile Zola', country: 'FR', city: 'Montpellier', postalCode: '34000', email: 'achats@mediatheque.example', address: '218 boulevard de l’Aéroport' },
    currency: 'CHF',
    receivedVia: 'mail',
    receivedOn: unitDay(),
    paymentMethod: 'bank_transfer',
    lines: [
      { publicationId: publications[0].id, quantity: 3, unitPrice: '19.99', discountPercent: '15' },
      { title: 'Migration and Health', quantity: 1, unitPrice: '25.00' },
    ],
  });
  const year = unitDay().slice(0, 4);
  const line1 = cents(3, 1999, 15);
  const line2 = cents(1, 2500);
  const shipping = 1200;
  const total = line1 + line2 + shipping;

  const page = await openScreen(ui, `#/order/${order.id}`);
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await heading(page);

  // Issue invoice… says its shortcut; Alt+I opens it with focus on the shipping.
  expect(await page.getByRole('button', { name: /^Issue invoice…/ }).textContent()).toBe('Issue invoice… Alt+I');
  const firstPreview = waitForPreview(page, {}, FIRST_RENDER);
  await page.keyboard.press('Alt+I');
  const dialog = page.getByRole('dialog', { name: `Issue an invoice for order ${order.number}` });
  await dialog.waitFor();
  await expect.poll(() => focusedName(page)).toMatch(/^Shipping \(CHF\)/);
  await firstPreview;
  const language = dialog.getByLabel('Language of the invoice');
  await expect.poll(() => language.inputValue(), SLOW).toBe('fr');
  expect(await dialog.getByLabel('Date of issue').inputValue()).toBe(unitDay());

  const withShipping = waitForPreview(page, { shipping: '12.00' });
  await page.keyboard.type('12.00');
  // Enter in a field never issues a legal document.
  await page.keyboard.press('Enter');
  await withShipping;
  expect(await dialog.count()).toBe(1);
  await expect.poll(() => shownText(dialog.locator('.invoice-preview__figures')), SLOW).toMatch(chf(total));

  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toBe('Language of the invoice');
  const inEnglish = waitForPreview(page, { shipping: '12.00', language: 'en' });
  await page.keyboard.press('ArrowUp');
  await inEnglish;
  expect(await language.inputValue()).toBe('en');
  // The preview is drawn, in English now, and came back without taking the keyboard away from the field.
  const canvas = dialog.locator('canvas[data-drawn="true"]');
  await canvas.waitFor(SLOW);
  expect(await inkOn(canvas)).toBeGreaterThan(0.01);
  await expect.poll(() => dialog.locator('.pdf-page__text pre').textContent(), SLOW).toMatch(/DRAFT[\s\S]*Invoice/);
  expect(await dialog.locator('.pdf-page__text pre').textContent()).toMatch(/12\.00/);
  await expect.poll(() => focusedName(page)).toBe('Language of the invoice');
  await screenshot(page, 'invoice-from-order-dialog');

  // Issued: the invoice itself is shown; from it, back to its order.
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { level: 1, name: `Invoice INV-${year}-00001` }).waitFor(SLOW);
  await tabTo(page, new RegExp(`^Order ${order.number}$`));
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  const notice = page.locator('.banner.status');

  // Invoiced: the screen says why it cannot be edited where Edit was, and offers the credit note.
  await expect.poll(() => shownText(page.locator('.order-detail__head')), SLOW).toMatch(/Invoiced/);
  const refusal = page.getByTestId('edit-refusal');
  expect(await shownText(refusal)).toMatch(new RegExp(`^Invoiced on INV-${year}-00001 \\(.+\\): an issued invoice never changes\\. To correct it, issue a credit note and then a new invoice\\.$`));
  expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Issue invoice…/ }).count()).toBe(0);
  expect(await shownText(page.getByTestId('balance'))).toMatch(chf(total));
  await screenshot(page, 'invoice-from-order-invoiced');

  // The edit route refuses too: no form, the reason, and Enter goes back to the order.
  await page.goto(ui.web.entryUrl(`#/edit-order/${order.id}`));
  await page.getByRole('heading', { name: `Order ${order.number} cannot be edited` }).waitFor(SLOW);
  expect(await shownText(page.getByRole('alert'))).toMatch(new RegExp(`Invoiced on INV-${year}-00001 .*issue a credit note and then a new invoice`));
  expect(await page.locator('main input, main textarea, main select').count()).toBe(0);
  await expect.poll(() => focusedName(page)).toBe(`Back to order ${order.number}`);
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await heading(page);

  // One copy of line 1 came back damaged: credit it, with a reason.
  await page.keyboard.press('Alt+C');
  const credit = page.getByRole('dialog', { name: `Credit note for invoice INV-${year}-00001` });
  await credit.waitFor();
  await expect.poll(() => focusedName(page), SLOW).toBe('Quantity to credit, line 1');
  await page.keyboard.type('1');
  const credited = cents(1, 1999, 15);
  await expect.poll(() => shownText(credit.getByTestId('credit-amount'))).toMatch(chf(credited));
  await tabTo(page, /^Reason/);
  await page.keyboard.type('One copy damaged in transit');
  await screenshot(page, 'invoice-from-order-credit-dialog');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => credit.count(), SLOW).toBe(0);
  await expect.poll(() => shownText(notice), SLOW).toMatch(new RegExp(`Credit note CN-${year}-00001 issued for invoice INV-${year}-00001`));
  expect(await shownText(notice)).toMatch(new RegExp(`The order now owes ${chf(total - credited).source} \\(unpaid\\)\\.$`));
  await expect.poll(() => shownText(page.getByTestId('balance')), SLOW).toMatch(new RegExp(`${chf(total - credited).source} · Unpaid`));
  expect(await shownText(page.locator('.order-detail__balance'))).toMatch(chf(total - credited));
  const documents = page.getByRole('region', { name: 'Invoices and credit notes' });
  await expect.poll(() => shownText(documents), SLOW).toMatch(new RegExp(`Credit note CN-${year}-00001 · credits INV-${year}-00001`));
  await screenshot(page, 'invoice-from-order-credited');

  // The rest, in full (Alt+A in the dialog): the order is open again and a corrected invoice can be issued.
  await heading(page);
  await page.keyboard.press('Alt+C');
  await credit.waitFor();
  await expect.poll(() => focusedName(page), SLOW).toBe('Quantity to credit, line 1');
  await page.keyboard.press('Alt+A');
  await expect.poll(() => shownText(credit.getByTestId('credit-amount'))).toMatch(new RegExp(`${chf(total - credited).source} — the invoice is credited in full`));
  await tabTo(page, /^Reason/);
  await page.keyboard.type('Wrong quantities; a corrected invoice follows');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => shownText(notice), SLOW).toMatch(new RegExp(`Credit note CN-${year}-00002 issued`));
  await expect.poll(() => page.getByRole('link', { name: 'Edit', exact: true }).count(), SLOW).toBe(1);
  expect(await page.getByTestId('edit-refusal').count()).toBe(0);
  // The history names the step that took the order back to received, with the credit note that did it.
  const backToReceived = page.getByRole('list', { name: 'History, newest first' }).getByRole('table', { name: 'Changes: Invoice credited in full' });
  await expect.poll(async () => (await backToReceived.getByRole('row').allInnerTexts()).slice(1), SLOW).toEqual([
    expect.stringMatching(/^Status\s+Invoiced\s+Received$/),
    expect.stringMatching(new RegExp(`^Credit note\\s+—\\s+CN-${year}-00002$`)),
  ]);

  await heading(page);
  await page.keyboard.press('Alt+I');
  await dialog.waitFor();
  await expect.poll(() => language.inputValue(), SLOW).toBe('fr');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { level: 1, name: `Invoice INV-${year}-00002` }).waitFor(SLOW);
  await tabTo(page, new RegExp(`^Order ${order.number}$`));
  await page.keyboard.press('Enter');
  // The corrected invoice has no shipping: the order owes its lines.
  await expect.poll(() => shownText(page.getByTestId('balance')), SLOW).toMatch(chf(line1 + line2));
  await page.close();
});

it('says what stops issuing (no bank account for the currency) with the way to Settings, and issues nothing', async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS.filter((a) => a.currency !== 'USD') });
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'Biblioteca Nacional', country: 'AR', city: 'Buenos Aires', postalCode: 'C1425', email: 'compras@bn.example', address: 'Agüero 2502' },
    currency: 'USD',
    receivedVia: 'fax',
    receivedOn: unitDay(),
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '40.00' }],
  });
  const page = await openScreen(ui, `#/order/${order.id}`);
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await heading(page);
  await page.keyboard.press('Alt+I');
  const dialog = page.getByRole('dialog', { name: `Issue an invoice for order ${order.number}` });
  const problem = dialog.getByRole('alert').filter({ hasText: 'cannot be issued yet' });
  await problem.waitFor(SLOW);
  expect(await shownText(problem)).toMatch(/There is no USD bank account in Settings → Bank accounts/);
  // Spanish by default for a customer in Argentina.
  expect(await dialog.getByLabel('Language of the invoice').inputValue()).toBe('es');
  expect(await dialog.getByRole('button', { name: /^Issue invoice/ }).isDisabled()).toBe(true);
  await page.keyboard.press('Control+Enter');
  await dialog.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  await screenshot(page, 'invoice-from-order-problem');
  expect((await call(ui.web.app, 'invoices.list', { orderId: order.id })).total).toBe(0);

  await tabTo(page, /^Open Settings$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(SLOW);
  await page.close();
});

it('says a paid invoice credited in full leaves a credit held for the customer, in words, never “owes -EUR 72.00”', async () => {
  await call(ui.web.app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'Stadtbibliothek Köln', country: 'DE', city: 'Köln', postalCode: '50667', email: 'erwerbung@stbib.example', address: 'Josef-Haubrich-Hof 1' },
    currency: 'EUR',
    receivedVia: 'mail',
    receivedOn: unitDay(),
    lines: [{ title: 'World Migration Report 2024', quantity: 2, unitPrice: '36.00' }],
  });
  const { invoice } = await call(ui.web.app, 'invoices.issue', { orderId: order.id });
  await call(ui.web.app, 'payments.record', { orderId: order.id, method: 'bank_transfer', receivedOn: unitDay(), amount: '72.00' });

  const page = await openScreen(ui, `#/order/${order.id}`);
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await heading(page);
  await page.keyboard.press('Alt+C');
  const credit = page.getByRole('dialog', { name: `Credit note for invoice ${invoice.number}` });
  await credit.waitFor(SLOW);
  await expect.poll(() => focusedName(page), SLOW).toBe('Quantity to credit, line 1');
  await page.keyboard.press('Alt+A');
  await tabTo(page, /^Reason/);
  await page.keyboard.type('Ordered by mistake; the money goes back');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => credit.count(), SLOW).toBe(0);
  const notice = page.locator('.banner.status');
  await expect.poll(() => shownText(notice), SLOW).toMatch(/issued for invoice INV-\S+: EUR 72\.00 credited\. The order now holds a credit of EUR 72\.00 for the customer \(overpaid\)\.$/);
  expect(await shownText(notice)).not.toMatch(/owes\s*-/);
  // The panel below says the same in its own words.
  await expect.poll(() => shownText(page.getByTestId('balance')), SLOW).toMatch(/EUR 72\.00 credit for the customer/);
  await screenshot(page, 'invoice-from-order-credit-held');
  await page.close();
});
