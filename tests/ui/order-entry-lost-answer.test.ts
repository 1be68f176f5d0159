/**
 * The app dies while an order is being saved: the order reached the database, its answer never
 * reached the screen, and the form is still kept as a draft. Restored after the restart and saved
 * again, it is sent with the idempotency key it had, so the clerk gets the order already stored,
 * with its number, and not a second one.
 */
import { expect, it, vi } from 'vitest';
import { useUiSession } from '../support/ui-session';
import { keyInForm, openNewOrder, type PaperForm } from './order-entry-support';

const SLOW = { timeout: 20_000 };
vi.setConfig({ testTimeout: 120_000 });

const ui = useUiSession();

const paper: PaperForm = {
  name: 'Amara Okafor',
  address: '12 Marina Road',
  country: 'Nigeria',
  city: 'Lagos',
  zip: '101241',
  phone: '+234 1 000 0000',
  email: 'amara.okafor@example.ng',
  lines: [{ typed: 'Atlas of West African migration', quantity: '2', price: '35' }],
};

const orders = () => ui.web.app.db.prepare("SELECT number FROM orders WHERE customer_name = 'Amara Okafor'").pluck().all() as string[];

it('saves a restored draft whose first save lost its answer as the order already stored, with the same number', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await keyInForm(page, paper);

  // The save reaches Order Desk and is stored; the answer is lost on the way back.
  let lost = false;
  await page.route('**/api/orders.create', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.keyboard.press('Control+S');
  await page.getByRole('alert').filter({ hasText: 'The order was not saved' }).waitFor(SLOW);
  await expect.poll(orders, SLOW).toHaveLength(1);
  const [stored] = orders();

  // The app is started again: the draft is offered, restored, and saved.
  await page.unroute('**/api/orders.create');
  await page.reload();
  const offer = page.getByRole('alertdialog', { name: /Restore the unsaved order/ });
  await offer.waitFor(SLOW);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => page.getByRole('combobox', { name: 'Name' }).inputValue(), SLOW).toBe('Amara Okafor');
  await page.keyboard.press('Control+S');
  // The order on file looks like this very form: Save anyway is what a clerk sure of it presses.
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  const duplicate = page.getByRole('alert').filter({ hasText: 'This may be a duplicate' });
  await Promise.race([saved.waitFor(SLOW), duplicate.waitFor(SLOW)]);
  if ((await duplicate.count()) > 0) await page.keyboard.press('Alt+A');
  await saved.waitFor(SLOW);

  expect(await saved.textContent()).toContain(`Order ${stored} saved.`);
  expect(orders()).toEqual([stored]);
  await page.close();
});
