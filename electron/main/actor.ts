/** Who is acting, for the audit log: the operating-system account of the clerk, until a staff name is confirmed. */
import os from 'node:os';
import { askedUser, type SessionUser } from '../../db/session-user';

export function currentActor(env: NodeJS.ProcessEnv = process.env, userInfo: () => { username: string } = os.userInfo): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // Some accounts (containers, directory users without a passwd entry) have no user record.
  }
  return env.USER?.trim() || env.USERNAME?.trim() || 'unknown';
}

/**
 * The desktop app's session user: the operating-system account until the clerk says who
 * is working in the start-up dialog, then that staff name on every audit record.
 */
export function desktopSessionUser(env: NodeJS.ProcessEnv = process.env, userInfo: () => { username: string } = os.userInfo): SessionUser {
  return askedUser(currentActor(env, userInfo));
}
