/** Keying in a paper order form the way a clerk does: keyboard only. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { call, type TestApp } from '../support/test-db';

export interface PaperLine {
  /** What the clerk types in Book title. */
  typed: string;
  /**
   * Take the Nth suggestion (1 = the best match, highlighted already; ↓ for the others);
   * omit for a free-text title, chosen with ↑ on the list's last entry.
   */
  pick?: number;
  quantity: string;
  /** Typed over whatever the list filled in; omit to keep the list price. */
  price?: string;
}

export interface PaperForm {
  name: string;
  address: string;
  /** Typed in Country; Tab takes the highlighted best match. */
  country: string;
  city: string;
  zip: string;
  phone: string;
  email: string;
  lines: PaperLine[];
  /**
   * The key that chooses Received via (it starts empty on every new order): "m" for Mail,
   * "f" for Fax, "e" for E-mail. Chosen after the lines, when there are any.
   */
  receivedVia?: string;
}

export async function focusedField(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? document.activeElement?.getAttribute('aria-label') ?? null);
}

export async function openNewOrder(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Each test starts from a clean desk: no draft left in this browser profile by an
  // earlier test (a closing tab may still hand its last write to the profile late).
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const offer = page.getByRole('alertdialog', { name: /Restore the unsaved order/ });
    const name = page.locator('[data-field="customer.name"]');
    await Promise.race([offer.waitFor({ timeout: 15_000 }), name.waitFor({ timeout: 15_000 })]);
    if ((await offer.count()) === 0) break;
  }
  await expect.poll(() => focusedField(page), { timeout: 10_000 }).toBe('customer.name');
}

/** Highlights the Nth suggestion (1 = the best match), or the "not in the catalogue" entry for null. */
async function highlightSuggestion(page: Page, nth: number | null): Promise<void> {
  await page.locator('[role="listbox"]:not([hidden]) [role="option"]').first().waitFor();
  if (nth === null) await page.keyboard.press('ArrowUp'); // from the best match round to the last entry
  else for (let i = 1; i < nth; i += 1) await page.keyboard.press('ArrowDown');
}

/**
 * Starts with focus in Name. With lines, ends with focus on Received via, chosen (the empty
 * line Tab starts after the last price is left blank); without, on Currency.
 */
export async function keyInForm(page: Page, form: PaperForm): Promise<void> {
  const kb = page.keyboard;
  await kb.type(form.name);
  await kb.press('Tab');
  await kb.type(form.address);
  await kb.press('Tab');
  await kb.type(form.country);
  await highlightSuggestion(page, 1);
  await kb.press('Tab'); // takes the country, on to City
  await kb.type(form.city);
  for (const value of [form.zip, form.phone, form.email]) {
    await kb.press('Tab');
    await kb.type(value);
  }
  await kb.press('Tab'); // Currency: the default is kept
  for (const [index, line] of form.lines.entries()) {
    await kb.press('Tab'); // from Currency, or past the previous line's price: a new line
    await expect.poll(() => focusedField(page)).toMatch(/^line:.*:title$/);
    await kb.type(line.typed);
    await highlightSuggestion(page, line.pick ?? null);
    await kb.press('Tab'); // takes the highlighted entry, on to Quantity
    await kb.type(line.quantity);
    await kb.press('Tab');
    if (line.price !== undefined) {
      await kb.press('Control+A');
      await kb.type(line.price);
    }
    if (index === form.lines.length - 1) {
      await kb.press('Tab'); // past the last price: a new, empty line
      await expect.poll(() => focusedField(page)).toMatch(/^line:.*:title$/);
      await kb.press('Tab'); // Tab on an empty new line: on to the order details
      await expect.poll(() => focusedField(page)).toBe('receivedVia');
      await kb.press(form.receivedVia ?? 'm');
      await expect.poll(() => page.locator('[data-field="receivedVia"]').inputValue()).not.toBe('');
    }
  }
}

/** Received via starts empty on every new order: chooses it with its first letter ("m" Mail, "f" Fax, "e" E-mail). */
export async function chooseReceivedVia(page: Page, key = 'm'): Promise<void> {
  const select = page.locator('[data-field="receivedVia"]');
  await select.focus();
  await page.keyboard.press(key);
  await expect.poll(() => select.inputValue()).not.toBe('');
}

export async function setCataloguePrices(app: TestApp, prices: Record<string, Record<string, string>>): Promise<Record<string, number>> {
  const { publications } = await call<{ publications: { id: number; title: string }[] }>(app, 'catalogue.list', {});
  const ids: Record<string, number> = {};
  for (const [startOfTitle, byCurrency] of Object.entries(prices)) {
    const publication = publications.find((p) => p.title.startsWith(startOfTitle));
    if (!publication) throw new Error(`No catalogue title starts with ${startOfTitle}`);
    ids[startOfTitle] = publication.id;
    for (const [currency, unitPrice] of Object.entries(byCurrency)) await call(app, 'prices.set', { publicationId: publication.id, currency, unitPrice });
  }
  return ids;
}

/** The text of the error message the input points at with aria-describedby. */
export async function errorOf(page: Page, locator: ReturnType<Page['locator']>): Promise<string | null> {
  const ids = await locator.getAttribute('aria-describedby');
  if (!ids) return null;
  for (const id of ids.split(' ')) {
    const text = await page.evaluate((i) => {
      const el = document.getElementById(i);
      return el?.classList.contains('field__error') ? el.textContent : null;
    }, id);
    if (text) return text;
  }
  return null;
}

/** Visible text with the browser's non-breaking spaces (Intl money formats) read as plain spaces. */
export async function textOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
