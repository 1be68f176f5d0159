/**
 * desktop.saveInvoicePdfs: the clerk picks a folder in the native dialog and each invoice's
 * stored PDF is written into it, byte for byte, as it comes from invoices.pdf (hash checked).
 * Nothing is overwritten: a file already there with the very same bytes is left alone
 * (skipped: saved before), a different file of that name gets the PDF beside it as
 * "INV-2026-00012 (2).pdf". Files are created exclusively ('wx'), so not even a file that
 * appears meanwhile is replaced. The first failure stops, saying what was saved before it.
 */
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { Invoke } from '../../db/api/invoke';
import { sha256Hex } from '../../db/sha256';
import { plural } from '../../shared/domain/plural';
import type { Result } from '../../shared/api/errors';
import type { InvoicePdfFile } from '../../shared/contract/invoices';
import type { SavedInvoicePdfs } from '../../shared/contract/desktop';

/** The slice of Electron's dialog used here, already bound to the app window; a fake in tests. */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;

/** The slice of node:fs/promises used here; a fake in tests. */
export interface PdfFolderFs {
  writeFile(file: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  readFile(file: string): Promise<Uint8Array>;
}

export interface SavePdfsDeps {
  invoke: Invoke;
  showOpenDialog: ShowOpenDialog;
  fs: PdfFolderFs;
}

export const FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Save the invoice PDFs into a folder',
  buttonLabel: 'Save PDFs here',
  properties: ['openDirectory', 'createDirectory'],
};

/** Where the PDFs come from (each checked against its stored hash there) and how the folder dialog asks. */
export interface PdfSource {
  method: 'invoices.pdf' | 'reminders.pdf';
  dialog: OpenDialogOptions;
}

export const INVOICE_PDFS: PdfSource = { method: 'invoices.pdf', dialog: FOLDER_DIALOG };
/** Payment reminders to print (issue 17): the same folder rules, their own stored PDFs. */
export const REMINDER_PDFS: PdfSource = { method: 'reminders.pdf', dialog: { ...FOLDER_DIALOG, title: 'Save the reminder PDFs into a folder' } };

/** Most names tried beside an existing file before giving up on one PDF. */
const MAX_NAME_TRIES = 100;

/** "INV-2026-00012.pdf", then "INV-2026-00012 (2).pdf", … Characters no file system takes become "_". */
function candidateName(fileName: string, attempt: number): string {
  const safe = path.basename(fileName).replace(/[\\/:*?"<>|]/g, '_');
  if (attempt === 1) return safe;
  const ext = path.extname(safe);
  return `${safe.slice(0, safe.length - ext.length)} (${attempt})${ext}`;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Writes one PDF; answers its name and whether it was written or found already there. */
async function placePdf(fs: PdfFolderFs, folder: string, file: InvoicePdfFile): Promise<{ name: string; written: boolean }> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  for (let attempt = 1; attempt <= MAX_NAME_TRIES; attempt++) {
    const name = candidateName(file.fileName, attempt);
    const target = path.join(folder, name);
    try {
      await fs.writeFile(target, bytes, { flag: 'wx' });
      return { name, written: true };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if (sha256Hex(await fs.readFile(target)) === file.sha256) return { name, written: false };
    }
  }
  throw Object.assign(new Error(`${MAX_NAME_TRIES} files named like ${file.fileName} are already there`), { code: 'EEXIST' });
}

export async function saveInvoicePdfs(input: { ids: number[] }, deps: SavePdfsDeps, source: PdfSource = INVOICE_PDFS): Promise<Result<SavedInvoicePdfs>> {
  const choice = await deps.showOpenDialog(source.dialog);
  const folder = choice.canceled ? undefined : choice.filePaths[0];
  if (folder === undefined) return { ok: true, value: { folder: null, written: [], skipped: [] } };

  const written: string[] = [];
  const skipped: string[] = [];
  const sofar = () => (written.length === 0 ? 'No PDF was saved.' : `${plural(written.length, 'PDF was', 'PDFs were')} saved before it.`);
  for (const id of [...new Set(input.ids)]) {
    const pdf = await deps.invoke(source.method, { id });
    if (!pdf.ok) return { ok: false, error: { ...pdf.error, message: `${pdf.error.message} ${sofar()}` } };
    const file = pdf.value as InvoicePdfFile;
    try {
      const placed = await placePdf(deps.fs, folder, file);
      (placed.written ? written : skipped).push(placed.name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${file.fileName} could not be saved into ${folder}: ${reason}. ${sofar()}`, field: 'folder' } };
    }
  }
  return { ok: true, value: { folder, written, skipped } };
}
