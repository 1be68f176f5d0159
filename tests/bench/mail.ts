/**
 * E-mail figures for npm run bench (issue 17): a month's batch of invoices e-mailed to an SMTP
 * server on loopback through the real path (mail.sendBatch, the outbox, the sender, the SMTP
 * worker), the screen's progress asked every 100 ms meanwhile, and the longest main-thread stall
 * while it ran. The server runs in a process of its own (smtp-sink.ts), as the unit's server would. Each attachment is a 60 KB stand-in for the invoice's PDF (issuing is measured
 * elsewhere; here it is the mailing).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { call, tempDir } from '../support/test-db';
import { issuedInvoice, openMailDesk, setUpMail } from '../support/mail';
import { fakeRenderer } from '../support/fake-renderer';
import type { DocumentRenderer } from '../../db/documents/render-pool';
import type { OutboxMail } from '../../shared/contract/mail';
import { watchThisThread } from '../support/main-thread-watch';

export const MAIL_STALL_TARGET_MS = 50;

export interface MailBenchResult {
  mails: number;
  queueMs: number;
  totalMs: number;
  /** The most a 10 ms timer fired late: how long nothing could be answered (a loaded machine adds its own waits). */
  longestStallMs: number;
  /** The most CPU time the main thread itself spent between two ticks of a 10 ms timer: the app's own part of a stall. */
  longestBusyMs: number;
  accepted: number;
}

/** The fake renderer's bytes, padded to the size of a real one-page invoice. */
function pdfSizedRenderer(): DocumentRenderer {
  const fake = fakeRenderer();
  return { ...fake, render: async (document) => Buffer.concat([await fake.render(document), Buffer.alloc(60_000, 0x20)]) };
}

async function startSink(): Promise<{ port: number; close(): Promise<void> }> {
  const sink = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'smtp-sink.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [first] = (await once(sink.stdout!, 'data')) as [Buffer];
  return {
    port: Number(first.toString().trim()),
    close: async () => {
      sink.stdin!.end();
      await once(sink, 'exit');
    },
  };
}

export async function benchMail(mails: number): Promise<MailBenchResult> {
  const server = await startSink();
  const desk = openMailDesk({ file: path.join(tempDir('order-desk-bench-mail-'), 'orders.db'), documents: pdfSizedRenderer, policy: { timeouts: { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 } } });
  try {
    const { app } = desk;
    await setUpMail(app, server.port);
    const ids: number[] = [];
    for (let i = 0; i < mails; i += 1) ids.push((await issuedInvoice(app)).id);
    // The first mail starts the SMTP worker; a clerk's first mail of the day pays that once.
    await call(app, 'mail.test', { to: 'it@unit.example' });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const watch = watchThisThread();
    const started = performance.now();
    const batch = await call(app, 'mail.sendBatch', { documentIds: ids });
    const queueMs = performance.now() - started;
    let accepted = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { mails: progress } = (await call(app, 'mail.outbox', { batchId: batch.batchId, limit: 500 })) as { mails: OutboxMail[] };
      accepted = progress.filter((m) => m.status === 'accepted').length;
      if (progress.every((m) => !['queued', 'sending'].includes(m.status))) break;
    }
    const totalMs = performance.now() - started;
    delay.disable();
    const { longestBusyMs } = watch.stop();
    return { mails, queueMs, totalMs, longestStallMs: delay.max / 1e6, longestBusyMs, accepted };
  } finally {
    await desk.close();
    await server.close();
  }
}

/** Prints the figures; false when the stall target was missed or a mail was not accepted. */
export function printMailFigures(result: MailBenchResult): boolean {
  const each = result.totalMs / result.mails;
  console.log(`\nE-mail: ${result.mails} invoices to an SMTP server on loopback (60 KB attachment each)`);
  console.log(`  queued (mail.sendBatch)          ${result.queueMs.toFixed(0).padStart(7)} ms`);
  console.log(`  all handed over and accepted     ${result.totalMs.toFixed(0).padStart(7)} ms  (${each.toFixed(1)} ms each, ${result.accepted} accepted)`);
  const ok = result.longestBusyMs < MAIL_STALL_TARGET_MS && result.accepted === result.mails;
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`  longest main-thread stall        ${result.longestStallMs.toFixed(1).padStart(7)} ms  (timer lateness, load average ${load} on ${os.cpus().length} cores)`);
  console.log(`  of which the main thread busy    ${result.longestBusyMs.toFixed(1).padStart(7)} ms  (its own CPU time; target under ${MAIL_STALL_TARGET_MS} ms${ok ? '' : ': MISSED'})`);
  return ok;
}
