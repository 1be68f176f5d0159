/**
 * npm run web -- [--db PATH] [--port N] [--token T] [--user NAME]
 * Serves the built renderer and the API on 127.0.0.1 and prints the address to open.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { createInvoke } from '../../db/api/invoke';
import { DomainError } from '../../shared/api/errors';
import { startWebServer } from './http-bridge';
import { DATABASE_FILE_NAME, defaultUserDataDir } from './default-paths';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5180' },
      token: { type: 'string' },
      user: { type: 'string' },
    },
  });
  const dbFile = path.resolve(values.db ?? path.join(defaultUserDataDir(), DATABASE_FILE_NAME));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const token = values.token ?? crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });

  const db = openDatabase(dbFile);
  const ctx = createContext(db, values.user ?? os.userInfo().username);
  const server = await startWebServer({ invoke: createInvoke(ctx), token, port, staticDir: path.resolve(here, '../../dist/renderer') });
  console.log(`Database: ${dbFile}`);
  console.log(`Order Desk listening on ${server.url}?token=${encodeURIComponent(token)}`);

  const stop = () => {
    void server.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) console.error(`Order Desk cannot start: ${error.message}`);
  else console.error('Order Desk cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
