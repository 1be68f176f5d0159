// Bundles the Electron main process and preload into dist/electron/ as CommonJS.
// electron is provided by the runtime; better-sqlite3 stays a real package because its
// native binary is loaded from disk (.native/ in development, app.asar.unpacked when packaged).
// The preload runs sandboxed, where require() knows only 'electron': it must bundle everything else.
// The document worker is a third bundle, render-worker.mjs, started by db/documents/render-pool.ts: invoice PDFs
// and the monthly report's PDF and workbook (exceljs is bundled into it like into main.cjs).
// The backup worker (db/backup/backup-worker.ts) is its own entry: a worker thread loads it from a
// file beside main.cjs, and it loads better-sqlite3 itself.
// The import worker (db/transfer/import-worker.ts, started by db/transfer/import-worker-client.ts through
// db/workers/script-worker.ts) is one more: import-worker.cjs beside main.cjs, exceljs bundled into it;
// it writes a committed import's rows on its own connection, so it loads better-sqlite3 itself too.
// The bank statement worker (db/bank/bank-worker.ts, started by db/bank/worker-client.ts) is another: bank-worker.cjs
// beside main.cjs, saxes bundled into it.
// The SMTP worker (db/mail/smtp-worker.ts, started by db/mail/smtp-client.ts the same way) is smtp-worker.cjs
// beside main.cjs, with nodemailer bundled into it: mails are handed to the server off the main thread.
/* global process, console */
import path from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleElectron(outDir = path.join(projectRoot, 'dist', 'electron')) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  };
  // CommonJS has no import.meta: give import.meta.url the bundle file's own URL, which is how
  // db/backup/worker-client.ts finds backup-worker.cjs beside main.cjs.
  const importMetaUrl = {
    banner: { js: 'const __bundleFileUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bundleFileUrl' },
  };
  await Promise.all([
    build({ ...common, ...importMetaUrl, entryPoints: ['electron/main/main.ts'], outfile: path.join(outDir, 'main.cjs'), external: ['electron', 'better-sqlite3'] }),
    build({ ...common, ...importMetaUrl, entryPoints: ['db/backup/backup-worker.ts'], outfile: path.join(outDir, 'backup-worker.cjs'), external: ['better-sqlite3'] }),
    build({ ...common, ...importMetaUrl, entryPoints: ['db/transfer/import-worker.ts'], outfile: path.join(outDir, 'import-worker.cjs'), external: ['better-sqlite3'] }),
    build({ ...common, ...importMetaUrl, entryPoints: ['db/bank/bank-worker.ts'], outfile: path.join(outDir, 'bank-worker.cjs'), external: ['better-sqlite3'] }),
    build({ ...common, ...importMetaUrl, entryPoints: ['db/mail/smtp-worker.ts'], outfile: path.join(outDir, 'smtp-worker.cjs') }),
    // Browser resolution for the preload: it is a sandboxed page script, and browser builds
    // of dependencies skip Node-only extras (i18n-iso-countries would otherwise bundle every language).
    build({ ...common, platform: 'browser', entryPoints: ['electron/preload/preload.ts'], outfile: path.join(outDir, 'preload.cjs'), external: ['electron'] }),
    // The invoice PDF worker is ES module code: @react-pdf/renderer (and pdfkit under it) is ESM-only and
    // finds its data files through import.meta.url, so it stays a real package, loaded from node_modules,
    // and so does React, which it must share. The fonts are found from the bundle through node_modules too.
    build({
      ...common,
      format: 'esm',
      entryPoints: ['db/documents/render-worker.ts'],
      outfile: path.join(outDir, 'render-worker.mjs'),
      external: ['@react-pdf/renderer', 'react', 'react/jsx-runtime'],
      // CommonJS dependencies bundled into an ES module still call require() for Node's own modules.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
  ]);
  return {
    main: path.join(outDir, 'main.cjs'),
    preload: path.join(outDir, 'preload.cjs'),
    renderWorker: path.join(outDir, 'render-worker.mjs'),
    backupWorker: path.join(outDir, 'backup-worker.cjs'),
    importWorker: path.join(outDir, 'import-worker.cjs'),
    bankWorker: path.join(outDir, 'bank-worker.cjs'),
    smtpWorker: path.join(outDir, 'smtp-worker.cjs'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  bundleElectron(outDir).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
