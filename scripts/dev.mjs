// Development: the Vite dev server with hot reload for the renderer, esbuild rebuilding main and preload, and
// Electron restarted when they change.
import { spawn } from 'node:child_process';
import { context } from 'esbuild';
import { createServer } from 'vite';

const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/';

let electron;
const restart = () => {
  if (electron) {
    electron.removeAllListeners('exit');
    electron.kill();
  }
  electron = spawn('npx', ['electron', '.'], { stdio: 'inherit', env: { ...process.env, VITE_DEV_SERVER_URL: url } });
  electron.on('exit', (code) => {
    void vite.close();
    process.exit(code ?? 0);
  });
};

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, external: ['electron'], logLevel: 'warning' };
let pending = 0;
const onEnd = {
  name: 'restart-electron',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0 && ++pending >= 2) restart();
    });
  },
};
const main = await context({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.js',
  format: 'esm',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [onEnd],
});
const preload = await context({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', plugins: [onEnd] });
await Promise.all([main.watch(), preload.watch()]);
console.log(`Renderer at ${url}; Electron restarts when main or preload change.`);
