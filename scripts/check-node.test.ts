// The Node.js the two commands need, said the same way in four places: package.json's engines, the README, the check
// that `npm start` runs first, and what Electron's downloader really loads on this machine's Node.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { describe, engineRange, message, REQUIREMENTS, supports } from './check-node.cjs';

const repo = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

group('which Node.js runs the app', () => {
  it.each([
    ['18.20.4', false, false],
    ['20.18.3', false, false], // no require() of ES modules yet: Electron's downloader cannot load @electron/get
    ['20.19.0', true, false],
    ['21.7.3', false, false],
    ['22.12.0', false, true], // ESLint 10 wants 22.13 on this line
    ['22.13.0', true, true],
    ['23.11.0', false, true],
    ['24.0.0', true, true],
    ['26.1.0', true, true],
  ])('Node %s: npm start %s, npm run dist %s', (version, start, dist) => {
    expect(supports(REQUIREMENTS.start, version)).toBe(start);
    expect(supports(REQUIREMENTS.dist, version)).toBe(dist);
  });

  it('package.json, the README and the check say the same', () => {
    expect(pkg.engines.node).toBe(engineRange(REQUIREMENTS.start));
    expect(readme).toContain(describe(REQUIREMENTS.start));
    expect(readme).toContain(`Packaging (\`npm run dist\`) needs ${describe(REQUIREMENTS.dist)}`);
    expect(pkg.scripts.start).toMatch(/^node scripts\/check-node\.cjs start && /);
    expect(pkg.scripts.dist).toMatch(/^node scripts\/check-node\.cjs dist && /);
  });

  it('this machine’s Node can load what Electron’s downloader loads (both ES modules, through require)', () => {
    expect(supports(REQUIREMENTS.start, process.versions.node)).toBe(true);
    const installer = createRequire(createRequire(join(repo, 'package.json')).resolve('electron/install.js'));
    expect(typeof (installer('@electron/get') as { downloadArtifact: unknown }).downloadArtifact).toBe('function');
    expect(typeof (installer('@electron-internal/extract-zip') as { extract: unknown }).extract).toBe('function');
  });

  it('on an old Node, npm start stops with one clear sentence, not a stack trace', () => {
    const preload = join(tmpdir(), `ks-old-node-${process.pid}.cjs`);
    writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '18.20.4' });\n");
    const run = spawnSync(process.execPath, ['-r', preload, join(repo, 'scripts', 'check-node.cjs'), 'start'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(message('start', '18.20.4'));
    expect(run.stderr).toMatch(/needs Node\.js 20\.19 or later 20\.x, 22\.13 or later 22\.x, or 24 or newer for `npm start`; this is Node\.js 18\.20\.4/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('says nothing and goes on when the Node is fine', () => {
    const run = spawnSync(process.execPath, [join(repo, 'scripts', 'check-node.cjs'), 'start'], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });
});
