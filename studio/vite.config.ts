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
    rolldownOptions: {
      output: {
        // Each view is loaded lazily (see app/routes.ts); these named chunks keep the three heavy
        // libraries out of the first download and cacheable across releases of our own code. React
        // is its own group first, so a library chunk never carries React into the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            { name: 'canvas', test: /node_modules[\\/](@xyflow|d3-[a-z]+|zustand|classcat)[\\/]/, priority: 3 },
            { name: 'markdown', test: /node_modules[\\/](react-markdown|remark-gfm)[\\/]/, priority: 2 },
            { name: 'table', test: /node_modules[\\/]@tanstack[\\/]/, priority: 1 },
          ],
        },
      },
    },
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
