import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { call } from '../support/test-db';

// Long keyboard flows in a real browser; the whole suite shares two cores, so allow more than the default.
const UI_FLOW_TIMEOUT_MS = 90_000;
/** Waits for what the clerk would see; a busy machine can take seconds to answer a save. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const ui = useUiSession(UI_FLOW_TIMEOUT_MS);
const ids: Record<string, number> = {};
const orderNumbers: string[] = [];

async function addCustomer(key: string, details: Record<string, string>) {
  const { customer } = await call(ui.web.app, 'customers.save', details);
  ids[key] = customer.id;
}

async function addOrder(customerId: number, currency: string, unitPrice: string, quantity: number) {
  const { order } = await call(ui.web.app, 'orders.create', {
    customer: { name: 'As written on the form', country: 'CH' },
    customerId,
    currency,
    receivedVia: 'mail',
    receivedOn: '2026-11-02',
    lines: [{ title: 'Annual report', quantity, unitPrice }],
  });
  orderNumbers.push(order.number);
  return order as { id: number };
}

beforeAll(async () => {
  await addCustomer('jose', { name: 'José Núñez', address: 'Rue de Lausanne 12', postalCode: '1201', city: 'Genève', country: 'CH', email: 'jose@unige.ch', phone: '+41 22 111 22 33' });
  await addCustomer('joseAgain', { name: 'JOSE NUNEZ', city: 'Geneva', country: 'CH', phone: '+41 79 000 00 00', notes: 'Faxed twice in 2025.' });
  await addCustomer('anna', { name: 'Anna Schmidt', city: 'Berlin', country: 'DE', email: 'anna@example.de' });
  for (let i = 1; i <= 30; i += 1) await addCustomer(`lib${i}`, { name: `Bibliothèque ${String(i).padStart(2, '0')}`, city: 'Lyon', country: 'FR' });

  const chf = await addOrder(ids.jose!, 'CHF', '19.90', 3); // 59.70
  await addOrder(ids.jose!, 'EUR', '12.50', 2); // 25.00
  await addOrder(ids.joseAgain!, 'CHF', '10.00', 1); // 10.00
  await call(ui.web.app, 'payments.record', { orderId: chf.id, method: 'bank_transfer', receivedOn: '2026-11-10', amount: '50.00' });
}, UI_FLOW_TIMEOUT_MS);
afterAll(async () => {
  expect(pageProblems).toEqual([]);
}, UI_FLOW_TIMEOUT_MS);

/** Script errors and React warnings seen by any page; a screen that logs errors is not finished. */
const pageProblems: string[] = [];

async function openCustomers(): Promise<Page> {
  const page = await ui.browser.newPage();
  page.on('pageerror', (error) => pageProblems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageProblems.push(message.text());
  });
  page.setDefaultTimeout(15_000);
  await openScreen(ui, '#/customers', page);
  return page;
}

function directoryNames(page: Page) {
  return page.getByRole('table', { name: 'Customers' }).getByRole('rowheader').allTextContents();
}

it('searches the directory ignoring accents and case, and pages through long results', async () => {
  const page = await openCustomers();
  const search = page.getByLabel('Search customers');
  await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);

  await page.keyboard.type('GENEVE');
  await poll(() => directoryNames(page)).toEqual(['José Núñez']);
  await search.fill('nunez');
  await poll(() => directoryNames(page)).toEqual(['JOSE NUNEZ', 'José Núñez']);
  await search.fill('allemagne');
  await poll(() => directoryNames(page)).toEqual(['Anna Schmidt']);

  await search.fill('bibliotheque lyon');
  await poll(() => page.getByRole('status').first().textContent()).toBe('Showing 1–25 of 30');
  await screenshot(page, 'customers-directory');
  await page.getByRole('button', { name: 'Next page' }).press('Enter');
  await poll(() => page.getByRole('status').first().textContent()).toBe('Showing 26–30 of 30');
  expect(await directoryNames(page)).toEqual(['Bibliothèque 26', 'Bibliothèque 27', 'Bibliothèque 28', 'Bibliothèque 29', 'Bibliothèque 30']);
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('comes back from a customer to the same search and page', async () => {
  const page = await openCustomers();
  const search = page.getByLabel('Search customers');
  await search.fill('bibliotheque lyon');
  await poll(() => page.getByRole('status').first().textContent()).toBe('Showing 1–25 of 30');
  await page.getByRole('button', { name: 'Next page' }).press('Enter');
  await poll(() => page.getByRole('status').first().textContent()).toBe('Showing 26–30 of 30');
  await page.getByRole('link', { name: 'Bibliothèque 27' }).click();
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Bibliothèque 27/);

  await page.keyboard.press('Alt+4');
  await poll(() => page.getByRole('status').first().textContent()).toBe('Showing 26–30 of 30');
  expect(await search.inputValue()).toBe('bibliotheque lyon');
  expect(await directoryNames(page)).toEqual(['Bibliothèque 26', 'Bibliothèque 27', 'Bibliothèque 28', 'Bibliothèque 29', 'Bibliothèque 30']);
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('opens a customer from the search, edits the notes, sees balances and orders, and merges a duplicate by keyboard', async () => {
  const page = await openCustomers();
  const search = page.getByLabel('Search customers');
  await search.fill('jose@unige');
  await poll(() => directoryNames(page)).toEqual(['José Núñez']);
  await search.press('Enter');
  await page.waitForURL(`**#/customer/${ids.jose}`);

  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^José Núñez/);
  const details = page.getByRole('form', { name: 'Customer details' });
  expect(await details.getByLabel('City').inputValue()).toBe('Genève');
  expect(await details.getByLabel('Country').inputValue()).toBe('Switzerland');

  // Balance per currency: CHF 59.70 ordered − 50.00 paid; EUR 25.00 unpaid.
  const balances = page.getByRole('table', { name: 'Balance per currency' });
  await poll(() => balances.getByRole('row').allTextContents()).toEqual([
    'CurrencyOrderedPaidBalance',
    expect.stringMatching(/^CHF \(1 order\)CHF\s59\.70CHF\s50\.00CHF\s9\.70$/),
    expect.stringMatching(/^EUR \(1 order\)EUR\s25\.00EUR\s0\.00EUR\s25\.00$/),
  ]);
  const orders = page.getByRole('table', { name: /^Orders/ });
  // Its own request, answered after the balances or before: under load, later.
  await poll(() => orders.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([orderNumbers[0], orderNumbers[1]]));

  const notes = details.getByLabel('Notes');
  await notes.fill('Invoices to the faculty secretariat.');
  await notes.press('Tab');
  await page.keyboard.press('Enter'); // Tab lands on "Save customer"
  await poll(() => page.getByRole('status').first().textContent()).toBe('Customer saved.');
  expect(ui.web.app.db.prepare('SELECT notes FROM customers WHERE id = ?').get(ids.jose)).toEqual({ notes: 'Invoices to the faculty secretariat.' });

  const notice = page.getByRole('region', { name: 'Possible duplicates' });
  expect(await notice.textContent()).toMatch(/JOSE NUNEZ \(#\d+, same name and country, 1 order\)/);
  await notice.getByRole('button', { name: 'Compare and merge with JOSE NUNEZ' }).press('Enter');
  // The record with more orders is offered as the one to keep.
  expect(await notice.getByRole('radio', { name: /Keep José Núñez/ }).isChecked()).toBe(true);
  await notice.getByRole('button', { name: 'Merge…' }).press('Enter');
  const confirm = notice.getByRole('button', { name: 'Yes, merge into José Núñez' });
  await poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
  await screenshot(page, 'customers-merge-confirm');
  await page.keyboard.press('Enter');

  await poll(() => page.getByRole('status').first().textContent()).toBe(`JOSE NUNEZ (#${ids.joseAgain}) merged into José Núñez (#${ids.jose}); 1 order moved.`);
  await poll(() => balances.getByRole('row').nth(1).textContent()).toMatch(/^CHF \(2 orders\)CHF\s69\.70CHF\s50\.00CHF\s19\.70$/);
  expect(await page.getByRole('region', { name: 'Possible duplicates' }).count()).toBe(0);
  expect(await details.getByLabel('Notes').inputValue()).toContain('Faxed twice in 2025.');
  await poll(() => orders.getByRole('link').count()).toBe(3);
  const history = page.getByRole('region', { name: 'History' });
  expect(await history.getByRole('listitem').allTextContents()).toEqual([
    expect.stringMatching(/test-clerk — Record #\d+ merged into this one \(1 order moved\)$/),
    expect.stringMatching(/test-clerk — Changed notes$/),
    expect.stringMatching(/test-clerk — Added to the directory$/),
  ]);
  await screenshot(page, 'customers-detail-after-merge');

  // The merged record has left the directory, and its page points to the kept one.
  await page.goto(ui.web.entryUrl('#/customers'));
  const again = page.getByLabel('Search customers');
  await again.fill('nunez');
  await poll(() => directoryNames(page)).toEqual(['José Núñez']);
  await page.goto(ui.web.entryUrl(`#/customer/${ids.joseAgain}`));
  await poll(() => page.locator('.banner--warning').first().textContent()).toMatch(/merged into José Núñez/);
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('lists likely duplicates and keeps a pair apart when the clerk says they differ', async () => {
  await addCustomer('maria1', { name: 'Maria Rossi', city: 'Roma', country: 'IT', email: 'maria.rossi@example.it' });
  await addCustomer('maria2', { name: 'María Rossi', city: 'Milano', country: 'IT', email: 'MARIA.ROSSI@example.it' });
  await addCustomer('paolo', { name: 'Paolo Bianchi', city: 'Torino', country: 'IT', email: 'office@example.it' });
  await addCustomer('gina', { name: 'Gina Verdi', city: 'Torino', country: 'IT', email: 'Office@Example.it' });

  const page = await openCustomers();
  const tab = page.getByRole('button', { name: /Possible duplicates/ });
  await poll(() => tab.textContent()).toBe('Possible duplicates (2)');
  await tab.press('Enter');
  const list = page.getByRole('list', { name: 'Possible duplicates' });
  await poll(() => list.getByRole('heading').allTextContents()).toEqual(['Paolo Bianchi and Gina Verdi', 'Maria Rossi and María Rossi']);
  expect(await list.getByRole('listitem').nth(1).textContent()).toMatch(/same e-mail and same name and country/);
  await screenshot(page, 'customers-duplicates');

  await list.getByRole('listitem').first().getByRole('button', { name: 'Not the same customer' }).press('Enter');
  await poll(() => list.getByRole('heading').allTextContents()).toEqual(['Maria Rossi and María Rossi']);
  await poll(() => tab.textContent()).toBe('Possible duplicates (1)');
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('adds a customer from the directory, with the e-mail problem shown next to the field', async () => {
  const page = await openCustomers();
  await page.getByRole('button', { name: 'New customer' }).press('Enter');
  const form = page.getByRole('form', { name: 'Customer details' });
  await form.getByLabel('Name').fill('Université de Fribourg');
  // The same type-ahead as the order form: the best match is highlighted and Tab takes it.
  const country = form.getByLabel('Country');
  await country.pressSequentially('switz');
  await poll(() => country.getAttribute('aria-activedescendant')).toMatch(/-opt-0$/);
  await country.press('Tab');
  expect(await country.inputValue()).toBe('Switzerland');
  const email = form.getByLabel('E-mail');
  await email.fill('library@unifr');
  await email.press('Enter');
  await poll(() => email.getAttribute('aria-invalid')).toBe('true');
  const errorId = (await email.getAttribute('aria-describedby')) ?? '';
  expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('E-mail does not look like an e-mail address (name@example.org).');
  await screenshot(page, 'customers-new-invalid-email');

  await email.fill('library@unifr.ch');
  await email.press('Enter');
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Université de Fribourg/);
  expect(ui.web.app.db.prepare("SELECT country, email FROM customers WHERE name = 'Université de Fribourg'").get()).toEqual({ country: 'CH', email: 'library@unifr.ch' });
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('merges a pair from the duplicates tab: the tab stops counting it, and the message names both records by number', async () => {
  await addCustomer('kofi1', { name: 'Kofi Annan Library', city: 'Accra', country: 'GH', email: 'library@kofi.example' });
  await addCustomer('kofi2', { name: 'Kofi Annan Library', city: 'Accra', country: 'GH', email: 'books@kofi.example' });
  const page = await openCustomers();
  const tab = page.getByRole('button', { name: /Possible duplicates/ });
  // The Maria Rossi pair from the test before, and this one.
  await poll(() => tab.textContent()).toBe('Possible duplicates (2)');
  await tab.press('Enter');
  const list = page.getByRole('list', { name: 'Possible duplicates' });
  const pair = list.getByRole('listitem').filter({ hasText: 'Kofi Annan Library and Kofi Annan Library' });
  await pair.getByRole('button', { name: 'Merge…' }).press('Enter');
  await pair.getByRole('button', { name: /^Yes, merge into/ }).press('Enter');

  await poll(() => page.locator('.duplicates-list [role=status]').textContent()).toBe(`Kofi Annan Library (#${ids.kofi2}) merged into Kofi Annan Library (#${ids.kofi1}); no order moved.`);
  await poll(() => list.getByRole('heading').allTextContents()).toEqual(['Maria Rossi and María Rossi']);
  await poll(() => tab.textContent()).toBe('Possible duplicates (1)');
  await screenshot(page, 'customers-duplicates-after-merge');

  // The last pair: the tab says there are none left, rather than keeping an old count.
  await list.getByRole('button', { name: 'Merge…' }).press('Enter');
  await list.getByRole('button', { name: /^Yes, merge into/ }).press('Enter');
  await poll(() => page.getByText('No likely duplicates.', { exact: false }).count()).toBe(1);
  await poll(() => tab.textContent()).toBe('Possible duplicates');
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('finds a country by its own or a neighbour’s name, and says which name matched', async () => {
  const page = await openCustomers();
  await page.getByRole('button', { name: 'New customer' }).press('Enter');
  const form = page.getByRole('form', { name: 'Customer details' });
  await form.getByLabel('Name').fill('Stadtbibliothek Köln');
  const country = form.getByLabel('Country');
  await country.pressSequentially('Deutschl');
  const best = page.locator('[role="listbox"]:not([hidden]) [role="option"]').first();
  await poll(() => best.textContent()).toBe('Germany Deutschland · DE');
  await country.press('Tab');
  expect(await country.inputValue()).toBe('Germany');
  await form.getByLabel('City').fill('Köln');
  await form.getByLabel('City').press('Enter');
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Stadtbibliothek Köln/);
  expect(ui.web.app.db.prepare("SELECT country FROM customers WHERE name = 'Stadtbibliothek Köln'").get()).toEqual({ country: 'DE' });
  await page.close();
}, UI_FLOW_TIMEOUT_MS);
