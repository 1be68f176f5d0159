import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

it('lets workers start only from the app\'s own files (pdf.js), and still never evaluates strings or loads anything remote', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);
  expect(csp.get('worker-src')).toBe("'self'");
  expect(csp.get('script-src')).toBe("'self'");
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('connect-src')).toBe("'self'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
});

it('keeps the page\'s own meta policy no wider than the header one for scripts and workers', () => {
  const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
  const meta = directives(html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!);
  expect(meta.get('script-src')).toBe("'self'");
  expect(meta.get('worker-src')).toBe("'self'");
});
