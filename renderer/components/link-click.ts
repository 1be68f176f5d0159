/** The parts of a click that decide what following a link does. */
export interface LinkClick {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a click follows an app link here, in this window. Plain, Ctrl/Cmd/Shift/Alt and
 * middle clicks all do: a new tab would only say "The session token is missing" (browser
 * mode keeps the token per tab) and the desktop window blocks new windows, so opening
 * elsewhere never works. Right-click keeps its menu (copy the link address).
 */
export function followsHere(click: LinkClick): boolean {
  return click.button === 0 || click.button === 1;
}
