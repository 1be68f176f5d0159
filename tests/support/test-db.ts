import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../db/connection';
import { createContext, type AppContext } from '../../db/context';
import type { SessionUser } from '../../db/session-user';
import { createInvoke, type Invoke } from '../../db/api/invoke';
import { createDocumentRenderer, type DocumentRenderer } from '../../db/documents/render-pool';
import { sourceRenderWorker } from '../../db/documents/render-worker-source';
import { lazyRenderer } from '../../db/documents/lazy-renderer';

export function tempDir(prefix = 'order-desk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  file: string;
  db: Db;
  ctx: AppContext;
  invoke: Invoke;
  /** Closes and reopens the same file, as a restart of the app would. */
  restart(): TestApp;
  /** Closes the database and stops the PDF worker (if a document was rendered). */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Who the audit names, as browser mode's --user sets it. */
  actor?: string;
  /** A session that must ask who is working, as the desktop app does; wins over `actor`. */
  user?: () => SessionUser;
  /** Where unexpected errors go; by default nowhere. */
  log?: (message: string, error: unknown) => void;
  /** Invoice PDFs are rendered by the real worker, started only when a test first makes one, unless this says otherwise. */
  documents?: () => DocumentRenderer;
}

export function openTestApp(file = path.join(tempDir(), 'orders.db'), now: () => Date = () => new Date('2026-11-20T10:00:00Z'), options: TestAppOptions = {}): TestApp {
  const db = openDatabase(file);
  const renderer = options.documents?.() ?? lazyRenderer(() => createDocumentRenderer(sourceRenderWorker()));
  const ctx = createContext(db, options.user?.() ?? options.actor ?? 'test-clerk', now, renderer);
  const invoke = createInvoke(ctx, { log: options.log ?? (() => undefined) });
  return {
    file,
    db,
    ctx,
    invoke,
    restart() {
      db.close();
      return openTestApp(file, now, { ...options, documents: () => renderer });
    },
    async close() {
      if (db.open) db.close();
      await renderer.close();
    },
  };
}

/** Calls a method and returns its value, failing the test with the API error otherwise. */
export async function call<T = any>(app: TestApp, method: string, input: unknown): Promise<T> {
  const result = await app.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
