/**
 * What the window may navigate to and what may leave the app. The window only ever
 * shows the app's own pages; a link to a web page or an e-mail address opens in the
 * user's browser or mail program instead, and nothing else is opened at all.
 */
import { isAppUrl } from './app-origin';

/** Schemes handed to the operating system. Everything else (javascript:, file:, smb:, ...) is refused. */
export const EXTERNAL_SCHEMES = ['https:', 'mailto:'] as const;

export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  if (parsed.protocol === 'mailto:') return parsed.pathname.trim() !== '';
  return false;
}

export type NavigationDecision =
  | { allow: true }
  /** Refused in the window; openExternally says whether the OS should open it instead. */
  | { allow: false; openExternally: boolean };

/** For will-navigate: the app's own pages stay in the window; safe links go to the OS. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: isSafeExternalUrl(url) };
}

/** For will-redirect: a redirect is never a user's click, so nothing leaves the app. */
export function decideRedirect(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: false };
}

/** For setWindowOpenHandler: no new windows ever; safe links go to the OS. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}
