import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The explorer is served by the Express app from client/dist; `vite` alone proxies /api to it. */
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the build the server serves: they would publish the source as written.
    sourcemap: false,
    target: 'es2022',
    // Two pages: the explorer, and the first-admin page of the setup link (served at /setup/).
    rolldownOptions: {
      input: { explorer: `${root}index.html`, setup: `${root}setup/index.html` },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
