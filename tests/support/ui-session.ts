import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { launchBrowser } from './browser';
import { startWebApp, type RunningWebApp, type WebAppOptions } from './web-app';

/** An HTTP refusal a test provokes on purpose: its status and the path it comes from. */
export interface ExpectedRefusal {
  status: number;
  path: string | RegExp;
}

/** A real Chromium and browser mode on a fresh database, shared by the tests of one file. */
export interface UiSession {
  browser: BrowserContext;
  web: RunningWebApp;
  /**
   * Every 4xx/5xx answer a page receives fails the test that was running, unless the test
   * said it expects that refusal (a duplicate provoked on purpose, a wrong ISBN sent to the API).
   */
  expectRefusal(refusal: ExpectedRefusal): void;
}

function matches(refusal: ExpectedRefusal, response: Response): boolean {
  const pathname = new URL(response.url()).pathname;
  return refusal.status === response.status() && (typeof refusal.path === 'string' ? pathname === refusal.path : refusal.path.test(pathname));
}

/**
 * Registers the hooks every UI test file needs and returns the session, whose fields
 * are set once beforeAll has run. A file's own beforeAll (seeding data) runs after
 * this one; its own afterAll runs before the browser and server are closed.
 */
export function useUiSession(timeoutMs?: number, options: WebAppOptions = {}): UiSession {
  const expected: ExpectedRefusal[] = [];
  const unexpected: string[] = [];
  const session = { expectRefusal: (refusal) => void expected.push(refusal) } as UiSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.browser.on('response', (response) => {
      if (response.status() < 400 || expected.some((refusal) => matches(refusal, response))) return;
      const request = response.request();
      unexpected.push(`${response.status()} for ${request.method()} ${new URL(response.url()).pathname}`);
    });
    session.web = await startWebApp(undefined, undefined, options);
  }, timeoutMs);
  afterEach(() => {
    expected.length = 0;
    const seen = unexpected.splice(0);
    if (seen.length > 0) throw new Error(`The page received HTTP answers the test did not expect: ${seen.join('; ')}`);
  });
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
