/**
 * Committing a 50,000-row import while the app is in use: the rows are written in one
 * transaction on the import worker's own connection, so the app keeps answering meanwhile —
 * reads at once, writes as soon as the import's transaction ends — and the import stays
 * all or nothing and audited. Through browser mode's HTTP bridge, as a clerk's browser would call.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../electron/web/http-bridge';
import { watchThisThread } from '../support/main-thread-watch';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let web: RunningWebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  await web?.stop();
});

const ROWS = 50_000;
const customersCsv = (rows: number) =>
  ['Name;Address;Country;City;Zip;E-mail;Phone;Notes', ...Array.from({ length: rows }, (_, i) => `Customer ${i};Street ${i};CH;Genève;1204;c${i}@example.ch;+41 22 000 00 00;note ${i}`)].join('\r\n');

const count = (sql: string) => (web.app.db.prepare(sql).get() as { n: number }).n;

/** The app behind a second bridge that says when a given call has arrived in full (its upload done). */
async function bridgeTelling(method: string) {
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const server = await startWebServer({
    token: web.token,
    staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
    invoke: (called, input) => {
      if (called === method) arrived();
      return web.app.invoke(called, input);
    },
  });
  const call = async (called: string, input: unknown) => {
    const res = await fetch(`${server.url}api/${called}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    return { status: res.status, body: await res.json() };
  };
  return { arrival, call, close: () => server.close() };
}

describe('committing a 50,000-row import', () => {
  it('keeps answering while the rows are written: a read at once, a write too, and the main thread never stalls', async () => {
    const bridge = await bridgeTelling('transfer.commit');
    try {
      // The clerk previews a file first: the import worker is running by the time the commit comes.
      expect((await bridge.call('transfer.preview', { kind: 'customers', fileName: 'few.csv', contentBase64: Buffer.from(customersCsv(3)).toString('base64') })).status).toBe(200);
      const customersBefore = count('SELECT count(*) AS n FROM customers');
      const input = { kind: 'customers', fileName: 'all customers.csv', contentBase64: Buffer.from(customersCsv(ROWS)).toString('base64') };
      const finished: string[] = [];
      const commit = bridge.call('transfer.commit', input).then((reply) => {
        finished.push('commit');
        return reply;
      });
      await bridge.arrival;
      // From here on the request is the app's: reading the file, planning and writing 50,000 rows.
      const watch = watchThisThread();

      const read = await bridge.call('catalogue.list', {});
      finished.push('catalogue.list');
      expect(read.status).toBe(200);
      expect(read.body.publications).toHaveLength(9);

      const write = await bridge.call('settings.set', { defaultCurrency: 'EUR' });
      finished.push('settings.set');
      expect(write.status).toBe(200);

      // Reads go on while the import is still being read and written.
      const answersMeanwhile: (number | string)[] = [];
      while (!finished.includes('commit')) {
        answersMeanwhile.push(await bridge.call('orders.list', {}).then((r) => r.status, (error: Error) => `no answer: ${error.message}`));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const reply = await commit;
      const { longestBusyMs } = watch.stop();

      // Written on the main thread, the rows kept it busy for seconds on end; now nothing does for more than a moment.
      expect(longestBusyMs).toBeLessThan(200);
      expect(answersMeanwhile.length).toBeGreaterThan(0);
      expect(answersMeanwhile.filter((status) => status !== 200)).toEqual([]);
      expect(finished[0]).toBe('catalogue.list');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ written: true, created: ROWS, updated: 0 });

      // All rows are there, each audited, and the import itself too; the setting saved meanwhile stayed.
      expect(count('SELECT count(*) AS n FROM customers') - customersBefore).toBe(ROWS);
      expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND action = 'create'")).toBe(ROWS);
      expect(web.app.db.prepare("SELECT actor, json_extract(after, '$.created') AS created, json_extract(after, '$.rows') AS rows FROM audit_log WHERE entity = 'import'").all()).toEqual([
        { actor: 'test-clerk', created: ROWS, rows: ROWS },
      ]);
      expect((await bridge.call('settings.get', {})).body.settings.defaultCurrency).toBe('EUR');
    } finally {
      await bridge.close();
    }
  }, 300_000);
});
