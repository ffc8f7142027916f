// Vite build for the Studio: a React SPA built into studio/dist, which `riptide serve` serves at `/`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const studioRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: studioRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The canvas library alone is ~200 kB; the warning would only be noise for a local tool.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` of the Studio proxies the API to a locally running `riptide serve`.
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/run': 'http://127.0.0.1:8000',
      '/sessions': 'http://127.0.0.1:8000',
      '/healthz': 'http://127.0.0.1:8000',
    },
  },
});
