/** Registers app:// with Electron. Privileges must be declared before the app is ready. */
import fs from 'node:fs';
import { protocol } from 'electron';
import { APP_SCHEME } from '../security/app-origin';
import { createAppProtocolHandler } from './app-protocol';

/**
 * standard: relative URLs and origins work like https; secure: a secure context;
 * supportFetchAPI: module scripts load. corsEnabled is deliberately left off: it would
 * let other origins read app:// responses.
 */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** fs.promises.readFile reads inside app.asar too, so the same code serves packaged builds. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (file) => fs.promises.readFile(file)));
}
