import type { MailSettings } from '../../../shared/contract/mail';
import { useSettings } from '../../state/settings';

/**
 * Why reminders cannot go by e-mail now, in a few words for "a letter to print (…)"; null when
 * they can: Settings → E-mail names a mail server and a sender, and a password is there when the
 * server asks for a user name. Otherwise every reminder is planned as a letter to print:
 * reminders.issue refuses e-mail then, and the clerk could otherwise not send those with an
 * address at all.
 */
export function emailGap(mail: MailSettings | undefined): string | null {
  if (!mail) return null;
  if (mail.host === '' || mail.fromAddress === '') return 'e-mail is not set up in Settings';
  if (mail.user.trim() !== '' && mail.passwordSource === 'none') return 'no mail password is set';
  return null;
}

export function useEmailGap(): string | null {
  return useSettings((s) => emailGap(s.settings?.mail));
}

export function useEmailReady(): boolean {
  return useEmailGap() === null;
}
