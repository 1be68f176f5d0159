/**
 * A clerk saves an order while a backup is being written (as right after start-up), in a
 * real Chromium through browser mode: the save is answered at once, and the backup still
 * completes and is verified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';
import { call } from '../support/test-db';
import { useUiSession } from '../support/ui-session';
import { keyInForm, openNewOrder, setCataloguePrices } from './order-entry-support';

vi.setConfig({ testTimeout: 120_000 });

/**
 * The copy runs for real in the backup worker, but its answer is held until the test has
 * seen the order saved, so "during a backup" does not depend on how fast this machine is.
 * Were the backup still run on the main thread, or were saves refused meanwhile, the
 * order could not be saved before the release and the test would time out.
 */
const backupGate = vi.hoisted(() => {
  let release!: () => void;
  let started!: () => void;
  return {
    released: new Promise<void>((resolve) => (release = resolve)),
    started: new Promise<void>((resolve) => (started = resolve)),
    release: () => release(),
    markStarted: () => started(),
  };
});
vi.mock('../../db/backup/worker-client', async (original) => {
  const real = await original<typeof import('../../db/backup/worker-client')>();
  return {
    ...real,
    copyAndCheckInWorker: async (source: string, target: string) => {
      const copying = real.copyAndCheckInWorker(source, target);
      backupGate.markStarted();
      await backupGate.released;
      return copying;
    },
  };
});

const ui = useUiSession();

beforeAll(async () => {
  await setCataloguePrices(ui.web.app, { 'Migrants and their Vulnerability': { CHF: '25.00' } });
  // Some history, so the copy has real pages to go through.
  for (let i = 0; i < 200; i++) {
    await call(ui.web.app, 'orders.create', {
      customer: { name: `Customer ${i}`, country: 'CH', email: `c${i}@example.ch` },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-20',
      lines: [{ title: `Report ${i}`, quantity: 2, unitPrice: '19.99' }],
    });
  }
});

it('saves an order while a backup runs, and the backup completes verified', async () => {
  const page = await ui.browser.newPage();
  await openNewOrder(page, ui.web.entryUrl('#/new-order'));
  await keyInForm(page, {
    name: 'Mariam Haddad',
    address: 'Rue de Lausanne 12',
    country: 'Switz',
    city: 'Genève',
    zip: '1202',
    phone: '+41 22 000 00 00',
    email: 'mariam@example.ch',
    lines: [{ typed: 'migrants vulnerab', pick: 1, quantity: '2' }],
  });

  let backupDone = false;
  const backup = ui.web.app.invoke('backups.create', {}).finally(() => (backupDone = true));
  await backupGate.started;

  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor({ timeout: 15_000 });
  expect(backupDone).toBe(false);
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];
  expect(ui.web.app.db.prepare('SELECT total_minor FROM orders WHERE number = ?').get(number)).toEqual({ total_minor: 5000 });

  backupGate.release();
  const result = await backup;
  expect(result).toMatchObject({ ok: true, value: { backup: { verified: true } } });
  const { folder, backups } = await call<{ folder: string; backups: { name: string; verified: boolean; counts: { orders: number } }[] }>(ui.web.app, 'backups.list', {});
  expect(backups).toHaveLength(1);
  // A consistent copy: the 200 earlier orders, with or without the one saved during the copy.
  expect(backups[0]!.counts.orders).toBeGreaterThanOrEqual(200);
  expect(backups[0]!.counts.orders).toBeLessThanOrEqual(201);
  expect(fs.readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  expect(fs.existsSync(path.join(folder, backups[0]!.name))).toBe(true);
});
