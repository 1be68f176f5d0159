/**
 * The desktop.* methods outside the desktop app. The Electron main process answers them itself
 * (electron/main/desktop-methods.ts) before they reach here, so whoever gets here — browser mode,
 * a test, a script — is told plainly that this needs the desktop app.
 */
import { DomainError } from '../../shared/api/errors';
import { DESKTOP_ONLY_MESSAGE } from '../../shared/contract/desktop';
import type { Handlers } from '../api/handlers';
import { read } from '../api/register';

function desktopOnly(): never {
  throw new DomainError('desktop_only', DESKTOP_ONLY_MESSAGE);
}

export const desktopHandlers: Pick<Handlers, 'desktop.saveInvoicePdfs' | 'desktop.saveReminderPdfs'> = {
  'desktop.saveInvoicePdfs': read(desktopOnly),
  'desktop.saveReminderPdfs': read(desktopOnly),
};
