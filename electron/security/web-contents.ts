/**
 * Keeps the window on the app's own pages: navigation and redirects elsewhere are
 * stopped, new windows are never created, and safe links open outside the app.
 * Written against the few members it uses so tests can drive it with a fake.
 */
import { decideNavigation, decideRedirect, decideWindowOpen } from './navigation-policy';
import type { OpenExternal } from './open-external';

export interface PreventableUrlEvent {
  url: string;
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableUrlEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function hardenWebContents(contents: WebContentsLike, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!decideRedirect(event.url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) openExternal(url);
    return { action: 'deny' };
  });
}
