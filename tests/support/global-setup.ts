import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** UI tests run against the real built renderer, built once per test run. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
