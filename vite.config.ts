import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the desktop app loads the page from its own app:// protocol.
  base: './',
  plugins: [react()],
  // pdf.js's worker is an ES module; bundled as one, it is served from the app's own files
  // as a .js chunk (both app:// and browser mode give .js a script type).
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
