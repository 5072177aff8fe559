// Build the app: the renderer with Vite, the main process and the preload with esbuild.
// The preload is CommonJS because Electron's sandboxed preloads cannot be ES modules.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { rm } from 'node:fs/promises';

const watch = process.argv.includes('--main-only');

await rm('dist/electron', { recursive: true, force: true });
if (!watch) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, external: ['electron'], logLevel: 'warning' };
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
]);
console.log('Built dist/renderer and dist/electron');
