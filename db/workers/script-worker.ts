/**
 * Starts a worker thread from a TypeScript entry file, wherever the app runs — the same
 * mechanism as the backup worker (db/backup/worker-client.ts):
 * - from the sources (tsx, vitest) the caller's URL ends in .ts: the entry beside it is bundled
 *   once per process with esbuild (a devDependency, asynchronously, so the main thread stays
 *   free) and written to node_modules/.cache/order-desk-workers/, so require() resolves this
 *   project's packages and the worker starts from a file, as in the desktop app (a worker
 *   started from megabytes of code given as text held the main thread for about 100 ms);
 * - in the Electron bundle import.meta.url is main.cjs's (build/bundle-electron.mjs), and the
 *   entry is the bundled `<entry>.cjs` written beside it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `from` is the caller's import.meta.url; `entry` the entry's file name without extension, beside the caller. */
export async function startScriptWorker(from: string, entry: string, options: WorkerOptions): Promise<Worker> {
  if (!from.endsWith('.ts')) return new Worker(fileURLToPath(new URL(`./${entry}.cjs`, from)), options);
  // The bundle is plain CommonJS: without the parent's flags (tsx's loader) it starts as the desktop app's does, not recompiled by it.
  return new Worker(await sourceWorkerFile(from, entry), { execArgv: [], ...options });
}

const sourceFiles = new Map<string, Promise<string>>();

/** The entry's bundle as a file in this project's node_modules (named by its content: several test processes share it). */
function sourceWorkerFile(from: string, entry: string): Promise<string> {
  const key = `${from} ${entry}`;
  let file = sourceFiles.get(key);
  if (!file) {
    file = sourceWorkerCode(from, entry).then(async (code) => {
      const folder = path.join(path.dirname(createRequire(from).resolve('esbuild/package.json')), '..', '.cache', 'order-desk-workers');
      const target = path.join(folder, `${entry}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
      await fs.mkdir(folder, { recursive: true });
      const written = await fs.stat(target).then(
        () => true,
        () => false,
      );
      if (!written) {
        // Written beside and renamed: another process starting the same worker never reads half a file.
        const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await fs.writeFile(partial, code);
        await fs.rename(partial, target);
      }
      return target;
    });
    file.catch(() => sourceFiles.delete(key));
    sourceFiles.set(key, file);
  }
  return file;
}

const sourceBundles = new Map<string, Promise<Uint8Array>>();

/** The bundle's bytes: decoding megabytes of it to text would hold the main thread for some 20 ms, for nothing. */
function sourceWorkerCode(from: string, entry: string): Promise<Uint8Array> {
  const file = fileURLToPath(new URL(`./${entry}.ts`, from));
  let bundle = sourceBundles.get(file);
  if (!bundle) {
    const esbuild = createRequire(from)('esbuild') as typeof import('esbuild');
    bundle = esbuild
      .build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], write: false, logLevel: 'silent' })
      .then((result) => result.outputFiles[0]!.contents)
      .catch((error: unknown) => {
        sourceBundles.delete(file);
        throw error;
      });
    sourceBundles.set(file, bundle);
  }
  return bundle;
}
