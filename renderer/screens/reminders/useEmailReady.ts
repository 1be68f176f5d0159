import { useSettings } from '../../state/settings';

/**
 * Whether Settings → E-mail names a mail server and a sender, so reminders can go by e-mail.
 * Without them every reminder is planned as a letter to print: reminders.issue refuses e-mail
 * then, and the clerk could otherwise not send those with an address at all.
 */
export function useEmailReady(): boolean {
  return useSettings((s) => s.settings === null || (s.settings.mail.host !== '' && s.settings.mail.fromAddress !== ''));
}
