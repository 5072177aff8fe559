import { spawn } from 'node:child_process';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockGeneration } from './lock';

const folder = () => mkdtemp(join(tmpdir(), 'lock-'));

describe('lockGeneration', () => {
  it('is refused while another live process holds it, and taken once that process is gone', async () => {
    const dir = await folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(join(dir, '.driver.lock'), JSON.stringify({ pid: other.pid, host: hostname() }));
      expect(await lockGeneration(dir)).toBeUndefined();
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    const release = await lockGeneration(dir);
    expect(release).toBeDefined();
    expect(JSON.parse(await readFile(join(dir, '.driver.lock'), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await release?.();
    await expect(readFile(join(dir, '.driver.lock'))).rejects.toThrow();
  });

  it('takes over a lock nobody has touched for two minutes, even if its process id is in use (reused after a crash)', async () => {
    const dir = await folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const path = join(dir, '.driver.lock');
      await writeFile(path, JSON.stringify({ pid: other.pid, host: hostname() }));
      const old = new Date(Date.now() - 3 * 60 * 1000);
      await utimes(path, old, old);
      expect(await lockGeneration(dir)).toBeDefined();
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('takes over a lock this process left behind, and a lock file that cannot be read', async () => {
    const dir = await folder();
    expect(await lockGeneration(dir)).toBeDefined();
    expect(await lockGeneration(dir)).toBeDefined();
    await writeFile(join(dir, '.driver.lock'), '{"pid": 12');
    expect(await lockGeneration(dir)).toBeDefined();
  });
});
