// pretest: the tests load better-sqlite3 under Node. `npm run dist` lets electron-builder
// rebuild node_modules/better-sqlite3 in place for Electron, after which Node cannot load
// it. This guard notices that and runs `npm rebuild better-sqlite3`, then checks again,
// so `npm test` works after `npm run dist` with no manual step.
/* global process, console */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Loading is checked in a fresh process: a failed native load cannot be retried in the same one. */
export const PROBE_SCRIPT = "const D = require('better-sqlite3'); const db = new D(':memory:'); db.prepare('select 1').get(); db.close();";

/**
 * probe() → { ok, detail }; rebuild() → { ok, detail }. Returns 'ok' when it already
 * loads, 'rebuilt' when a rebuild fixed it, and throws an Error with a readable message
 * when it still does not load.
 */
export function ensureNodeNative({ probe, rebuild, log = () => {} }) {
  const first = probe();
  if (first.ok) return 'ok';
  log('better-sqlite3 does not load under Node (npm run dist rebuilds it for Electron). Rebuilding it for Node...');
  const rebuilt = rebuild();
  const second = probe();
  if (second.ok) return 'rebuilt';
  const reason = [rebuilt.ok ? '' : rebuilt.detail, second.detail].filter(Boolean).join('\n').trim();
  throw new Error(
    `better-sqlite3 still does not load under Node after \`npm rebuild better-sqlite3\`.\n${reason}\n` +
      'Rebuilding needs a prebuilt binary (internet access) or a C++ compiler and Python for node-gyp.',
  );
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' && !path.isAbsolute(command) });
  return { ok: result.status === 0, detail: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim() };
}

function main() {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // When started by npm, npm_execpath is npm's own CLI script: reuse it rather than guess.
  const npm = process.env.npm_execpath;
  const rebuildArgs = ['rebuild', 'better-sqlite3'];
  const status = ensureNodeNative({
    probe: () => run(process.execPath, ['-e', PROBE_SCRIPT], projectRoot),
    rebuild: () => (npm ? run(process.execPath, [npm, ...rebuildArgs], projectRoot) : run(process.platform === 'win32' ? 'npm.cmd' : 'npm', rebuildArgs, projectRoot)),
    log: (message) => console.log(message),
  });
  if (status === 'rebuilt') console.log('better-sqlite3 rebuilt for Node; it loads again.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
