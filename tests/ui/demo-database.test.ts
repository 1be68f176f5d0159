/**
 * On a demo database, as a new unit would try it: the Orders list fits a 1024 × 700 window
 * without scrolling sideways (long names and cities are cut with the whole text in a
 * tooltip; less important columns give way), and the Customers screen counts every likely
 * duplicate pair — not the 200 it lists — so a merge takes one off the count; the Bank screen
 * offers the demo's sample camt.054 to try an import with.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generateDemoData } from '../../db/seed/demo-data';
import { ARTIFACTS, screenshot } from '../support/browser';
import { call } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';
import { shownText } from './keyboard-support';

const ui = useUiSession(180_000);
const SLOW = { timeout: 30_000 };

beforeAll(() => {
  generateDemoData(ui.web.app.db, { orders: 600, seed: 7, force: true });
}, 180_000);

it('fits the Orders list into a 1024 × 700 window without a sideways scroll, every name in full in its tooltip', async () => {
  const page = await ui.browser.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await openScreen(ui, '#/orders', page);
  const table = page.getByRole('table', { name: 'Orders' });
  await table.locator('tbody tr').nth(20).waitFor(SLOW);
  await screenshot(page, 'orders-list-1024x700');
  // And the window itself, as the clerk sees it.
  await page.screenshot({ path: path.join(ARTIFACTS, 'orders-list-1024x700-window.png') });

  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  const tableBox = await table.boundingBox();
  expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(1024);

  // The columns that say what an order is and what it owes are all there.
  const header = await shownText(table.locator('thead'));
  for (const column of ['Number', 'Received', 'Customer', 'Total', 'Status', 'Payment', 'Balance due']) expect(header).toContain(column);
  // A name cut short says itself in full on hover.
  const cut = await table.locator('.orders-grid__customer').evaluateAll((names) =>
    names.filter((n) => n.scrollWidth > n.clientWidth).map((n) => [n.textContent, n.getAttribute('title')]),
  );
  for (const [text, title] of cut) expect(title).toBe(text);

  // At a normal width, the country and currency columns are back.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(async () => shownText(table.locator('thead')), SLOW).toContain('Country');
  await page.close();
});

it('counts every likely duplicate pair on the Customers screen, and one fewer after a merge', async () => {
  // More pairs than the list shows at once (200).
  for (let i = 0; i < 205; i++) {
    await call(ui.web.app, 'customers.save', { name: `Médiathèque ${i}`, country: 'FR', city: 'Lyon' });
    await call(ui.web.app, 'customers.save', { name: `MEDIATHEQUE ${i}`, country: 'FR', city: 'Lyon' });
  }
  const { total } = await call(ui.web.app, 'customers.duplicates', { limit: 1 });
  expect(total).toBeGreaterThan(205);
  const page = await openScreen(ui, '#/customers');
  const tab = page.getByRole('button', { name: /Possible duplicates/ });
  await expect.poll(() => tab.textContent(), SLOW).toBe(`Possible duplicates (${total})`);
  await tab.press('Enter');
  const list = page.getByRole('list', { name: 'Possible duplicates' });
  const first = list.getByRole('listitem').first();
  await first.getByRole('button', { name: 'Merge…' }).press('Enter');
  await first.getByRole('button', { name: /^Yes, merge into/ }).press('Enter');
  await expect.poll(() => tab.textContent(), SLOW).toBe(`Possible duplicates (${total - 1})`);
  expect(await page.getByText(`The 200 most recently added of ${total - 1} pairs`, { exact: false }).count()).toBe(1);
  await page.close();
});

it('offers its sample bank statement on the Bank screen, so a new user can try an import; Home then counts the line left for review', async () => {
  const page = await openScreen(ui, '#/bank');
  await page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor(SLOW);
  const sample = page.getByRole('button', { name: 'Try with the sample statement' });
  await sample.waitFor(SLOW);
  await sample.press('Enter');
  const answer = page.locator('.bank-import [role="status"]');
  await expect.poll(() => shownText(answer), SLOW).toMatch(/^camt054-sample-\d{4}-\d\d-\d\d\.xml: (\d+) lines: (\d+) recorded automatically, 1 to review\. All \d+ are new\.$/);
  const [, lines, recorded] = /: (\d+) lines: (\d+) recorded/.exec(await shownText(answer))!;
  expect(Number(recorded)).toBe(Number(lines) - 1);
  // The payer no invoice explains waits for a person; once a statement is in, the sample is no longer offered.
  const review = page.getByRole('list', { name: 'Lines to review, oldest first' });
  await expect.poll(() => shownText(review), SLOW).toContain('A Friend of the Library');
  expect(await sample.count()).toBe(0);
  await page.keyboard.press('Alt+0');
  await expect.poll(() => shownText(page.getByTestId('home-bank')), SLOW).toMatch(/^Last statement imported .*\(camt054-sample-.*\.xml\)\. 1 line waits for review\. Review it on the Bank screen$/);
  await page.close();
});
