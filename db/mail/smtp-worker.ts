/**
 * The SMTP worker thread: hands mails to the server with nodemailer, so a slow or silent server
 * (DNS, TLS, a 60-second timeout) never holds up the main thread, which serves the window and
 * browser mode's API. Started by smtp-client.ts; bundled as smtp-worker.cjs beside main.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { sendOverSmtp, type PinnedCertificates } from './smtp-send';
import type { SmtpJob, SmtpOutcome } from './smtp-types';

export interface SmtpRequest {
  id: number;
  job: SmtpJob;
}

export interface SmtpReply {
  id: number;
  outcome: SmtpOutcome;
}

const pinned: PinnedCertificates = new Map();

parentPort!.on('message', (request: SmtpRequest) => {
  void sendOverSmtp(request.job, pinned)
    .catch((error: unknown): SmtpOutcome => ({
      ok: false,
      temporary: false,
      code: 'connection',
      message: `The mail could not be handed over: ${error instanceof Error ? error.message : String(error)}`,
      response: '',
    }))
    .then((outcome) => parentPort!.postMessage({ id: request.id, outcome } satisfies SmtpReply));
});
