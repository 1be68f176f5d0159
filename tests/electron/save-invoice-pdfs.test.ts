/**
 * desktop.saveInvoicePdfs in the main process, with a fake dialog and a fake disk: only the app
 * window may ask, the folder comes from the native dialog, every PDF is written byte for byte
 * from invoices.pdf, and nothing already in the folder is ever overwritten.
 */
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { FORBIDDEN, registerContractHandlers, type InvokeEventLike, type IpcMainLike } from '../../electron/main/ipc';
import { withDesktopMethods } from '../../electron/main/desktop-methods';
import type { PdfFolderFs } from '../../electron/main/save-invoice-pdfs';
import type { Result } from '../../shared/api/errors';
import { call, openTestApp, type TestApp } from '../support/test-db';
import { fakeRenderer, TEST_BANK_ACCOUNTS } from '../support/fake-renderer';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<any>>;

const FOLDER = '/home/clerk/Invoices November';
const appFrame = { url: 'app://order-desk/index.html#/invoice-batch', parent: null };

/** A disk that knows only files, refusing to create one that exists as 'wx' does. */
function fakeDisk() {
  const files = new Map<string, Buffer>();
  const failOn = new Set<string>();
  const fs: PdfFolderFs = {
    async writeFile(file, data, options) {
      if (failOn.has(path.basename(file))) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      if (options.flag === 'wx' && files.has(file)) throw Object.assign(new Error(`EEXIST: file already exists, open '${file}'`), { code: 'EEXIST' });
      files.set(file, Buffer.from(data));
    },
    async readFile(file) {
      const bytes = files.get(file);
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file '${file}'`), { code: 'ENOENT' });
      return bytes;
    },
  };
  return { fs, files, failOn };
}

let app: TestApp;
let disk: ReturnType<typeof fakeDisk>;
let showOpenDialog: ReturnType<typeof vi.fn<(options: OpenDialogOptions) => Promise<OpenDialogReturnValue>>>;
let save: Listener;
let ids: number[];

beforeEach(async () => {
  app = openTestApp(undefined, () => new Date('2026-12-03T10:00:00Z'), { documents: fakeRenderer });
  await call(app, 'settings.set', { bankAccounts: TEST_BANK_ACCOUNTS });
  ids = [];
  for (const price of ['10.00', '20.00', '30.00']) {
    const { order } = await call(app, 'orders.create', {
      customer: { name: 'Bibliothèque de Genève', country: 'CH', email: '', city: 'Genève', postalCode: '1205', address: 'Promenade des Bastions 1' },
      currency: 'CHF',
      receivedVia: 'mail',
      receivedOn: '2026-11-10',
      lines: [{ title: 'World Migration Report 2024', quantity: 1, unitPrice: price }],
    });
    ids.push((await call(app, 'invoices.issue', { orderId: order.id })).invoice.id);
  }
  disk = fakeDisk();
  showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [FOLDER] }));
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) };
  registerContractHandlers(ipc, withDesktopMethods(app.invoke, { showOpenDialog, fs: disk.fs }));
  save = handlers.get('order-desk:desktop.saveInvoicePdfs')!;
});
afterEach(() => app?.close());

const stored = async (id: number) => Buffer.from((await call(app, 'invoices.pdf', { id })).contentBase64, 'base64');
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('saving invoice PDFs into a folder (desktop)', () => {
  it('asks for a folder in the native dialog and writes each stored PDF there, named by its number', async () => {
    const result = await save({ senderFrame: appFrame }, { ids });
    expect(showOpenDialog).toHaveBeenCalledOnce();
    expect(showOpenDialog.mock.calls[0]![0].properties).toEqual(['openDirectory', 'createDirectory']);
    expect(result).toEqual({ ok: true, value: { folder: FOLDER, written: ['INV-2026-00001.pdf', 'INV-2026-00002.pdf', 'INV-2026-00003.pdf'], skipped: [] } });
    for (const [i, id] of ids.entries()) {
      const bytes = disk.files.get(path.join(FOLDER, `INV-2026-0000${i + 1}.pdf`))!;
      expect(bytes.equals(await stored(id))).toBe(true);
      expect(sha256(bytes)).toBe((await call(app, 'invoices.get', { id })).invoice.sha256);
    }
  });

  it('never overwrites: the same PDF already there is skipped, a different file of that name gets the PDF beside it as " (2)"', async () => {
    await save({ senderFrame: appFrame }, { ids: [ids[0]!] });
    const someoneElses = Buffer.from('%PDF-1.7 a different document');
    disk.files.set(path.join(FOLDER, 'INV-2026-00002.pdf'), someoneElses);

    const result = await save({ senderFrame: appFrame }, { ids });
    expect(result).toEqual({ ok: true, value: { folder: FOLDER, written: ['INV-2026-00002 (2).pdf', 'INV-2026-00003.pdf'], skipped: ['INV-2026-00001.pdf'] } });
    expect(disk.files.get(path.join(FOLDER, 'INV-2026-00002.pdf'))).toEqual(someoneElses);
    expect(disk.files.get(path.join(FOLDER, 'INV-2026-00002 (2).pdf'))!.equals(await stored(ids[1]!))).toBe(true);
    // Saved again, everything is found in place and nothing new is written.
    expect(await save({ senderFrame: appFrame }, { ids })).toEqual({ ok: true, value: { folder: FOLDER, written: [], skipped: ['INV-2026-00001.pdf', 'INV-2026-00002 (2).pdf', 'INV-2026-00003.pdf'] } });
    expect(disk.files.size).toBe(4);
  });

  it('writes nothing when the clerk closes the dialog', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await save({ senderFrame: appFrame }, { ids })).toEqual({ ok: true, value: { folder: null, written: [], skipped: [] } });
    expect(disk.files.size).toBe(0);
  });

  it('stops at the first file it cannot write, saying which and how many were saved before it', async () => {
    disk.failOn.add('INV-2026-00002.pdf');
    const result = await save({ senderFrame: appFrame }, { ids });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', field: 'folder', message: expect.stringMatching(/^INV-2026-00002\.pdf could not be saved into .*Invoices November: EACCES: permission denied.*\. 1 PDF was saved before it\.$/) } });
    expect([...disk.files.keys()]).toEqual([path.join(FOLDER, 'INV-2026-00001.pdf')]);
  });

  it('names an invoice that does not exist, after saving the ones before it', async () => {
    const result = await save({ senderFrame: appFrame }, { ids: [ids[0]!, 999] });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', field: 'id', message: 'Invoice 999 does not exist. 1 PDF was saved before it.' } });
  });

  it('answers only the app window, and validates the input before showing any dialog', async () => {
    for (const senderFrame of [null, { url: 'https://example.org/', parent: null }, { ...appFrame, parent: {} }]) {
      expect(await save({ senderFrame } as InvokeEventLike, { ids })).toEqual(FORBIDDEN);
    }
    expect(await save({ senderFrame: appFrame }, { ids: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'ids' } });
    expect(await save({ senderFrame: appFrame }, { ids: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'ids' } });
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(disk.files.size).toBe(0);
  });

  it('answers a value, not a rejection, when the dialog itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    showOpenDialog.mockRejectedValueOnce(new Error('no display'));
    expect(await save({ senderFrame: appFrame }, { ids })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes every other method through to invoke unchanged', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: 'listed' }));
    const wrapped = withDesktopMethods(invoke, { showOpenDialog, fs: disk.fs });
    expect(await wrapped('catalogue.list', { query: 'x' })).toEqual({ ok: true, value: 'listed' });
    expect(invoke).toHaveBeenCalledWith('catalogue.list', { query: 'x' });
  });
});
