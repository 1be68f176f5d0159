/** Who is acting, for the audit log: the operating-system account of the clerk. */
import os from 'node:os';

export function currentActor(env: NodeJS.ProcessEnv = process.env, userInfo: () => { username: string } = os.userInfo): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // Some accounts (containers, directory users without a passwd entry) have no user record.
  }
  return env.USER?.trim() || env.USERNAME?.trim() || 'unknown';
}
