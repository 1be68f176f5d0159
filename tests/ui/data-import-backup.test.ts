import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';

const ui = useUiSession();


const header = 'Name;Address;Country;City/Zip Code;Tel.;E-mail;Remarks';
const good = ['Zoë Ångström;Storgatan 1;Sweden;753 10 Uppsala;+46 18 000 00;zoe@example.se;prefers e-mail', 'Kwame Mensah;P.O. Box 1;GH;Accra;;kwame@example.gh;'];
const bad = [';Rue du Rhône 1;CH;1204 Genève;;anon@example.ch;', 'Jean Dupont;1 rue de Paris;France;75001 Paris;;jean@example;'];
const csv = (rows: string[]) => Buffer.from(`\ufeff${[header, ...rows].join('\r\n')}\r\n`, 'utf8');
const customerCount = () => (ui.web.app.ctx.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;

async function openData(page: Page) {
  await openScreen(ui, '#/data', page);
  await page.getByRole('heading', { name: 'Import, export and backups' }).waitFor();
}

it('previews an import with its problems, lets the clerk fix the mapping, and imports only on confirmation', async () => {
  const page = await ui.browser.newPage();
  await openData(page);
  const fileInput = page.getByLabel('File (CSV or Excel .xlsx, up to 10 MB)');

  await fileInput.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: csv([...good, ...bad]) });
  const problems = page.getByRole('region', { name: 'Problems to fix in the file' });
  await expect.poll(() => problems.textContent()).toContain('Row 4: Name is required.');
  expect(await problems.textContent()).toContain('Row 5: E-mail does not look like an e-mail address (name@example.org).');
  // The button says which rows it would import, and that the bad ones are left out; so does each bad row.
  const skipping = page.getByRole('button', { name: 'Import 2 rows (rows 4 and 5 have errors and will be skipped)' });
  expect(await skipping.isEnabled()).toBe(true);
  const preview = page.getByRole('table', { name: /as they would be stored/ });
  expect(await preview.getByRole('row').nth(3).textContent()).toMatch(/^4Not imported \(error\)Name is required\./);
  expect(await preview.getByRole('row').nth(1).textContent()).toMatch(/^2Add/);
  await screenshot(page, 'data-import-problems');
  expect(customerCount()).toBe(0);
  const confirm = page.getByRole('button', { name: /Confirm import/ });

  await fileInput.setInputFiles({ name: 'clean.csv', mimeType: 'text/csv', buffer: csv(good) });
  await expect.poll(() => page.getByText(/2 rows in clean\.csv: 2 new, 0 to update, no problems/).count()).toBe(1);
  // The guessed mapping put "Remarks" in Notes; the clerk leaves it out, with the keyboard, and the preview follows.
  const notes = page.getByLabel('Notes', { exact: true });
  expect(await notes.inputValue()).toBe('Remarks');
  await notes.focus();
  await notes.selectOption('');
  await expect.poll(() => page.getByText('Not imported: Remarks.').count()).toBe(1);
  const table = page.getByRole('table', { name: /as they would be stored/ });
  expect(await table.getByRole('row').nth(1).textContent()).toContain('Uppsala');
  expect(await table.getByRole('row').nth(1).textContent()).toContain('753 10');
  expect(await table.textContent()).not.toContain('prefers e-mail');
  await screenshot(page, 'data-import-preview');
  expect(customerCount()).toBe(0);

  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByText('Imported clean.csv: 2 added, 0 updated.').count()).toBe(1);
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
  const rows = ui.web.app.ctx.db.prepare('SELECT name, country, city, postal_code AS zip, notes FROM customers ORDER BY name').all();
  expect(rows).toEqual([
    { name: 'Kwame Mensah', country: 'GH', city: 'Accra', zip: '', notes: '' },
    { name: 'Zoë Ångström', country: 'SE', city: 'Uppsala', zip: '753 10', notes: '' },
  ]);
  await page.close();
});

it('imports the good rows of a file with a bad one when the clerk chooses to skip it, and says which row was left out', async () => {
  const page = await ui.browser.newPage();
  await openData(page);
  const before = customerCount();
  const rows = ['Ana Lima;Rua Augusta 1;Portugal;1100-048 Lisboa;;ana@example.pt;', 'Lars Berg;Karl Johans gate 1;Norway;0154 Oslo;;lars@example.no;', bad[0]!, 'Chen Wei;Chang An Jie 1;China;100000 Beijing;;chen@example.cn;'];
  await page.getByLabel('File (CSV or Excel .xlsx, up to 10 MB)').setInputFiles({ name: 'four.csv', mimeType: 'text/csv', buffer: csv(rows) });
  const button = page.getByRole('button', { name: 'Import 3 rows (row 4 has an error and will be skipped)' });
  await button.waitFor();
  expect(await page.getByRole('table', { name: /as they would be stored/ }).getByRole('row').nth(3).textContent()).toMatch(/^4Not imported \(error\)/);
  await screenshot(page, 'data-import-skip-bad-row');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByText('Imported four.csv: 3 added, 0 updated; row 4 with an error was not imported.').count()).toBe(1);
  expect(customerCount()).toBe(before + 3);
  expect(ui.web.app.ctx.db.prepare("SELECT count(*) FROM customers WHERE email = 'anon@example.ch'").pluck().get()).toBe(0);
  await page.close();
});

it('backs up now, lists the checked backup, and restores it after a confirmation that says what will happen', async () => {
  const page = await ui.browser.newPage();
  await openData(page);
  const before = customerCount();

  const backUp = page.getByRole('button', { name: 'Back up now' });
  await backUp.focus();
  await page.keyboard.press('Enter');
  // The copy and its check run in a worker (bundled on first use from sources); on a loaded machine that takes a few seconds.
  await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/Backup made and checked/);
  const list = page.getByRole('table').filter({ hasText: 'Verified' });
  await expect.poll(() => list.getByRole('row').count()).toBe(2);
  expect(await list.getByRole('row').nth(1).textContent()).toMatch(/✓ Checked/);
  expect(await list.getByRole('row').nth(1).textContent()).toContain(`${before} customers`);
  await screenshot(page, 'data-backups');

  // Someone adds a customer after the backup…
  const added = await ui.web.app.invoke('customers.save', { name: 'After Backup', country: 'CH' });
  expect(added.ok).toBe(true);
  expect(customerCount()).toBe(before + 1);

  await list.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.textContent()).toMatch(/All data will be replaced by the data in this backup.*Nothing is lost: the current data is first kept as a copy/s);
  // The safe answer has the focus: Enter alone does not restore.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
  await screenshot(page, 'data-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/Restored the backup of .* kept in .*order[^ ]*before-restore-/);
  expect(customerCount()).toBe(before);
  await screenshot(page, 'data-restored');
  // The rest of the app reads the restored data too.
  await page.getByRole('link', { name: /Customers/ }).click();
  await expect.poll(() => page.getByText('Zoë Ångström').count()).toBeGreaterThan(0);
  expect(await page.getByText('After Backup').count()).toBe(0);
  await page.close();
});
