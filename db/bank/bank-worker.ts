/**
 * Entry of the bank statement worker thread: decodes the file, refuses what is not a camt.053
 * or camt.054 (recognise.ts), parses it (camt-read.ts) and hashes it, then posts the result and
 * hands the bytes back without copying. All of it is CPU work on up to 50 MB, kept off the
 * thread that answers the clerk. Bundled as dist/electron/bank-worker.cjs for the desktop app
 * (build/bundle-electron.mjs); bundled from this source elsewhere (db/workers/script-worker.ts).
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { readCamt } from './camt-read';
import type { WorkerReply } from './worker-client';

const { contentBase64 } = workerData as { contentBase64: string };
const buffer = Buffer.from(contentBase64, 'base64');
// A fresh ArrayBuffer of exactly the file, so it can be transferred back whole.
const bytes = new Uint8Array(buffer.byteLength);
bytes.set(buffer);
const sha256 = createHash('sha256').update(bytes).digest('hex');
const result = readCamt(bytes);
const reply: WorkerReply = { result, sha256, bytes };
parentPort!.postMessage(reply, [bytes.buffer]);
