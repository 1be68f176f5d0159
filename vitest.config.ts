import { defineConfig } from 'vitest/config';

/** Tests that load the built renderer (a real page, the files it is served from, or the packaged app). */
const NEEDS_RENDERER_BUILD = [
  'tests/ui/**/*.test.ts',
  'tests/api/http-bridge.test.ts',
  'tests/electron/desktop-renderer.test.ts',
  'tests/electron/desktop-smoke.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // UI tests start a server and a real Chromium each; running files two at a time suits 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // `npm test` runs both projects; `npm run test:unit` only the first, so a pure function's
    // edit-test loop never waits for the renderer build. A project's global setup runs only
    // when one of its files is queued, so `npx vitest run tests/db/x.test.ts` skips it too.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: NEEDS_RENDERER_BUILD } },
      { extends: true, test: { name: 'ui', include: NEEDS_RENDERER_BUILD, globalSetup: ['tests/support/global-setup.ts'] } },
    ],
  },
});
