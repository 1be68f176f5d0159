/**
 * Said wherever mails are sent from (Home, the Reminders screen) when the mail server asks for a
 * user name and no password is there: every mail would be refused, so the clerk learns it before
 * sending, with the way to Settings → E-mail. The settings are read again when it appears: in
 * browser mode the password file may have been filled meanwhile.
 */
import { useEffect } from 'react';
import { runsInDesktopApp } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { useSettings } from '../../state/settings';
import { missingPasswordText, wherePasswordIsGiven } from './mail-password-words';

export function NoMailPassword() {
  const mail = useSettings((s) => s.settings?.mail);
  useEffect(() => void useSettings.getState().load(), []);
  const missing = mail ? missingPasswordText(mail) : null;
  if (!missing) return null;
  return (
    <p className="banner banner--warning" role="note" data-testid="no-mail-password">
      {missing} {wherePasswordIsGiven(runsInDesktopApp())} <AppLink to={{ view: 'settings' }}>Open Settings → E-mail</AppLink>
    </p>
  );
}
