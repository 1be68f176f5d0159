/**
 * mail.setPassword: the desktop app keeps the password with the operating system's protection
 * (its store); browser mode's store refuses, saying where its password comes from. The audit
 * records that it changed, never the password.
 */
import type { WriteContext } from '../../context';
import { mailRuntime } from '../../mail/jobs';
import { audit } from '../audit';

export function setMailPassword(w: WriteContext, input: { password: string }): { passwordSet: boolean } {
  const { passwords } = mailRuntime(w);
  const before = passwords.isSet();
  passwords.write(input.password);
  const after = passwords.isSet();
  audit(w, 'mail', null, 'password', { passwordSet: before }, { passwordSet: after });
  return { passwordSet: after };
}
