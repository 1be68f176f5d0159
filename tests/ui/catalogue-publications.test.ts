import { afterAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';

// Long keyboard flows in a real browser; the whole suite shares two cores, so allow more than the default.
const UI_FLOW_TIMEOUT_MS = 90_000;
/** Waits for what the clerk would see; a busy machine can take seconds to answer a save. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const ui = useUiSession(UI_FLOW_TIMEOUT_MS);

afterAll(async () => {
  expect(pageProblems).toEqual([]);
}, UI_FLOW_TIMEOUT_MS);

/** The error text tied to an input through aria-describedby: what a screen reader reads next to the field. */
async function describedError(page: Page, input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts: string[] = [];
  for (const id of ids.split(' ').filter(Boolean)) {
    const element = page.locator(`[id="${id}"]`);
    if ((await element.count()) > 0) texts.push((await element.textContent()) ?? '');
  }
  return texts.join(' ');
}

/** Script errors and React warnings seen by any page. A refused save answers 4xx, which Chromium logs as a failed load: that one is expected. */
const pageProblems: string[] = [];

async function openCatalogue(): Promise<Page> {
  const page = await ui.browser.newPage();
  page.on('pageerror', (error) => pageProblems.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if ((message.type() === 'error' || message.type() === 'warning') && !/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) pageProblems.push(text);
  });
  page.setDefaultTimeout(15_000);
  await openScreen(ui, '#/catalogue', page);
  return page;
}

it('adds a publication by keyboard: a wrong ISBN is explained next to the field, a right one is saved and shown hyphenated', async () => {
  const page = await openCatalogue();
  const newButton = page.getByRole('button', { name: 'New publication' });
  await newButton.focus();
  await page.keyboard.press('Enter');

  const panel = page.getByRole('dialog', { name: 'New publication' });
  const title = panel.getByLabel('Title', { exact: true });
  await poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('Migration Governance Handbook');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A practical guide');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('212');
  await page.keyboard.press('Tab');
  await page.keyboard.type('978-3-16-148410-1');
  await page.keyboard.press('Tab');

  const isbn = panel.getByLabel('ISBN', { exact: true });
  await poll(() => isbn.getAttribute('aria-invalid')).toBe('true');
  expect(await describedError(page, isbn)).toMatch(/ISBN 978-3-16-148410-1 is not valid: its check digit does not match/);

  // Submitting anyway is refused by the same schema and puts the cursor back on the ISBN.
  await panel.getByRole('button', { name: 'Add publication' }).click();
  await poll(() => isbn.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(ui.web.app.db.prepare("SELECT count(*) AS n FROM publications WHERE title LIKE 'Migration Governance%'").get()).toEqual({ n: 0 });
  await screenshot(page, 'catalogue-publication-invalid-isbn');

  await isbn.fill('9783161484100');
  const languages = panel.getByLabel('Languages', { exact: true });
  await languages.fill('French');
  await languages.press('Enter');
  await languages.fill('spanish');
  await languages.press('Enter');
  await languages.fill('Klingon');
  await languages.press('Enter');
  expect(await describedError(page, languages)).toMatch(/"Klingon" is not in the list of languages/);
  await languages.fill('');
  await panel.getByRole('checkbox', { name: 'PDF' }).check();
  await isbn.focus();
  await page.keyboard.press('Enter');

  const edit = page.getByRole('dialog', { name: 'Edit: Migration Governance Handbook' });
  await poll(() => edit.getByRole('status').first().textContent()).toMatch(/added to the catalogue/);
  expect(await edit.getByLabel('ISBN', { exact: true }).inputValue()).toBe('978-3-16-148410-0');
  expect(await edit.getByRole('list', { name: 'Chosen languages' }).textContent()).toMatch(/French.*Spanish/);
  const row = page.getByRole('row').filter({ hasText: 'Migration Governance Handbook' });
  expect(await row.textContent()).toContain('978-3-16-148410-0');
  expect(await row.textContent()).toContain('French, Spanish · Print + PDF');
  const stored = ui.web.app.db.prepare("SELECT isbn, languages, formats, year, pages FROM publications WHERE title = 'Migration Governance Handbook'").get();
  expect(stored).toEqual({ isbn: '9783161484100', languages: '["fr","es"]', formats: '["print","pdf"]', year: 2026, pages: 212 });
  await screenshot(page, 'catalogue-publication-saved');
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('refuses an ISBN another title already has, saying which', async () => {
  ui.expectRefusal({ status: 409, path: '/api/catalogue.save' });
  const page = await openCatalogue();
  await page.getByRole('button', { name: 'New publication' }).click();
  const panel = page.getByRole('dialog', { name: 'New publication' });
  await panel.getByLabel('Title', { exact: true }).fill('A copy');
  const isbn = panel.getByLabel('ISBN', { exact: true });
  await isbn.fill('978-92-9068-805-1');
  await panel.getByRole('button', { name: 'Add publication' }).click();
  await poll(() => describedError(page, isbn)).toMatch(/already used by "Ending child labour/);
  await page.close();
}, UI_FLOW_TIMEOUT_MS);

it('schedules a later price, keeps the history, and retires a title so it shows greyed', async () => {
  const page = await openCatalogue();
  const titleText = 'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour';
  const price = page.getByRole('textbox', { name: `CHF price of ${titleText}` });
  await price.fill('35');
  await price.press('Enter');
  await poll(() => price.inputValue()).toBe('35.00');

  await page.getByRole('button', { name: `Edit ${titleText}` }).click();
  const panel = page.getByRole('dialog', { name: `Edit: ${titleText}` });
  await panel.getByLabel('Currency').selectOption('CHF');
  await panel.getByLabel('New unit price').fill('39.50');
  await panel.getByLabel('Valid from').fill('2099-01-01');
  await panel.getByRole('button', { name: 'Save price' }).click();
  await poll(() => panel.getByRole('status').last().textContent()).toMatch(/set to 39\.50 from 1 Jan 2099\./);

  const history = panel.getByRole('table', { name: `Price history of ${titleText}` });
  await poll(async () => (await history.getByRole('row').allTextContents()).slice(1)).toEqual([expect.stringMatching(/CHF1 Jan 2099CHF\s?39\.50Scheduled/), expect.stringMatching(/CHF\d{1,2} [A-Z][a-z]{2} \d{4}CHF\s?35\.00In force/)]);
  // Today's price in the grid is unchanged by the scheduled one, which shows underneath.
  expect(await price.inputValue()).toBe('35.00');
  const cell = page.getByRole('cell').filter({ has: price });
  await poll(() => cell.textContent()).toContain('39.50 from 1 Jan 2099');

  await panel.getByRole('checkbox', { name: /Retired/ }).check();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  const row = page.getByRole('row').filter({ hasText: titleText });
  await poll(() => row.getAttribute('class')).toContain('row--retired');
  expect(await row.textContent()).toContain('Retired');
  await screenshot(page, 'catalogue-price-history-retired');

  await page.keyboard.press('Escape');
  await poll(() => page.getByRole('dialog').count()).toBe(0);
  await screenshot(page, 'catalogue-grid-scheduled-and-retired');
  await page.getByRole('checkbox', { name: /Show retired titles/ }).uncheck();
  expect(await page.getByRole('row').filter({ hasText: titleText }).count()).toBe(0);
  await page.close();
}, UI_FLOW_TIMEOUT_MS);
