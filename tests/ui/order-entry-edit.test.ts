import { beforeAll, expect, it, vi } from 'vitest';
import { screenshot } from '../support/browser';
import { useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';
import { unitDay } from '../support/unit-day';
import { chooseReceivedVia, errorOf, focusedField, openNewOrder, setCataloguePrices, textOf } from './order-entry-support';

/** The machine is shared; answers may take longer than vitest's default second. */
const SLOW = { timeout: 10_000 };
// Keying in a whole form by keyboard in a real browser can take most of a minute on a shared machine.
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession();
let ids: Record<string, number>;

beforeAll(async () => {
  ids = await setCataloguePrices(ui.web.app, {
    'Migrants and their Vulnerability': { CHF: '25.00', EUR: '24.00' },
    'Ending child labour': { CHF: '19.90', EUR: '18.50' },
  });
});

const today = () => unitDay();

async function createOrder(overrides: Record<string, unknown> = {}) {
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'Ngọc Trần', address: '12 Lý Thường Kiệt', country: 'VN', city: 'Hà Nội', postalCode: '100000', phone: '', email: 'ngoc@example.vn' },
    currency: 'CHF',
    receivedVia: 'fax',
    receivedOn: today(),
    lines: [{ publicationId: ids['Ending child labour'], quantity: 2, unitPrice: '19.90' }],
    ...overrides,
  });
  return order as { id: number; number: string; updatedAt: string };
}

it('re-prices list prices after confirming a currency change and keeps prices typed by hand', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const title1 = page.getByRole('combobox', { name: 'Book title, line 1' });
  await title1.focus();
  await page.keyboard.type('vulnerability');
  await page.keyboard.press('Tab'); // takes the highlighted best match, on to Quantity
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // a new line
  await page.keyboard.type('ending child');
  await page.keyboard.press('Enter'); // Enter does the same as Tab here
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('15.00'); // a negotiated price, typed by hand
  await page.keyboard.press('Tab');

  const currency = page.getByRole('combobox', { name: 'Currency' });
  await currency.focus();
  await currency.selectOption('EUR');
  const dialog = page.getByRole('dialog', { name: 'Change the currency from CHF to EUR?' });
  await dialog.waitFor();
  expect(await textOf(dialog)).toContain('1 line takes the EUR list price.');
  expect(await textOf(dialog)).toContain('1 line has a price typed by hand. It is kept unless you choose to replace it');
  await screenshot(page, 'order-entry-currency-confirm');
  await page.keyboard.press('Enter');

  await expect.poll(() => page.getByRole('textbox', { name: 'Unit price in EUR, line 1' }).inputValue(), SLOW).toBe('24.00');
  expect(await page.getByRole('textbox', { name: 'Unit price in EUR, line 2' }).inputValue()).toBe('15.00');
  expect(await textOf(page.getByRole('status', { name: /Amount due/ }))).toBe('EUR 39.00');

  // Backing out leaves currency and prices as they were.
  await currency.selectOption('CHF');
  await page.getByRole('dialog', { name: 'Change the currency from EUR to CHF?' }).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => currency.inputValue(), SLOW).toBe('EUR');
  expect(await page.getByRole('textbox', { name: 'Unit price in EUR, line 1' }).inputValue()).toBe('24.00');

  // Agreeing to replace typed prices too.
  await currency.selectOption('CHF');
  const back = page.getByRole('dialog', { name: 'Change the currency from EUR to CHF?' });
  await back.getByRole('button', { name: 'Also replace prices typed by hand' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('textbox', { name: 'Unit price in CHF, line 2' }).inputValue(), SLOW).toBe('19.90');
  expect(await textOf(page.getByRole('status', { name: /Amount due/ }))).toBe('CHF 44.90');
  await page.close();
});

it('fills the customer block from an existing customer picked by name', async () => {
  const { customer } = await call(ui.web.app, 'customers.save', {
    name: 'Zoë Ångström-Müller',
    address: 'Storgatan 1',
    country: 'SE',
    city: 'Uppsala',
    postalCode: '753 10',
    phone: '+46 18 000 00',
    email: 'zoe@example.se',
  });
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await page.keyboard.type('angstr');
  await page.getByRole('option', { name: /Zoë Ångström-Müller/ }).waitFor();
  const name = page.getByRole('combobox', { name: 'Name' });
  // The best match is highlighted; the last entry would keep the name for a new customer.
  expect(await name.getAttribute('aria-activedescendant')).toMatch(/-opt-0$/);
  expect(await page.locator('[role="listbox"]:not([hidden]) [role="option"]').last().textContent()).toBe('New customer “angstr”');
  await page.keyboard.press('Enter');
  expect(await name.inputValue()).toBe('Zoë Ångström-Müller');
  // The customer block is complete: focus goes on to the books.
  await expect.poll(() => focusedField(page), SLOW).toMatch(/^line:.*:title$/);
  expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Sweden');
  expect(await page.getByRole('textbox', { name: 'City' }).inputValue()).toBe('Uppsala');
  expect(await page.getByRole('combobox', { name: 'E-mail' }).inputValue()).toBe('zoe@example.se');
  expect(await page.getByText(`Existing customer no. ${customer.id}`).count()).toBe(1);

  // Typing another name over the picked one drops the link; the same e-mail still finds the customer on save.
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Jr');
  await expect.poll(() => page.getByText(/Existing customer no\./).count(), SLOW).toBe(0);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Backspace');

  await page.getByRole('combobox', { name: 'Book title, line 1' }).focus();
  await page.keyboard.type('Atlas of migration');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30');
  await chooseReceivedVia(page);
  await page.keyboard.press('Control+S');
  await page.getByRole('status').filter({ hasText: /saved/ }).waitFor();
  const row = ui.web.app.db.prepare('SELECT customer_id FROM orders ORDER BY id DESC LIMIT 1').get();
  expect(row).toEqual({ customer_id: customer.id });
  await page.close();
});

it('edits an open order and saves it back with its version', async () => {
  const order = await createOrder();
  const page = await ui.browser.newPage();
  await page.goto(ui.web.entryUrl(`#/edit-order/${order.id}`));
  await page.getByRole('heading', { name: `Edit order ${order.number}` }).waitFor();
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Vietnam');
  expect(await page.getByRole('textbox', { name: 'City' }).inputValue()).toBe('Hà Nội');
  const quantity = page.getByRole('textbox', { name: 'Quantity, line 1' });
  await quantity.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await expect.poll(() => textOf(page.getByRole('status', { name: /Amount due/ })), SLOW).toBe('CHF 99.50');
  await screenshot(page, 'order-entry-edit');
  await page.keyboard.press('Control+S');
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe(`#/order/${order.id}`);
  const stored = await call(ui.web.app, 'orders.get', { id: order.id });
  expect(stored.order.total).toBe('99.50');
  expect(stored.order.lines[0].quantity).toBe(5);
  await page.close();
});

it('refuses to overwrite a change made meanwhile by someone else', async () => {
  ui.expectRefusal({ status: 409, path: '/api/orders.update' });
  const order = await createOrder();
  const page = await ui.browser.newPage();
  await page.goto(ui.web.entryUrl(`#/edit-order/${order.id}`));
  await page.getByRole('heading', { name: `Edit order ${order.number}` }).waitFor();
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.focus();
  await page.keyboard.type('Customer phoned: send by courier.');

  // No wait for the clock to move: a save always gives the order a later version, even in the same millisecond
  // (nextVersion; tests/db/order-entry-save.test.ts checks it with a stopped clock).
  const { order: current } = await call(ui.web.app, 'orders.get', { id: order.id });
  await call(ui.web.app, 'orders.update', {
    ...current,
    lines: current.lines.map((l: { publicationId: number; quantity: number; unitPrice: string }) => ({ publicationId: l.publicationId, quantity: l.quantity, unitPrice: l.unitPrice })),
    customerReference: 'PO-77',
    expectedUpdatedAt: current.updatedAt,
  });

  await page.keyboard.press('Control+S');
  const alert = page.getByRole('alert').filter({ hasText: 'was changed by someone else' });
  await alert.waitFor();
  const stored = await call(ui.web.app, 'orders.get', { id: order.id });
  expect(stored.order.notes).toBe('');
  expect(stored.order.customerReference).toBe('PO-77');
  await page.close();
});

it('explains why an order that is no longer open cannot be edited', async () => {
  const order = await createOrder();
  ui.web.app.db.prepare("UPDATE orders SET status = 'invoiced' WHERE id = ?").run(order.id);
  const page = await ui.browser.newPage();
  await page.goto(ui.web.entryUrl(`#/edit-order/${order.id}`));
  const message = page.getByRole('alert').filter({ hasText: `Order ${order.number} is invoiced and can no longer be edited` });
  await message.waitFor();
  expect(await page.getByRole('link', { name: `Back to order ${order.number}` }).getAttribute('href')).toBe(`#/order/${order.id}`);
  expect(await page.getByRole('combobox', { name: 'Name' }).count()).toBe(0);
  await page.close();
});

it('shows what the API refuses next to the field, e.g. a title retired while the form was open', async () => {
  ui.expectRefusal({ status: 400, path: '/api/orders.create' });
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await page.keyboard.type('Łukasz Żółć');
  await page.getByRole('combobox', { name: 'Country' }).focus();
  await page.keyboard.type('Poland');
  await page.getByRole('combobox', { name: 'Book title, line 1' }).focus();
  await page.keyboard.type('remediation');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9.50');
  await chooseReceivedVia(page, 'f');

  const { publications } = await call(ui.web.app, 'catalogue.list', {});
  const remediation = publications.find((p: { title: string }) => p.title.startsWith('Remediation'));
  await call(ui.web.app, 'catalogue.save', { ...remediation, active: false });

  await page.keyboard.press('Control+S');
  const title = page.getByRole('combobox', { name: 'Book title, line 1' });
  await expect.poll(() => errorOf(page, title), SLOW).toMatch(/^"Remediation Guidelines .*" is retired and can no longer be ordered\.$/);
  await expect.poll(() => focusedField(page)).toMatch(/^line:.*:title$/);
  expect(ui.web.app.db.prepare("SELECT count(*) AS n FROM orders WHERE customer_name = 'Łukasz Żółć'").get()).toEqual({ n: 0 });
  await call(ui.web.app, 'catalogue.save', { ...remediation, active: true });
  await page.close();
});

it('offers country names in the language of the settings and stores the ISO code', async () => {
  await call(ui.web.app, 'settings.set', { locale: 'fr-CH' });
  try {
    const page = await ui.browser.newPage();
    await openNewOrder(page, ui.web.entryUrl('#/new-order'));
    await page.keyboard.type('Hans Müller');
    await page.getByRole('combobox', { name: 'Country' }).focus();
    await page.keyboard.type('allem');
    await page.getByRole('option', { name: /Allemagne/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Allemagne');
    await page.getByRole('combobox', { name: 'Book title, line 1' }).focus();
    await page.keyboard.type('Atlas');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await chooseReceivedVia(page);
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: /saved/ }).waitFor();
    expect(ui.web.app.db.prepare("SELECT customer_country AS country FROM orders WHERE customer_name = 'Hans Müller'").get()).toEqual({ country: 'DE' });
    await page.close();
  } finally {
    await call(ui.web.app, 'settings.set', { locale: 'en-CH' });
  }
});
