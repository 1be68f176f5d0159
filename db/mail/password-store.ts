/**
 * Where the mail server's password lives: never in the database (so never in a backup or an
 * export), never in a log, never in an API answer. The app is given one store when it starts:
 * - browser mode: a file named by --smtp-password-file, or the environment variable
 *   ORDER_DESK_SMTP_PASSWORD (read only: the clerk cannot change it through the page);
 * - the desktop app: encrypted with Electron's safeStorage in a file in its user-data folder
 *   (electron/main/mail-password.ts), changed with mail.setPassword.
 */
import fs from 'node:fs';
import { DomainError } from '../../shared/api/errors';
import type { MailPasswordSource } from '../../shared/contract/mail';

export interface MailPasswordStore {
  /** Where the password comes from, in words, for the clerk ("the file /etc/order-desk/smtp"). */
  readonly source: string;
  /** The same, as settings.mail.passwordSource says it while a password is there. */
  readonly origin: Exclude<MailPasswordSource, 'none'>;
  /** Whether mail.setPassword can change it here. */
  readonly canSet: boolean;
  isSet(): boolean;
  /** The password, or null when none is kept. */
  read(): string | null;
  /** Keeps `password` (an empty one forgets the stored password). Throws a DomainError where it cannot. */
  write(password: string): void;
}

export const PASSWORD_ENV = 'ORDER_DESK_SMTP_PASSWORD';

function readOnly(source: string): never {
  throw new DomainError(
    'invalid_input',
    `Here the mail password comes from ${source}: change it there and restart Order Desk. It cannot be set from the page.`,
    'password',
  );
}

/** A password file holds the password on its first line; a trailing line break (as editors save it) is not part of it. */
function firstLine(text: string): string {
  return text.replace(/\r?\n[\s\S]*$/, '');
}

/** Browser mode: the file named on the command line, else the environment variable, else none. */
export function commandLinePasswordStore(options: { file?: string | undefined; env?: NodeJS.ProcessEnv }): MailPasswordStore {
  const env = options.env ?? process.env;
  if (options.file) {
    const file = options.file;
    const source = `the file named by --smtp-password-file (${file})`;
    const read = (): string | null => {
      try {
        const password = firstLine(fs.readFileSync(file, 'utf8'));
        return password === '' ? null : password;
      } catch {
        return null;
      }
    };
    return { source, origin: 'file', canSet: false, isSet: () => read() !== null, read, write: () => readOnly(source) };
  }
  const source = `the environment variable ${PASSWORD_ENV} (or a file named by --smtp-password-file)`;
  const read = () => (env[PASSWORD_ENV] ? env[PASSWORD_ENV] : null);
  return { source, origin: 'environment', canSet: false, isSet: () => read() !== null, read, write: () => readOnly(source) };
}

/** A store kept in memory: for tests, and for a process that never sends (the demo seed). */
export function memoryPasswordStore(initial: string | null = null): MailPasswordStore {
  let password = initial;
  return {
    source: 'this process’s memory',
    // Set as the desktop app's is (mail.setPassword), so said as saved.
    origin: 'saved',
    canSet: true,
    isSet: () => password !== null,
    read: () => password,
    write: (next) => void (password = next === '' ? null : next),
  };
}
