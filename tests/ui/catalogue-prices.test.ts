import { expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { useUiSession } from '../support/ui-session';

const ui = useUiSession();


it('sets a price in the catalogue and still sees it after a reload', async () => {
  const page = await ui.browser.newPage();
  await page.goto(ui.web.entryUrl('#/catalogue'));
  // The token is taken out of the address bar once the page has it.
  await page.waitForFunction(() => !window.location.search.includes('token'));

  const price = page.getByRole('textbox', { name: 'EUR price of Ending child labour, forced labour and human trafficking in global supply chains' });
  await price.fill('24.5');
  await price.press('Enter');
  await expect.poll(() => price.inputValue()).toBe('24.50');
  await screenshot(page, 'catalogue-price-set');

  const wrong = page.getByRole('textbox', { name: 'CHF price of Ending child labour, forced labour and human trafficking in global supply chains' });
  await wrong.fill('3.999');
  await wrong.press('Tab');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/at most 2 decimals in CHF/);

  await page.reload();
  const again = page.getByRole('textbox', { name: 'EUR price of Ending child labour, forced labour and human trafficking in global supply chains' });
  await expect.poll(() => again.inputValue()).toBe('24.50');
  expect(await page.getByRole('textbox', { name: 'CHF price of Ending child labour, forced labour and human trafficking in global supply chains' }).inputValue()).toBe('');
  expect(ui.web.app.db.prepare("SELECT unit_price_minor AS minor FROM prices WHERE currency = 'EUR'").all()).toEqual([{ minor: 2450 }]);
  await page.close();
});
