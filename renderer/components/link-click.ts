/** The parts of a click that decide where a link opens. */
export interface LinkClick {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether an app link's click should switch the screen in place. A plain primary click does.
 * Ctrl/Cmd/Shift/Alt+click keep the browser's meaning (new tab, new window, download) where there
 * are tabs; the desktop window has none and blocks new windows, so there they switch in place too.
 */
export function opensInPlace(click: LinkClick, hasTabs: boolean): boolean {
  if (click.button !== 0) return false;
  const modified = click.ctrlKey || click.metaKey || click.shiftKey || click.altKey;
  return !modified || !hasTabs;
}
