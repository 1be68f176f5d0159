import { beforeAll, expect, it, vi } from 'vitest';
import { screenshot } from '../support/browser';
import { useUiSession } from '../support/ui-session';
import { errorOf, focusedField, textOf, keyInForm, openNewOrder, setCataloguePrices, type PaperForm } from './order-entry-support';

/** The machine is shared; answers may take longer than vitest's default second. */
const SLOW = { timeout: 10_000 };
// Keying in a whole form by keyboard in a real browser can take most of a minute on a shared machine.
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession();

beforeAll(async () => {
  await setCataloguePrices(ui.web.app, {
    'Migrants and their Vulnerability': { CHF: '25.00', EUR: '24.00' },
    'Ending child labour': { CHF: '19.90', EUR: '18.50' },
  });
});

const zoe: PaperForm = {
  name: 'Zoë Ångström-Müller',
  address: 'Storgatan 1',
  country: 'Swed',
  city: 'Uppsala',
  zip: '753 10',
  phone: '+46 18 000 00',
  email: 'zoe@example.se',
  lines: [
    { typed: 'migrants vulnerab', pick: 1, quantity: '3' },
    { typed: '978-92-9068-805-1', pick: 1, quantity: '2' },
    { typed: 'World Migration Report 2024', quantity: '1', price: '40' },
  ],
};

it('keys in a three-line paper order with the keyboard only and saves it with exact totals', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await keyInForm(page, zoe);
  await screenshot(page, 'order-entry-filled');
  await expect.poll(() => textOf(page.getByRole('status', { name: 'Total, line 3' })), SLOW).toBe('CHF 40.00');
  expect(await textOf(page.getByRole('status', { name: 'Total, line 1' }))).toBe('CHF 75.00');
  expect(await textOf(page.getByRole('status', { name: 'Total, line 2' }))).toBe('CHF 39.80');
  expect(await textOf(page.getByRole('status', { name: /Amount due/ }))).toBe('CHF 154.80');
  expect(await page.getByRole('combobox', { name: 'Book title, line 2' }).inputValue()).toBe('Ending child labour, forced labour and human trafficking in global supply chains');
  expect(await page.getByRole('textbox', { name: 'Unit price in CHF, line 1' }).inputValue()).toBe('25.00');
  expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Sweden');
  await expect.poll(() => page.getByText('not in catalogue — will be reviewed').count(), SLOW).toBe(1);
  await screenshot(page, 'order-entry-filled');

  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor();
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];

  const row = ui.web.app.db.prepare('SELECT id, total_minor, currency, customer_name, customer_country, needs_review FROM orders WHERE number = ?').get(number) as Record<string, unknown>;
  expect(row).toMatchObject({ total_minor: 15480, currency: 'CHF', customer_name: 'Zoë Ångström-Müller', customer_country: 'SE', needs_review: 1 });
  const lines = ui.web.app.db.prepare('SELECT title, quantity, unit_price_minor, line_total_minor FROM order_lines WHERE order_id = ? ORDER BY position').all(row.id);
  expect(lines).toEqual([
    { title: 'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour', quantity: 3, unit_price_minor: 2500, line_total_minor: 7500 },
    { title: 'Ending child labour, forced labour and human trafficking in global supply chains', quantity: 2, unit_price_minor: 1990, line_total_minor: 3980 },
    { title: 'World Migration Report 2024', quantity: 1, unit_price_minor: 4000, line_total_minor: 4000 },
  ]);
  expect(await saved.getByRole('link').getAttribute('href')).toBe(`#/order/${row.id}`);

  // Ready for the next paper form: empty, focus in Name.
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await page.getByRole('combobox', { name: 'Name' }).inputValue()).toBe('');
  expect(await page.getByRole('combobox', { name: 'Book title, line 1' }).inputValue()).toBe('');
  await screenshot(page, 'order-entry-saved');

  await page.reload();
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await page.getByText(/Restore the unsaved order/).count()).toBe(0);
  const stored = await ui.web.app.invoke('orders.get', { id: row.id });
  expect(stored.ok && stored.value).toMatchObject({ order: { number, total: '154.80' } });
  await page.close();
});

it('warns that a second identical form is a duplicate, names the first order, saves it only on Save anyway, and opens the original on request', async () => {
  const first = ui.web.app.db.prepare("SELECT id, number, received_on FROM orders WHERE customer_name = 'Zoë Ångström-Müller' ORDER BY id LIMIT 1").get() as
    | { id: number; number: string; received_on: string }
    | undefined;
  expect(first).toBeDefined();
  const count = () => (ui.web.app.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await keyInForm(page, { ...zoe, name: 'zoe angstrom-muller', email: '' });
  await page.keyboard.press('Control+S');

  const warning = page.getByRole('alert').filter({ hasText: 'This may be a duplicate' });
  await warning.waitFor();
  expect(await warning.textContent()).toContain(`Order ${first!.number}, received ${first!.received_on} by mail`);
  expect(await warning.getByRole('link', { name: `Order ${first!.number}` }).getAttribute('href')).toBe(`#/order/${first!.id}`);
  const original = warning.getByRole('link', { name: `This is the original of ${first!.number} — open it` });
  expect(await original.getAttribute('href')).toBe(`#/order/${first!.id}`);
  expect(count()).toBe(1);
  await screenshot(page, 'order-entry-duplicate-warning');

  // Focus stays in the form, and a reflexive second Ctrl+S only checks again: nothing is saved.
  expect(await focusedField(page)).toBe('receivedVia');
  const checked = page.waitForResponse((r) => r.url().endsWith('/api/orders.findDuplicates'));
  await page.keyboard.press('Control+S');
  await checked;
  await expect.poll(() => page.getByRole('button', { name: /^Save order/ }).isEnabled(), SLOW).toBe(true);
  expect(count()).toBe(1);
  expect(await warning.count()).toBe(1);

  // Save anyway, by its Alt key, saves the duplicate.
  await page.keyboard.press('Alt+A');
  await page.getByRole('status').filter({ hasText: /saved/ }).waitFor();
  expect(count()).toBe(2);

  // The mailed original of the fax keyed earlier: open that order instead, and this form is gone.
  await keyInForm(page, { ...zoe, name: 'zoe angstrom-muller', email: '' });
  await page.keyboard.press('Control+S');
  await original.click();
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe(`#/order/${first!.id}`);
  expect(await page.getByRole('dialog', { name: 'Leave without saving?' }).count()).toBe(0);
  expect(count()).toBe(2);
  await page.goto(ui.web.entryUrl('#/new-order'));
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await page.getByText(/Restore the unsaved order/).count()).toBe(0);
  await page.close();
});

it('shows clerk-readable errors next to the wrong fields, refuses to save and focuses the first problem', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  const kb = page.keyboard;
  await kb.press('Tab'); // leave Name empty
  await kb.type('Rue du Rhône 1');
  await kb.press('Tab');
  await kb.type('Narnia');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.press('Tab');
  await kb.type('zoe@');
  await kb.press('Tab');
  const email = page.getByRole('combobox', { name: 'E-mail' });
  // Shown on leaving the field, before any save.
  await expect.poll(() => errorOf(page, email), SLOW).toBe('E-mail does not look like an e-mail address (name@example.org).');
  await kb.press('Tab'); // Currency
  await kb.type('Atlas of migration');
  await kb.press('Tab');
  await kb.type('0');
  await kb.press('Tab');
  await kb.type('12.345');
  await kb.press('Control+S');

  const name = page.getByRole('combobox', { name: 'Name' });
  await expect.poll(() => errorOf(page, name), SLOW).toBe('Name is required.');
  expect(await errorOf(page, page.getByRole('combobox', { name: 'Country' }))).toBe('Country must be a country from the list (ISO code such as CH).');
  expect(await errorOf(page, page.getByRole('textbox', { name: 'Quantity, line 1' }))).toBe('Quantity must be at least 1.');
  expect(await errorOf(page, page.getByRole('textbox', { name: 'Unit price in CHF, line 1' }))).toBe('Unit price can have at most 2 decimals in CHF.');
  await expect.poll(() => focusedField(page)).toBe('customer.name');
  expect(await page.getByRole('alert').filter({ hasText: 'The order was not saved' }).count()).toBe(1);
  expect(ui.web.app.db.prepare("SELECT count(*) AS n FROM orders WHERE customer_address = 'Rue du Rhône 1'").get()).toEqual({ n: 0 });
  await screenshot(page, 'order-entry-errors');

  // Fixing a field clears its message at once.
  await kb.type('محمد الحسن');
  await expect.poll(() => errorOf(page, name), SLOW).toBeNull();
  expect(await name.getAttribute('dir')).toBe('auto');
  await page.close();
});

it('keeps an unsaved form through a reload and offers it back', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await page.keyboard.type('Łukasz Żółć');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ul. Długa 5');
  await page.reload();

  const offer = page.getByRole('alertdialog', { name: /Restore the unsaved order from \d{2}:\d{2}\?/ });
  await offer.waitFor();
  expect(await offer.textContent()).toContain('Łukasz Żółć');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Restore');
  await page.keyboard.press('Enter');
  expect(await page.getByRole('combobox', { name: 'Name' }).inputValue()).toBe('Łukasz Żółć');
  expect(await page.getByRole('textbox', { name: 'Address' }).inputValue()).toBe('ul. Długa 5');
  await screenshot(page, 'order-entry-draft-restored');

  // Esc asks before leaving; discarding removes the draft for good.
  await page.keyboard.press('Escape');
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leave.waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.location.hash), SLOW).toBe('#/orders');
  await page.goto(ui.web.entryUrl('#/new-order'));
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  expect(await page.getByText(/Restore the unsaved order/).count()).toBe(0);
  await page.close();
});

it('removes a line with Ctrl+Delete and leaves the lines with Tab on an empty new line', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await page.getByRole('combobox', { name: 'Book title, line 1' }).focus();
  const kb = page.keyboard;
  for (const [title, quantity, price] of [
    ['First report', '1', '10'],
    ['Second report', '2', '20'],
    ['Third report', '3', '30'],
  ] as const) {
    await kb.type(title);
    await kb.press('Tab');
    await kb.type(quantity);
    await kb.press('Tab');
    await kb.type(price);
    await kb.press('Tab');
  }
  await expect.poll(() => textOf(page.getByRole('status', { name: /Amount due/ })), SLOW).toBe('CHF 140.00');

  await page.getByRole('textbox', { name: 'Quantity, line 2' }).focus();
  await kb.press('Control+Delete');
  await expect.poll(() => page.getByRole('combobox', { name: 'Book title, line 2' }).inputValue(), SLOW).toBe('Third report');
  expect(await textOf(page.getByRole('status', { name: /Amount due/ }))).toBe('CHF 100.00');
  // Focus stays in the same column, now on the line that moved up.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Quantity, line 2');

  await page.getByRole('combobox', { name: 'Book title, line 3' }).focus();
  await kb.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('receivedVia');
  await page.close();
});
