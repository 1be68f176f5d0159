import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';
import { tempDir } from '../support/test-db';

const ui = useUiSession();


it('checks the backup folder in Settings when the clerk leaves the field, and Back up now writes there', async () => {
  const page = await ui.browser.newPage();
  await openScreen(ui, '#/settings', page);
  const folder = page.getByLabel('Backup folder');
  const besideDatabase = path.join(path.dirname(ui.web.app.file), 'backups');
  await expect.poll(() => page.getByText(`Backups go to ${besideDatabase}.`, { exact: false }).count()).toBe(1);

  const aFile = path.join(tempDir(), 'not-a-folder');
  fs.writeFileSync(aFile, 'x');
  await folder.fill(path.join(aFile, 'backups'));
  await folder.press('Tab');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/cannot be written to .*part of the path is a file, not a folder/);
  expect(await folder.getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'data-settings-backup-folder-problem');

  const chosen = path.join(tempDir(), 'Order Desk backups');
  await folder.fill(chosen);
  await folder.press('Tab');
  await expect.poll(() => page.getByText(`Backups go to ${chosen}.`, { exact: false }).count()).toBe(1);
  await page.getByLabel('Backups to keep').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);

  await page.getByRole('link', { name: /Data/ }).click();
  await expect.poll(() => page.getByText(chosen).count()).toBe(1);
  const backUp = page.getByRole('button', { name: 'Back up now' });
  for (let i = 0; i < 3; i++) {
    await backUp.click();
    // The copy and its check run in a worker; on a loaded machine that takes a few seconds.
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/Backup made and checked/);
    await expect.poll(async () => backUp.isEnabled()).toBe(true);
  }
  const files = fs.readdirSync(chosen).filter((f) => f.endsWith('.db'));
  expect(files).toHaveLength(2);
  await expect.poll(() => page.getByRole('button', { name: /^Restore the backup of/ }).count()).toBe(2);
  await screenshot(page, 'data-settings-backups-kept');
  await page.close();
}, 90_000);
