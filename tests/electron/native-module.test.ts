import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import {
  StartError,
  decideElectronNative,
  ensureElectronNative,
  locateElectronBinary,
  type NativeFs,
  type RebuildRequest,
} from '../../build/ensure-electron-native.mjs';
import { ensureNodeNative } from '../../build/ensure-node-native.mjs';
import { electronNativeBindingPath } from '../../build/native-paths.mjs';
import { tempDir } from '../support/test-db';

const root = '/src/order-desk';
const packageJson = path.join(root, 'node_modules', 'better-sqlite3', 'package.json');
const target = path.join(root, '.native', 'electron-39.5.0-x64', 'better_sqlite3.node');
const info = path.join(root, '.native', 'electron-39.5.0-x64', 'build-info.json');

/** An in-memory file system: enough of fs for the native build steps. */
function memoryFs(files: Record<string, string>): NativeFs & { files: Record<string, string> } {
  const under = (dir: string) => Object.keys(files).filter((f) => f === dir || f.startsWith(dir + path.sep));
  return {
    files,
    existsSync: (file) => file in files || under(file).length > 0,
    readFileSync: (file) => {
      if (!(file in files)) throw new Error(`ENOENT: ${file}`);
      return files[file]!;
    },
    writeFileSync: (file, data) => void (files[file] = data),
    mkdirSync: () => undefined,
    rmSync: (dir) => under(dir).forEach((f) => delete files[f]),
    cpSync: (from, to, { filter }) => {
      for (const f of under(from)) if (filter(f)) files[to + f.slice(from.length)] = files[f]!;
    },
    copyFileSync: (from, to) => void (files[to] = files[from]!),
    renameSync: (from, to) => {
      files[to] = files[from]!;
      delete files[from];
    },
  };
}

function projectFiles(extra: Record<string, string> = {}) {
  return {
    [packageJson]: JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
    [path.join(root, 'node_modules', 'better-sqlite3', 'binding.gyp')]: '{}',
    [path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')]: 'NODE-ABI-115',
    ...extra,
  };
}

/** Pretends to be @electron/rebuild: compiles the copy in buildPath. */
function fakeRebuild(fs: ReturnType<typeof memoryFs>) {
  return vi.fn(async (request: RebuildRequest) => {
    const pkg = path.join(request.buildPath, 'node_modules', 'better-sqlite3');
    expect(fs.files[path.join(pkg, 'binding.gyp')]).toBe('{}');
    expect(fs.files[path.join(pkg, 'build', 'Release', 'better_sqlite3.node')]).toBeUndefined(); // the Node build was not copied
    fs.files[path.join(pkg, 'build', 'Release', 'better_sqlite3.node')] = `ELECTRON-${request.electronVersion}`;
  });
}

describe('the Electron copy of better-sqlite3 (.native/)', () => {
  it('is built once when missing, from a copy, leaving node_modules built for Node', async () => {
    const fs = memoryFs(projectFiles());
    const rebuild = fakeRebuild(fs);
    const result = await ensureElectronNative({ projectRoot: root, electronVersion: '39.5.0', arch: 'x64', fs, rebuild });

    expect(result).toEqual({ action: 'built', file: target });
    expect(target).toBe(electronNativeBindingPath(root, '39.5.0', 'x64'));
    expect(rebuild).toHaveBeenCalledWith(expect.objectContaining({ electronVersion: '39.5.0', arch: 'x64', onlyModules: ['better-sqlite3'], force: true }));
    expect(rebuild.mock.calls[0]![0].buildPath.startsWith(path.join(root, '.native'))).toBe(true);
    expect(fs.files[target]).toBe('ELECTRON-39.5.0');
    expect(JSON.parse(fs.files[info]!)).toEqual({ betterSqlite3: '12.11.1', electronVersion: '39.5.0', arch: 'x64' });
    expect(fs.files[path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')]).toBe('NODE-ABI-115');
    expect(Object.keys(fs.files).some((f) => f.includes('work-electron'))).toBe(false); // scratch folder cleaned up
  });

  it('is not rebuilt when present and current', async () => {
    const fs = memoryFs(projectFiles({ [target]: 'ELECTRON', [info]: JSON.stringify({ betterSqlite3: '12.11.1', electronVersion: '39.5.0', arch: 'x64' }) }));
    const rebuild = fakeRebuild(fs);
    await expect(ensureElectronNative({ projectRoot: root, electronVersion: '39.5.0', arch: 'x64', fs, rebuild })).resolves.toEqual({ action: 'present', file: target });
    expect(rebuild).not.toHaveBeenCalled();
  });

  it('is rebuilt after better-sqlite3 is upgraded', async () => {
    const fs = memoryFs(projectFiles({ [target]: 'OLD', [info]: JSON.stringify({ betterSqlite3: '12.0.0', electronVersion: '39.5.0', arch: 'x64' }) }));
    const rebuild = fakeRebuild(fs);
    await ensureElectronNative({ projectRoot: root, electronVersion: '39.5.0', arch: 'x64', fs, rebuild });
    expect(rebuild).toHaveBeenCalledOnce();
    expect(fs.files[target]).toBe('ELECTRON-39.5.0');
  });

  it('decides from the file and its build record', () => {
    const state = { binaryExists: true, buildInfoText: JSON.stringify({ betterSqlite3: '1', electronVersion: '39', arch: 'arm64' }), sqliteVersion: '1', electronVersion: '39', arch: 'arm64' };
    expect(decideElectronNative(state)).toBe('present');
    expect(decideElectronNative({ ...state, binaryExists: false })).toBe('build');
    expect(decideElectronNative({ ...state, buildInfoText: null })).toBe('build');
    expect(decideElectronNative({ ...state, buildInfoText: '{broken' })).toBe('build');
    expect(decideElectronNative({ ...state, arch: 'x64' })).toBe('build');
  });

  it('reports a failed build in words, without leaving a half-made binary', async () => {
    const fs = memoryFs(projectFiles());
    const rebuild = vi.fn(async () => {
      throw new Error('getaddrinfo ENOTFOUND www.electronjs.org');
    });
    const failure = ensureElectronNative({ projectRoot: root, electronVersion: '39.5.0', arch: 'x64', fs, rebuild });
    await expect(failure).rejects.toBeInstanceOf(StartError);
    await expect(failure).rejects.toThrow(/Could not build better-sqlite3 for Electron 39.5.0: getaddrinfo ENOTFOUND/);
    expect(fs.existsSync(target)).toBe(false);
    expect(Object.keys(fs.files).some((f) => f.includes('work-electron'))).toBe(false);
  });
});

it('does the same with the real file system', async () => {
  const project = tempDir('order-desk-project-');
  const pkg = path.join(project, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
  fs.mkdirSync(path.join(pkg, 'src'));
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  fs.writeFileSync(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  fs.writeFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI');
  const rebuild = vi.fn(async ({ buildPath }: RebuildRequest) => {
    const copy = path.join(buildPath, 'node_modules', 'better-sqlite3');
    expect(fs.existsSync(path.join(copy, 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(fs.existsSync(path.join(copy, 'build'))).toBe(false);
    fs.mkdirSync(path.join(copy, 'build', 'Release'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), 'ELECTRON-ABI');
  });

  const first = await ensureElectronNative({ projectRoot: project, electronVersion: '39.5.0', arch: 'x64', fs, rebuild });
  const second = await ensureElectronNative({ projectRoot: project, electronVersion: '39.5.0', arch: 'x64', fs, rebuild });

  expect([first.action, second.action]).toEqual(['built', 'present']);
  expect(rebuild).toHaveBeenCalledOnce();
  expect(fs.readFileSync(first.file, 'utf8')).toBe('ELECTRON-ABI');
  expect(fs.readFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE-ABI');
  expect(fs.readdirSync(path.join(project, '.native'))).toEqual(['electron-39.5.0-x64']);
});

describe('the Electron binary', () => {
  it('is located through the electron package', () => {
    expect(locateElectronBinary(() => '/x/electron', () => true)).toBe('/x/electron');
  });

  it('gives a clear message when the package was installed without it', () => {
    const missing = () => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
    };
    expect(() => locateElectronBinary(missing, () => true)).toThrow(StartError);
    expect(() => locateElectronBinary(missing, () => true)).toThrow(/Electron program is not installed[\s\S]*npm run web/);
    expect(() => locateElectronBinary(() => '/gone/electron', () => false)).toThrow(StartError);
  });

  it('makes the start step fail with that message, not a stack trace', () => {
    // An empty override folder stands for "no binary" on any machine, including ones that have it.
    const result = spawnSync(process.execPath, ['build/ensure-electron-native.mjs'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir('no-electron-') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Order Desk cannot start: the Electron program is not installed\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the Node build of better-sqlite3 before tests', () => {
  const okStep = { ok: true, detail: '' };
  const broken = { ok: false, detail: 'was compiled against a different Node.js version using NODE_MODULE_VERSION 140' };

  it('does nothing when it already loads', () => {
    const rebuild = vi.fn(() => okStep);
    expect(ensureNodeNative({ probe: () => okStep, rebuild })).toBe('ok');
    expect(rebuild).not.toHaveBeenCalled();
  });

  it('rebuilds it when it was left built for Electron, then checks again', () => {
    const probe = vi.fn().mockReturnValueOnce(broken).mockReturnValueOnce(okStep);
    const rebuild = vi.fn(() => okStep);
    expect(ensureNodeNative({ probe, rebuild })).toBe('rebuilt');
    expect(rebuild).toHaveBeenCalledOnce();
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('stops with the reason when the rebuild does not help', () => {
    expect(() => ensureNodeNative({ probe: () => broken, rebuild: () => ({ ok: false, detail: 'gyp ERR! find Python' }) })).toThrow(/still does not load[\s\S]*gyp ERR! find Python[\s\S]*NODE_MODULE_VERSION 140/);
  });

  it('passes on this machine as it is', () => {
    const result = spawnSync(process.execPath, ['build/ensure-node-native.mjs'], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });
});
