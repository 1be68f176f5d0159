/**
 * The app's own origin. The renderer is served from a custom privileged protocol, never
 * from file:// (which would let any local file be read) or the network. Every trust
 * decision in the main process (IPC senders, navigation) compares against this.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'order-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://order-desk/... exactly. Compared part by part because Node's URL
 * gives custom schemes an opaque "null" origin, and look-alikes such as
 * app://order-desk.evil/ or app://x@order-desk/ must not pass.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The part of a WebFrameMain the sender check needs; a fake in tests. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The one document the app shows; everything else on app:// is an asset. */
const APP_PAGES = ['/', '/index.html'];

/** IPC is answered only for the app's own page, in the top frame (never an iframe). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url) && APP_PAGES.includes(new URL(frame.url).pathname);
}
