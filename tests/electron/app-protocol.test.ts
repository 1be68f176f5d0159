import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { tempDir } from '../support/test-db';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = tempDir('order-desk-protocol-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Order Desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  // Next to the renderer, as the database and package.json would be: must never be served.
  fs.writeFileSync(path.join(base, 'secret.txt'), 'customer data');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  handler = createAppProtocolHandler(root, (file) => fs.promises.readFile(file));
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// serves the built renderer only', () => {
  it('serves the page with the one Content-Security-Policy', async () => {
    for (const url of ['app://order-desk/', 'app://order-desk/index.html', 'app://order-desk/index.html#/new-order']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Order Desk</title>');
    }
  });

  it('serves scripts and styles with their types, so module scripts run', async () => {
    const script = await get('app://order-desk/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    expect((await get('app://order-desk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://order-desk/../secret.txt',
    'app://order-desk/%2e%2e/secret.txt',
    'app://order-desk/assets/..%2f..%2fsecret.txt',
    'app://order-desk/..%2fsecret.txt',
    'app://order-desk/..%5csecret.txt',
    'app://order-desk/%2e%2e%2frenderer-evil/x.js',
    'app://order-desk/index.html%00.js',
    'app://order-desk/%E0%A4%A',
    'app://other-host/index.html',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    const text = await response.text();
    expect(text).not.toContain('customer data');
    expect(text).not.toContain('evil');
  });

  it('resolves paths inside the folder and refuses escapes outright', () => {
    expect(resolveAppFile(root, 'app://order-desk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://order-desk/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://order-desk/%2e%2e%2frenderer-evil/x.js')).toBeNull();
    expect(resolveAppFile(root, 'https://order-desk/index.html')).toBeNull();
  });

  it('answers a missing file with 404 and refuses methods other than GET and HEAD', async () => {
    expect((await get('app://order-desk/assets/missing.js')).status).toBe(404);
    expect((await get('app://order-desk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://order-desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
