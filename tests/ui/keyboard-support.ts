/** Reaching controls the way a keyboard user does: Tab until focus is on the one named. */
import type { Page } from 'playwright-core';

export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.labels?.[0]?.textContent;
    return (el?.getAttribute('aria-label') ?? label ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (at most `limit` times) until the focused element's name matches. */
export async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}; focus is on "${await focusedName(page)}"`);
}

/** Replaces what the focused input holds, as a clerk does with Ctrl+A and typing. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Text as the clerk sees it laid out (cells apart), with all runs of white space as one space. */
export async function shownText(locator: ReturnType<Page['locator']>): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
