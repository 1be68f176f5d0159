import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBackup } from '../../db/backup';
import { screenshot } from '../support/browser';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { openScreen, useUiSession } from '../support/ui-session';

const ui = useUiSession();
const otherApps: TestApp[] = [];
afterAll(async () => {
  for (const other of otherApps) await other.close();
});

const orderCount = () => (ui.web.app.ctx.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;

it('lists another database’s backups apart, and restores one only after a confirmation that names that database', async () => {
  // A second database beside this one backs up into the same "backups" folder.
  const other = openTestApp(path.join(path.dirname(ui.web.app.file), 'second-desk.db'));
  otherApps.push(other);
  await call(other, 'settings.set', { issuer: { name: 'Second Desk, Vienna', address: { street: 'Ringstrasse', buildingNumber: '1', postalCode: '1010', town: 'Wien', country: 'AT' } } });
  for (const name of ['Anna Wien', 'Bernd Graz']) {
    await call(other, 'orders.create', { customer: { name, country: 'AT' }, currency: 'EUR', receivedVia: 'mail', receivedOn: '2026-11-20', lines: [{ title: 'Atlas', quantity: 1, unitPrice: '10.00' }] });
  }
  await createBackup(other.ctx);
  const ordersBefore = orderCount();

  const page = await openScreen(ui, '#/data');
  await page.getByRole('heading', { name: 'Import, export and backups' }).waitFor();
  await expect.poll(() => page.getByText('No backups of this database yet in this folder.').count()).toBe(1);
  // Not among this database's backups: folded away, and said to be another database's.
  const folded = page.getByText(/Backups of other databases in this folder \(1\)/);
  await folded.click();
  const table = page.getByRole('table', { name: 'Backups of other databases' });
  await expect.poll(() => table.getByRole('row').nth(1).textContent()).toMatch(/“Second Desk, Vienna”, started .*2 orders/);
  await table.getByRole('button', { name: /^Restore the backup of/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Restore a backup of another database?' });
  await expect.poll(() => dialog.textContent()).toMatch(/is of another database: “Second Desk, Vienna”, started .*holding 2 orders.*replaces all data of this database/s);
  // The safe answer has the focus: Enter alone does not replace the data.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
  await screenshot(page, 'data-restore-other-database');
  await dialog.getByRole('button', { name: 'Replace this database’s data with it' }).click();

  await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' '), { timeout: 30_000 }).toMatch(/Restored the backup of .* kept in .*before-restore-/);
  expect(orderCount()).toBe(2);
  expect(ordersBefore).not.toBe(2);
  await page.close();
}, 90_000);
