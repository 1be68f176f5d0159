/**
 * The worker as TypeScript source, loaded through tsx's module hooks: for browser mode (started
 * with tsx) and the tests. Kept apart from render-pool.ts because import.meta does not exist in
 * the CommonJS Electron bundle, which uses bundledRenderWorker() instead.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { RenderWorkerLocation } from './render-pool';

export function sourceRenderWorker(): RenderWorkerLocation {
  // A worker does not inherit the tsx loader of its parent: it registers it, then imports the source.
  // require.resolve would pick the CommonJS build; the worker imports the ES module one.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const worker = new URL('./render-worker.ts', import.meta.url).href;
  return {
    script: `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}
