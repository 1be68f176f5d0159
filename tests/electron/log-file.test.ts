import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_FILE, OLD_LOG_FILE, appendToLog, teeConsoleToLog } from '../../electron/main/log-file';
import { tempDir } from '../support/test-db';

describe('the main-process log IT reads', () => {
  it('keeps printing and also writes warnings and errors with a time stamp', () => {
    const dir = path.join(tempDir(), 'logs');
    const printed: unknown[][] = [];
    const target = { warn: (...args: unknown[]) => printed.push(args), error: (...args: unknown[]) => printed.push(args) };
    teeConsoleToLog(dir, target);
    target.error('Order Desk: automatic backup failed:', new Error('disk full'));
    target.warn('Order Desk refused to open %s', 'smb://server/x');
    expect(printed).toHaveLength(2);
    const log = fs.readFileSync(path.join(dir, LOG_FILE), 'utf8').trim().split('\n');
    expect(log[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR Order Desk: automatic backup failed: Error: disk full/);
    expect(log.at(-1)).toMatch(/WARN Order Desk refused to open smb:\/\/server\/x$/);
  });

  it('moves a full log aside instead of growing without end', () => {
    const dir = tempDir();
    for (let i = 0; i < 5; i++) appendToLog(dir, 'error', [`line ${i} ${'x'.repeat(40)}`], new Date(), 100);
    expect(fs.existsSync(path.join(dir, OLD_LOG_FILE))).toBe(true);
    expect(fs.statSync(path.join(dir, LOG_FILE)).size).toBeLessThan(200);
  });

  it('never throws when the folder cannot be written', () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    expect(() => appendToLog(file, 'error', ['x'])).not.toThrow();
  });
});
