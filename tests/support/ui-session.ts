import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startWebApp, type RunningWebApp, type WebAppOptions } from './web-app';

/** A real Chromium and browser mode on a fresh database, shared by the tests of one file. */
export interface UiSession {
  browser: BrowserContext;
  web: RunningWebApp;
}

/**
 * Registers the hooks every UI test file needs and returns the session, whose fields
 * are set once beforeAll has run. A file's own beforeAll (seeding data) runs after
 * this one; its own afterAll runs before the browser and server are closed.
 */
export function useUiSession(timeoutMs?: number, options: WebAppOptions = {}): UiSession {
  const session = {} as UiSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.web = await startWebApp(undefined, undefined, options);
  }, timeoutMs);
  afterAll(async () => {
    await session.browser?.close();
    await session.web?.stop();
  }, timeoutMs);
  return session;
}

/** Opens a screen the way a clerk does, from the printed address, once the page has taken its token. */
export async function openScreen(session: UiSession, hash: string, page?: Page): Promise<Page> {
  const target = page ?? (await session.browser.newPage());
  await target.goto(session.web.entryUrl(hash));
  await target.waitForFunction(() => !window.location.search.includes('token'));
  return target;
}
