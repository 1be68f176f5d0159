// npm start: make sure the Electron binary is installed and that a copy of better-sqlite3
// built for Electron's ABI exists in .native/ (built once, only when missing or stale).
// node_modules/better-sqlite3 is left alone, built for Node, because the tests use it.
// The decisions are plain functions with injected fs/rebuild so tests run them with fakes.
/* global process, console */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_INFO_FILE, NATIVE_DIR, SQLITE_BINARY, electronNativeBindingPath, electronNativeDir } from './native-paths.mjs';

export const PACKAGE = 'better-sqlite3';

/** Thrown with a message meant for the terminal as is (no stack trace). */
export class StartError extends Error {}

/**
 * Where the Electron executable is, or a StartError saying how to get it.
 * requireElectron is require('electron'), which returns the path or throws when the
 * npm package was installed without its binary (as on machines without internet).
 */
export function locateElectronBinary(requireElectron, exists) {
  let binary;
  try {
    binary = requireElectron();
  } catch {
    binary = undefined;
  }
  if (typeof binary !== 'string' || !exists(binary)) {
    throw new StartError(
      [
        'Order Desk cannot start: the Electron program is not installed.',
        'node_modules/electron has its JavaScript but not the Electron binary (it is downloaded by `npm ci` and needs internet access).',
        'Fix: run `npm ci` (or `node node_modules/electron/install.js`) on a machine that can reach the internet,',
        'or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron folder.',
        'Meanwhile the same app runs in a browser: npm run web',
      ].join('\n'),
    );
  }
  return binary;
}

/** 'present' when the .native copy exists and was built from the installed better-sqlite3 for this Electron; otherwise 'build'. */
export function decideElectronNative({ binaryExists, buildInfoText, sqliteVersion, electronVersion, arch }) {
  if (!binaryExists) return 'build';
  let info;
  try {
    info = JSON.parse(buildInfoText ?? '');
  } catch {
    return 'build';
  }
  const current = info && info.betterSqlite3 === sqliteVersion && info.electronVersion === electronVersion && info.arch === arch;
  return current ? 'present' : 'build';
}

function readText(fsApi, file) {
  try {
    return fsApi.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Builds .native/electron-<version>-<arch>/better_sqlite3.node when needed:
 * copies the package (without its Node build) into a scratch folder, rebuilds it there
 * for Electron, and moves the result into place with a rename so a half-written file
 * is never picked up. Returns { action: 'present' | 'built', file }.
 */
export async function ensureElectronNative({ projectRoot, electronVersion, arch, fs: fsApi, rebuild, log = () => {} }) {
  const packageDir = path.join(projectRoot, 'node_modules', PACKAGE);
  const sqliteVersion = JSON.parse(fsApi.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const targetDir = electronNativeDir(projectRoot, electronVersion, arch);
  const target = electronNativeBindingPath(projectRoot, electronVersion, arch);
  const infoFile = path.join(targetDir, BUILD_INFO_FILE);

  const decision = decideElectronNative({
    binaryExists: fsApi.existsSync(target),
    buildInfoText: readText(fsApi, infoFile),
    sqliteVersion,
    electronVersion,
    arch,
  });
  if (decision === 'present') return { action: 'present', file: target };

  log(`Building ${PACKAGE} ${sqliteVersion} for Electron ${electronVersion} (${arch}) into ${path.relative(projectRoot, targetDir)}/ (once)...`);
  const workDir = path.join(projectRoot, NATIVE_DIR, `work-electron-${electronVersion}-${arch}`);
  const workPackage = path.join(workDir, 'node_modules', PACKAGE);
  fsApi.rmSync(workDir, { recursive: true, force: true });
  fsApi.mkdirSync(path.dirname(workPackage), { recursive: true });
  const nodeBuild = path.join(packageDir, 'build');
  fsApi.cpSync(packageDir, workPackage, { recursive: true, filter: (src) => src !== nodeBuild && !src.startsWith(nodeBuild + path.sep) });
  fsApi.writeFileSync(
    path.join(workDir, 'package.json'),
    JSON.stringify({ name: 'order-desk-native-build', private: true, dependencies: { [PACKAGE]: sqliteVersion } }, null, 2),
  );

  try {
    await rebuild({ buildPath: workDir, electronVersion, arch, onlyModules: [PACKAGE], force: true });
  } catch (error) {
    fsApi.rmSync(workDir, { recursive: true, force: true });
    throw new StartError(
      [
        `Could not build ${PACKAGE} for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}`,
        "This needs Electron's headers or a prebuilt binary, which are downloaded once (internet access), and a C++ compiler for a source build.",
        'node_modules was not changed; the tests still work. Browser mode also works: npm run web',
      ].join('\n'),
    );
  }

  const built = path.join(workPackage, 'build', 'Release', SQLITE_BINARY);
  if (!fsApi.existsSync(built)) throw new StartError(`The Electron build of ${PACKAGE} finished but ${SQLITE_BINARY} is missing in ${path.dirname(built)}.`);
  fsApi.mkdirSync(targetDir, { recursive: true });
  fsApi.copyFileSync(built, `${target}.tmp`);
  fsApi.renameSync(`${target}.tmp`, target);
  fsApi.writeFileSync(infoFile, JSON.stringify({ betterSqlite3: sqliteVersion, electronVersion, arch }, null, 2));
  fsApi.rmSync(workDir, { recursive: true, force: true });
  return { action: 'built', file: target };
}

async function main() {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(path.join(projectRoot, 'package.json'));
  locateElectronBinary(() => require('electron'), fs.existsSync);
  const electronVersion = require('electron/package.json').version;
  const result = await ensureElectronNative({
    projectRoot,
    electronVersion,
    arch: process.arch,
    fs,
    rebuild: async (options) => {
      const { rebuild } = await import('@electron/rebuild');
      await rebuild(options);
    },
    log: (message) => console.log(message),
  });
  if (result.action === 'built') console.log(`Built ${path.relative(projectRoot, result.file)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof StartError ? error.message : error);
    process.exit(1);
  });
}
