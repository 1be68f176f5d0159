/**
 * Files that would exhaust the app: a workbook that unpacks to gigabytes (a zip bomb), one whose
 * archive lies about its sizes, one that needs more memory than an import may use, and a
 * 50,000-row file read while other requests keep coming. Through browser mode's HTTP bridge,
 * as a stray upload would arrive; the app must answer 4xx and stay small and responsive.
 */
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../electron/web/http-bridge';
import { setImportWorkerHeapMbForTests, IMPORT_WORKER_HEAP_MB } from '../../db/transfer/import-worker-client';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { workbookBomb } from '../support/zip-bomb';

let web: RunningWebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  await web?.stop();
});
afterEach(() => setImportWorkerHeapMbForTests(IMPORT_WORKER_HEAP_MB));

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function api(method: string, input: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${web.server.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
}

const MiB = 1024 * 1024;

async function expectSmallAndServing(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  expect(process.memoryUsage().rss).toBeLessThan(500 * MiB);
  const list = await api('catalogue.list', {});
  expect(list.status).toBe(200);
  expect(list.body.publications).toHaveLength(9);
}

const customersCsv = (rows: number) =>
  ['Name;Address;Country;City;Zip;E-mail;Phone;Notes', ...Array.from({ length: rows }, (_, i) => `Customer ${i};Street ${i};CH;Genève;1204;c${i}@example.ch;+41 22 000 00 00;note ${i}`)].join('\r\n');

describe('imports that would exhaust the app', () => {
  it('refuses a 4.7 MB workbook that unpacks to 4.5 GB, naming the file, and stays under 500 MB', async () => {
    const bomb = workbookBomb({ sheets: 4, sheetSize: 1152 * MiB });
    expect(bomb.length).toBeLessThan(10 * MiB);
    const reply = await api('transfer.preview', { kind: 'customers', fileName: 'customers.xlsx', contentBase64: bomb.toString('base64') });
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatchObject({ code: 'too_large', field: 'contentBase64' });
    expect(reply.body.error.message).toMatch(/^“customers\.xlsx” would unpack to 1\.1 GB for one part \(xl\/worksheets\/sheet1\.xml\), more than the 100 MB/);
    await expectSmallAndServing();
  }, 120_000);

  it('refuses parts that add up to more than a workbook needs, though each is small enough', async () => {
    const bomb = workbookBomb({ sheets: 3, sheetSize: 90 * MiB });
    const reply = await api('transfer.commit', { kind: 'customers', fileName: 'three sheets.xlsx', contentBase64: bomb.toString('base64') });
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toMatch(/^“three sheets\.xlsx” would unpack to 271 MB, more than the 200 MB a workbook of 50,000 rows needs/);
    await expectSmallAndServing();
  }, 120_000);

  it('refuses a workbook whose archive claims 1 MB for a sheet that unpacks to 1 GB, without unpacking it', async () => {
    const forged = workbookBomb({ sheets: 1, sheetSize: 1024 * MiB, claimed: MiB });
    const reply = await api('transfer.preview', { kind: 'customers', fileName: 'forged.xlsx', contentBase64: forged.toString('base64') });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_input', field: 'contentBase64' });
    expect(reply.body.error.message).toBe('“forged.xlsx” is not a valid Excel workbook: its part xl/worksheets/sheet1.xml unpacks to more than the file says. Save it again as .xlsx or CSV.');
    await expectSmallAndServing();
  }, 120_000);

  it('answers "too large to read" when reading a file needs more memory than an import may use, and the next import works', async () => {
    // The limit lowered so a real file reaches it; in the app it is IMPORT_WORKER_HEAP_MB.
    setImportWorkerHeapMbForTests(48);
    const big = { kind: 'customers', fileName: 'all customers.csv', contentBase64: Buffer.from(customersCsv(50_000)).toString('base64') };
    const reply = await api('transfer.preview', big);
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatchObject({ code: 'too_large', field: 'contentBase64' });
    expect(reply.body.error.message).toMatch(/^“all customers\.csv” is too large to read/);
    await expectSmallAndServing();

    setImportWorkerHeapMbForTests(IMPORT_WORKER_HEAP_MB);
    const small = await api('transfer.preview', { kind: 'customers', fileName: 'few.csv', contentBase64: Buffer.from(customersCsv(3)).toString('base64') });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ totalRows: 3, validRows: 3 });
  }, 180_000);
});

describe('a large import', () => {
  it('does not make other requests wait: a call made while a 50,000-row preview runs is answered before it', async () => {
    // The same app behind a bridge that says when the preview call has arrived in full, so the
    // other request is sent while the preview is being read, not while its upload is still going.
    let arrived!: () => void;
    const previewArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = await startWebServer({
      token: web.token,
      staticDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
      invoke: (method, input) => {
        if (method === 'transfer.preview') arrived();
        return web.app.invoke(method, input);
      },
    });
    try {
      const call = async (method: string, input: unknown) => {
        const res = await fetch(`${server.url}api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        return { status: res.status, body: await res.json() };
      };
      const input = { kind: 'customers', fileName: 'customers.csv', contentBase64: Buffer.from(customersCsv(50_000)).toString('base64') };
      const finished: string[] = [];
      const preview = call('transfer.preview', input).then((reply) => {
        finished.push('preview');
        return reply;
      });
      await previewArrived;
      const other = await call('catalogue.list', {});
      finished.push('catalogue.list');
      expect(other.status).toBe(200);
      const report = await preview;
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ totalRows: 50_000, validRows: 50_000, toCreate: 50_000 });
      expect(finished).toEqual(['catalogue.list', 'preview']);
    } finally {
      await server.close();
    }
  }, 180_000);
});
