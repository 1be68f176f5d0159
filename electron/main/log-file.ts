/**
 * A packaged app has no terminal, so the main process's warnings and errors are also
 * appended to main.log in the app's logs folder, for IT to read when a clerk reports
 * a problem. The file is kept small: past the limit it moves to main.old.log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

export const LOG_FILE = 'main.log';
export const OLD_LOG_FILE = 'main.old.log';
const MAX_BYTES = 1024 * 1024;

export interface ConsoleLike {
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function appendToLog(dir: string, level: 'warn' | 'error', args: unknown[], now: Date = new Date(), maxBytes = MAX_BYTES): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, LOG_FILE);
    if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) fs.renameSync(file, path.join(dir, OLD_LOG_FILE));
    fs.appendFileSync(file, `${now.toISOString()} ${level.toUpperCase()} ${format(...args)}\n`);
  } catch {
    // Logging must never be the reason something else fails.
  }
}

/** Keeps printing to the terminal (development) and also writes to the log file. */
export function teeConsoleToLog(dir: string, target: ConsoleLike = console): void {
  for (const level of ['warn', 'error'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      original(...args);
      appendToLog(dir, level, args);
    };
  }
}
