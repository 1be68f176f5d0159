/**
 * The last name confirmed on this computer, offered first at the next start. Kept in the
 * page's own storage, which the desktop app holds in its user-data folder.
 */
const KEY = 'orderDesk.workingAs';

export function rememberedUser(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    // Storage can be switched off; the clerk then simply types or picks the name.
    return '';
  }
}

export function rememberUser(name: string): void {
  try {
    window.localStorage.setItem(KEY, name);
  } catch {
    // As above: not remembering is the only consequence.
  }
}
