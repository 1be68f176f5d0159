/**
 * The desktop.* methods of the contract, answered in the main process because they need a
 * native dialog or the disk; every other method goes on to invoke. Wrapping invoke (rather
 * than adding IPC channels) keeps one channel per contract method, each behind the same
 * sender check (ipc.ts), and validates the input with the contract's own schema.
 */
import type { Invoke } from '../../db/api/invoke';
import { fail } from '../../shared/api/errors';
import { validateInput } from '../../shared/contract/validate';
import { INVOICE_PDFS, REMINDER_PDFS, saveInvoicePdfs, type PdfFolderFs, type ShowOpenDialog } from './save-invoice-pdfs';

export interface DesktopDeps {
  showOpenDialog: ShowOpenDialog;
  fs: PdfFolderFs;
}

export function withDesktopMethods(invoke: Invoke, deps: DesktopDeps): Invoke {
  return async (method, input) => {
    if (method !== 'desktop.saveInvoicePdfs' && method !== 'desktop.saveReminderPdfs') return invoke(method, input);
    const source = method === 'desktop.saveInvoicePdfs' ? INVOICE_PDFS : REMINDER_PDFS;
    const parsed = validateInput(method, input);
    if (!parsed.ok) return parsed;
    try {
      return await saveInvoicePdfs(parsed.value, { ...deps, invoke }, source);
    } catch (error) {
      // A dialog that could not open must still answer a value: the preload would call a rejection "database unreachable".
      console.error(`Order Desk: ${method} failed`, error);
      return fail('internal', 'The folder could not be chosen or written. Nothing more was saved; please try again.');
    }
  };
}
