// Run the end-to-end specs: find a Chromium for the host target, and give Electron a display (Xvfb) when its binary
// is installed on a Linux machine without one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = candidates.find((p) => p && existsSync(p));
if (!chromium) {
  console.error('The e2e tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}
const env = { ...process.env, CHROMIUM_PATH: chromium };
const args = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
const [cmd, cmdArgs] = needsDisplay ? ['xvfb-run', ['-a', 'npx', ...args]] : ['npx', args];
const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
