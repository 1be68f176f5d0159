/**
 * What the screens say about the mail password, from settings.mail: where it comes from
 * (passwordSource), and whether its absence stops every mail. Pure, so Settings, Home, the send
 * dialog and the Reminders screen say it in the same words.
 */
import type { MailPasswordSource, MailSettings } from '../../../shared/contract/mail';

const SOURCE_WORDS: Record<Exclude<MailPasswordSource, 'none'>, string> = {
  saved: 'kept by this computer’s keychain',
  file: 'read from the file given with --smtp-password-file',
  environment: 'from the ORDER_DESK_SMTP_PASSWORD environment variable',
};

/** "kept by this computer’s keychain", …, or for none whether that stops the mails (it does only when the server asks for a user name). */
export function passwordSourceText(mail: Pick<MailSettings, 'passwordSource' | 'user'>): string {
  if (mail.passwordSource !== 'none') return SOURCE_WORDS[mail.passwordSource];
  return mail.user.trim() === '' ? 'not set (none is needed while the user name is empty: a server that takes mail without login)' : 'not set: mails cannot be sent';
}

/** Where the clerk gives a missing password: in Settings in the desktop app, where Order Desk is started in browser mode. */
export function wherePasswordIsGiven(desktop: boolean): string {
  return desktop
    ? 'Enter it in Settings → E-mail.'
    : 'In browser mode it is read from the file given with --smtp-password-file, or else the ORDER_DESK_SMTP_PASSWORD environment variable: put it there and start Order Desk again.';
}

/**
 * Said when a server is set that asks for a user name and no password is there: no mail can go
 * out (every send is refused, a test e-mail included). Null otherwise.
 */
export function missingPasswordText(mail: Pick<MailSettings, 'host' | 'user' | 'passwordSource'>): string | null {
  if (mail.host === '' || mail.user.trim() === '' || mail.passwordSource !== 'none') return null;
  return `No mail password is set, and the mail server asks for the user name ${mail.user}: no e-mail can be sent until one is.`;
}
