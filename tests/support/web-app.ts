import path from 'node:path';
import { startWebServer, type WebServer } from '../../electron/web/http-bridge';
import { askedUser } from '../../db/session-user';
import { openTestApp, tempDir, type TestApp, type TestAppOptions } from './test-db';

export interface RunningWebApp {
  app: TestApp;
  server: WebServer;
  token: string;
  /** The address a clerk would open, token included. */
  entryUrl(hash?: string): string;
  /**
   * Restarts the server on a fresh connection to the same database file; `samePort` keeps
   * the page's origin, and with it what the browser remembers, as `npm run web` on its fixed port does.
   */
  restart(options?: { samePort?: boolean }): Promise<RunningWebApp>;
  stop(): Promise<void>;
}

const STATIC_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');

export interface WebAppOptions extends TestAppOptions {
  /** Ask who is working in the page, as the desktop app (and `npm run web -- --ask-user`) does, instead of a fixed --user. */
  askUser?: boolean;
  port?: number;
}

export async function startWebApp(file = path.join(tempDir(), 'orders.db'), now?: () => Date, options: WebAppOptions = {}): Promise<RunningWebApp> {
  const app = openTestApp(file, now ?? (() => new Date()), { ...options, ...(options.askUser ? { user: () => askedUser('os-account') } : {}) });
  const token = 'test-token-123';
  const server = await startWebServer({ invoke: app.invoke, token, staticDir: STATIC_DIR, ...(options.port ? { port: options.port } : {}) });
  const running: RunningWebApp = {
    app,
    server,
    token,
    entryUrl: (hash = '') => `${server.url}?token=${token}${hash}`,
    async restart({ samePort = false } = {}) {
      await running.stop();
      return startWebApp(file, now, samePort ? { ...options, port: server.port } : options);
    },
    async stop() {
      await server.close();
      app.close();
    },
  };
  return running;
}
