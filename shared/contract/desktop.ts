/**
 * What only the desktop app can do, because it needs a native dialog or the clerk's disk.
 * Declared in the contract like every method, so the preload exposes it without a channel of
 * its own and the input is validated by the same schemas. The Electron main process answers
 * these itself (electron/main/desktop-methods.ts); everywhere else, browser mode included,
 * they answer the `desktop_only` error with DESKTOP_ONLY_MESSAGE.
 */
import { z } from 'zod';
import { method } from './define';
import { id } from './fields';

/** Most PDFs saved into a folder in one call. */
export const MAX_SAVED_PDFS = 5000;

export const SaveInvoicePdfsInput = z.object({
  ids: z
    .array(id('Invoice'), { error: 'Invoices must be a list of invoice ids.' })
    .min(1, { error: 'Choose at least one invoice to save.' })
    .max(MAX_SAVED_PDFS, { error: `At most ${MAX_SAVED_PDFS} invoices can be saved at once.` }),
});

export interface SavedInvoicePdfs {
  /** The folder chosen; null when the clerk closed the dialog without choosing (nothing was written). */
  folder: string | null;
  /** File names written, e.g. "INV-2026-00012.pdf", or "INV-2026-00012 (2).pdf" beside a different file of that name. */
  written: string[];
  /** File names already in the folder with exactly these bytes, so left as they were. */
  skipped: string[];
}

export const SaveReminderPdfsInput = z.object({
  ids: z
    .array(id('Reminder'), { error: 'Reminders must be a list of reminder ids.' })
    .min(1, { error: 'Choose at least one reminder to save.' })
    .max(MAX_SAVED_PDFS, { error: `At most ${MAX_SAVED_PDFS} reminders can be saved at once.` }),
});

export const DESKTOP_ONLY_MESSAGE = 'Saving into a folder works only in the desktop app. In the browser, download the PDFs as one ZIP instead.';

export const desktopMethods = {
  'desktop.saveInvoicePdfs': method<SavedInvoicePdfs>()(SaveInvoicePdfsInput),
  /** Reminders to print, each its stored PDF (reminders.pdf), by the same rules as invoices. */
  'desktop.saveReminderPdfs': method<SavedInvoicePdfs>()(SaveReminderPdfsInput),
};
