import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { openScreen, useUiSession } from '../support/ui-session';

const ui = useUiSession(90_000);

beforeAll(async () => {
  await ui.web.app.invoke('customers.save', { name: 'Rémy Zürcher', country: 'CH', city: 'Genève', postalCode: '1204', phone: '+41 22 000 00 00', email: 'remy@example.ch' });
});

it('downloads the customers as a semicolon CSV and the catalogue as an Excel file', async () => {
  const page = await ui.browser.newPage();
  await openScreen(ui, '#/data', page);

  await page.getByLabel('CSV separator').selectOption('semicolon');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Customers as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^order-desk-customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\r\n').slice(0, 2)).toEqual(['\ufeffID;Name;Address;Country;City;Zip code;Tel.;E-mail;Notes', "1;Rémy Zürcher;;CH;Genève;1204;'+41 22 000 00 00;remy@example.ch;"]);
  await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' ')).toMatch(/order-desk-customers-.*\.csv is ready: 1 row\./);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Catalogue as Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^order-desk-catalogue-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  expect(workbook.worksheets[0]!.name).toBe('Catalogue');
  expect(workbook.worksheets[0]!.actualRowCount).toBe(10);
  await screenshot(page, 'data-export');
  await page.close();
}, 90_000); // two real downloads through Chromium: slow when the shared machine is busy
