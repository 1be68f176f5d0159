/**
 * Browser mode with e-mail, as `npm run web` runs it: the mail runtime (the real SMTP worker) and
 * the sender attached to the served database, the password read as browser mode reads it (here:
 * none, since the loopback server needs no login), and a real SMTP server on loopback whose
 * answers the test chooses (tests/support/mail.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS } from '../support/browser';
import { attachMail, createMailRuntime, type MailPolicy, type MailRuntime } from '../../db/mail/runtime';
import { createWorkerTransport } from '../../db/mail/smtp-client';
import { startMailSender, type MailSender } from '../../db/mail/sender';
import { commandLinePasswordStore, type MailPasswordStore } from '../../db/mail/password-store';
import { startSmtpServer, TEST_POLICY, type TestSmtpOptions, type TestSmtpServer } from '../support/mail';
import { useUiSession, type UiSession } from '../support/ui-session';
import type { WebAppOptions } from '../support/web-app';

export interface MailUiSession extends UiSession {
  smtp: TestSmtpServer;
  runtime: MailRuntime;
}

export interface MailUiOptions {
  /** Where browser mode reads the password; by default no file and an empty environment, so none. */
  passwords?: () => MailPasswordStore;
  /** Over TEST_POLICY: a test that holds a server's answer for a while needs a longer socket timeout. */
  policy?: Partial<MailPolicy>;
}

/** `smtpOptions` may be made when the session starts (a certificate generated first). */
export function useMailUiSession(
  timeoutMs: number,
  options: WebAppOptions,
  smtpOptions: TestSmtpOptions | (() => Promise<TestSmtpOptions>) = {},
  mailOptions: MailUiOptions = {},
): MailUiSession {
  const ui = useUiSession(timeoutMs, options) as MailUiSession;
  let sender: MailSender | null = null;
  beforeAll(async () => {
    ui.smtp = await startSmtpServer(typeof smtpOptions === 'function' ? await smtpOptions() : smtpOptions);
    const passwords = mailOptions.passwords?.() ?? commandLinePasswordStore({ env: {} });
    ui.runtime = createMailRuntime({ passwords, transport: createWorkerTransport(), policy: { ...TEST_POLICY, ...mailOptions.policy } });
    attachMail(ui.web.app.ctx, ui.runtime);
    sender = startMailSender(ui.web.app.ctx, { pollMs: 100, log: () => undefined });
  }, timeoutMs);
  // Runs before the session's own afterAll closes the page and the database.
  afterAll(async () => {
    await sender?.stop();
    await ui.runtime?.transport.close();
    await ui.smtp?.close();
  }, timeoutMs);
  return ui;
}

/** A picture of one part of the page (a fieldset, a dialog), beside the full-page ones in test-artifacts. */
export async function partShot(locator: Locator, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}
