/**
 * Starts a worker thread from a TypeScript entry file, wherever the app runs — the same
 * mechanism as the backup worker (db/backup/worker-client.ts):
 * - from the sources (tsx, vitest) the caller's URL ends in .ts: the entry beside it is bundled
 *   once per process with esbuild (a devDependency, asynchronously, so the main thread stays
 *   free) and run as code, with require() resolving packages from this project;
 * - in the Electron bundle import.meta.url is main.cjs's (build/bundle-electron.mjs), and the
 *   entry is the bundled `<entry>.cjs` written beside it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `from` is the caller's import.meta.url; `entry` the entry's file name without extension, beside the caller. */
export async function startScriptWorker(from: string, entry: string, options: WorkerOptions): Promise<Worker> {
  if (!from.endsWith('.ts')) return new Worker(fileURLToPath(new URL(`./${entry}.cjs`, from)), options);
  const boot = `(function (require) {\n${await sourceWorkerCode(from, entry)}\n})(require('node:module').createRequire(${JSON.stringify(from)}));`;
  return new Worker(boot, { ...options, eval: true });
}

const sourceBundles = new Map<string, Promise<string>>();

function sourceWorkerCode(from: string, entry: string): Promise<string> {
  const file = fileURLToPath(new URL(`./${entry}.ts`, from));
  let bundle = sourceBundles.get(file);
  if (!bundle) {
    const esbuild = createRequire(from)('esbuild') as typeof import('esbuild');
    bundle = esbuild
      .build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], write: false, logLevel: 'silent' })
      .then((result) => result.outputFiles[0]!.text)
      .catch((error: unknown) => {
        sourceBundles.delete(file);
        throw error;
      });
    sourceBundles.set(file, bundle);
  }
  return bundle;
}
