/**
 * The desktop app's mail password: encrypted with Electron's safeStorage (the Windows user's
 * DPAPI, the macOS Keychain, the Linux keyring) into a file in the user-data folder, beside the
 * database but never in it, so never in a backup or an export. Kept thin: the rules of the store
 * are db/mail/password-store.ts's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { DomainError } from '../../shared/api/errors';
import type { MailPasswordStore } from '../../db/mail/password-store';

export const PASSWORD_FILE_NAME = 'smtp-password.bin';

export type PasswordSafe = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function safeStoragePasswordStore(safe: PasswordSafe, userDataDir: string, log: (message: string, error: unknown) => void = () => undefined): MailPasswordStore {
  const file = path.join(userDataDir, PASSWORD_FILE_NAME);
  const refuse = (message: string): never => {
    throw new DomainError('conflict', message, 'password');
  };
  return {
    source: 'this computer’s protected storage',
    origin: 'saved',
    canSet: true,
    isSet: () => fs.existsSync(file),
    read() {
      try {
        return safe.decryptString(fs.readFileSync(file));
      } catch (error) {
        // A missing file is no password; one that no longer decrypts (another user, a new keyring) is said once in the log, without its content.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log('Order Desk: the stored mail password could not be read; enter it again in Settings → E-mail', (error as Error).message);
        return null;
      }
    },
    write(password) {
      if (password === '') {
        fs.rmSync(file, { force: true });
        return;
      }
      if (!safe.isEncryptionAvailable()) refuse('This computer offers no protected storage for the mail password, so it was not kept. Ask IT, or use browser mode with --smtp-password-file.');
      // On Linux without a keyring Electron "encrypts" with a fixed key: that is no protection.
      if (process.platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text') {
        refuse('This computer has no keyring (GNOME Keyring or KWallet) to protect the mail password, so it was not kept. Ask IT, or use browser mode with --smtp-password-file.');
      }
      const encrypted = safe.encryptString(password);
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, encrypted, { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
  };
}
