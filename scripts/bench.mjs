// `npm run bench`: builds when the renderer is older than its sources, then runs every benchmark in e2e/bench
// (`*-bench.ts`: the editor, the gallery, …) in Chromium, one after the other so they do not disturb each other.
// Prints one JSON object per metric and line. `npm run bench -- editor` runs only the benchmarks whose name matches.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..');
const built = join(repo, 'dist', 'renderer', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(built) || ['renderer', 'shared', 'electron'].some((d) => newest(join(repo, d)) > statSync(built).mtimeMs);
if (stale) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = candidates.find((p) => p && existsSync(p));
if (!chromium) {
  console.error('The benchmark needs Chromium: install it or set CHROMIUM_PATH.');
  process.exit(1);
}
const only = process.argv.slice(2);
const benches = readdirSync(join(repo, 'e2e', 'bench'))
  .filter((f) => f.endsWith('-bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of benches) {
  const run = spawnSync('npx', ['tsx', join('e2e', 'bench', file)], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  if (run.status !== 0) failed = run.status ?? 1;
}
process.exit(failed);
