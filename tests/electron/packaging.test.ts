import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// electron-builder's own loader and schema check, so the config is read exactly as `npm run dist` reads it.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('packaging (electron-builder)', () => {
  it('passes electron-builder’s own schema check, which does reject mistakes', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpak: ['**/*.node'] }, new DebugLogger(false))).rejects.toThrow(/unknown property 'asarUnpak'/);
  });

  it('packs the bundles, unpacks native binaries and rebuilds them for Electron', async () => {
    const config = await getConfig(root, null, null);
    expect(config.appId).toBe('org.iom.publications.orderdesk');
    expect(config.productName).toBe('Order Desk');
    const files = (config.files as Array<string | { filter: string[] }>).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(files).toContain('!**/*.map');
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeOptionsEnvironmentVariable: false });
  });

  it('ships what the invoice PDF worker loads: its packages as dependencies, the fonts unpacked', async () => {
    const config = await getConfig(root, null, null);
    for (const name of ['@react-pdf/renderer', 'react', '@embedpdf/fonts-latin', '@embedpdf/fonts-arabic', '@embedpdf/fonts-sc', '@embedpdf/fonts-jp', '@embedpdf/fonts-kr', '@fontsource/arimo']) {
      expect(packageJson.dependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@embedpdf/fonts-*/fonts/*.{ttf,otf}', 'node_modules/@fontsource/arimo/files/arimo-latin-*-normal.woff']));
    // Every font file the renderer registers is matched by an unpack pattern, so none is left inside the archive.
    const fonts = fs.readFileSync(path.join(root, 'db', 'documents', 'fonts.ts'), 'utf8');
    const files = [...fonts.matchAll(/(?:embedpdf|fontsource)\('([^']+)', '([^']+)'\)/g)].map((m) => m[2]!);
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const file of files) expect(file).toMatch(/^(Noto[\w-]+\.(ttf|otf)|arimo-latin(-ext)?-(400|700)-normal\.woff)$/);
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS', async () => {
    const config = await getConfig(root, null, null);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb refuses to build without one
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const platform of ['linux', 'win', 'mac']) expect(fs.existsSync(path.join(root, config[platform].icon))).toBe(true);
  });

  it('starts from the bundled main process, and the scripts run the native-module steps', () => {
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(packageJson.scripts['build:electron']).toBe('node build/bundle-electron.mjs');
    expect(packageJson.scripts.start).toMatch(/^node build\/ensure-electron-native\.mjs && .*npm run build:electron && electron \.$/);
    expect(packageJson.scripts.pretest).toBe('node build/ensure-node-native.mjs');
    expect(packageJson.scripts.dist).toMatch(/npm run build:electron && electron-builder$/);
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^\.native\/$/m);
  });
});

describe('the app icon', () => {
  function decodePng(file: string) {
    const png = fs.readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const colourType = png[25];
    const idat: Buffer[] = [];
    for (let offset = 8; offset < png.length; ) {
      const length = png.readUInt32BE(offset);
      if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
      offset += 12 + length;
    }
    const raw = zlib.inflateSync(Buffer.concat(idat));
    // Written unfiltered (filter byte 0 per row) by build/make-icon.mjs.
    const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
    return { width, height, colourType, pixel };
  }

  it('is a 512×512 PNG with transparent corners and an opaque picture', () => {
    const icon = decodePng(path.join(root, 'build', 'icon.png'));
    expect([icon.width, icon.height, icon.colourType]).toEqual([512, 512, 6]);
    expect(icon.pixel(0, 0)[3]).toBe(0);
    expect(icon.pixel(256, 60)[3]).toBe(255); // blue tile
    expect(icon.pixel(200, 400)).toEqual([255, 255, 255, 255]); // the paper
  });
});
