/**
 * What the desktop smoke test does in the window, as a clerk does it: say who is working, key in one
 * paper order by keyboard, issue its invoice from the order. Each step takes only a Page, so the same
 * steps drive the real Electron window and, when changing them, the same screens in browser mode.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { focusedField, keyInForm, textOf, type PaperForm } from '../ui/order-entry-support';

const SLOW = { timeout: 30_000 };

/** Calls one contract method and answers its value, throwing the API's message otherwise. */
export type CallApi = (method: string, input: unknown) => Promise<unknown>;

/** The contract as the page itself reaches it: window.orderDesk, which the preload exposes (IPC to the main process). */
export function apiOfPage(page: Page): CallApi {
  return (method, input) =>
    page.evaluate(
      async ([name, value]) => {
        const [area, verb] = name.split('.') as [string, string];
        const api = window.orderDesk as unknown as Record<string, Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>>>;
        const result = await api[area]![verb]!(value);
        if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
        return result.value;
      },
      [method, input] as const,
    );
}

/** Answers the start-up question; on a new desk nothing is remembered, so the name is typed. */
export async function answerWhoIsWorking(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Who is working?' });
  await dialog.waitFor(SLOW);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), SLOW).toBe('combobox');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count(), SLOW).toBe(0);
  await page.getByText(`Working as ${name}`).waitFor(SLOW);
}

/** New order (Alt+2), the form keyed in, Ctrl+S: answers the order's number and id as the saved notice links them. */
export async function keyInOrder(page: Page, form: PaperForm, amountDue: string): Promise<{ number: string; id: number }> {
  await page.keyboard.press('Alt+2');
  await expect.poll(() => focusedField(page), SLOW).toBe('customer.name');
  await keyInForm(page, form);
  await expect.poll(() => textOf(page.getByRole('status', { name: /Amount due/ })), SLOW).toBe(amountDue);
  await page.keyboard.press('Control+S');
  const saved = page.getByRole('status').filter({ hasText: /Order \d{4}-\d{5} saved/ });
  await saved.waitFor(SLOW);
  const number = (await saved.textContent())!.match(/\d{4}-\d{5}/)![0];
  const link = saved.getByRole('link');
  const id = Number((await link.getAttribute('href'))!.match(/^#\/order\/(\d+)$/)![1]);
  await link.click();
  await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor(SLOW);
  return { number, id };
}

/** On the order: Alt+I, wait for the drawn draft, Ctrl+Enter. Answers the invoice shown afterwards. */
export async function issueInvoice(page: Page, orderNumber: string): Promise<{ number: string; id: number }> {
  await page.getByRole('region', { name: 'Payments' }).waitFor(SLOW);
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Alt+I');
  const dialog = page.getByRole('dialog', { name: `Issue an invoice for order ${orderNumber}` });
  await dialog.waitFor(SLOW);
  // The draft PDF drawn in the dialog proves the PDF worker and pdf.js both run in this shell.
  await dialog.locator('canvas[data-drawn="true"]').waitFor(SLOW);
  await expect.poll(() => dialog.getByRole('button', { name: /^Issue invoice/ }).isEnabled(), SLOW).toBe(true);
  await page.keyboard.press('Control+Enter');
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-\d{4}-\d{5}$/ });
  await heading.waitFor(SLOW);
  const number = (await heading.textContent())!.replace(/^Invoice /, '');
  const id = Number((await page.evaluate(() => location.hash)).match(/^#\/invoice\/(\d+)$/)![1]);
  // The issued PDF is shown too, drawn page by page.
  await page.locator('canvas[data-drawn="true"]').first().waitFor(SLOW);
  return { number, id };
}

/** The text of a PDF, page after page, as pdf.js reads it (no external tool, so it runs on every OS). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await document.destroy();
  return pages.join('\n');
}
