import path from 'node:path';
import { startWebServer, type WebServer } from '../../electron/web/http-bridge';
import { openTestApp, tempDir, type TestApp, type TestAppOptions } from './test-db';

export interface RunningWebApp {
  app: TestApp;
  server: WebServer;
  token: string;
  /** The address a clerk would open, token included. */
  entryUrl(hash?: string): string;
  /** Restarts the server on a fresh connection to the same database file. */
  restart(): Promise<RunningWebApp>;
  stop(): Promise<void>;
}

const STATIC_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');

export async function startWebApp(file = path.join(tempDir(), 'orders.db'), now?: () => Date, options: TestAppOptions = {}): Promise<RunningWebApp> {
  const app = openTestApp(file, now ?? (() => new Date()), options);
  const token = 'test-token-123';
  const server = await startWebServer({ invoke: app.invoke, token, staticDir: STATIC_DIR });
  const running: RunningWebApp = {
    app,
    server,
    token,
    entryUrl: (hash = '') => `${server.url}?token=${token}${hash}`,
    async restart() {
      await running.stop();
      return startWebApp(file, now, options);
    },
    async stop() {
      await server.close();
      app.close();
    },
  };
  return running;
}
