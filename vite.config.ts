import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built into dist/renderer and loaded from a custom protocol (app://studio/) in Electron, or from a
// loopback server in the Chromium test host, so every asset path is relative.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [
    react(),
    {
      // The CSP <meta> in index.html is for the built app: Vite's dev server needs an inline script and a websocket for
      // hot reload, which the policy forbids. Only the dev page goes without it; the build keeps it (and main's header).
      name: 'dev-page-without-csp-meta',
      apply: 'serve',
      transformIndexHtml: (html: string) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  // Workers are classic scripts (the selection worker loads OpenCV with importScripts) in their own folder: they are
  // served with their own Content-Security-Policy (electron/http/csp.ts).
  worker: {
    format: 'iife',
    rolldownOptions: { output: { entryFileNames: 'workers/[name]-[hash].js' } },
  },
  server: { port: 5173, strictPort: true },
});
