import { spawn } from 'node:child_process';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockGeneration, lockRecord } from './lock';

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

describe('lockRecord', () => {
  it('waits while another live process writes the record, and takes over a record lock a crash left behind', async () => {
    const dir = await folder();
    const path = join(dir, '.record.lock');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(path, JSON.stringify({ pid: other.pid, host: hostname() }));
      let waits = 0;
      const taken = lockRecord(dir, async () => {
        waits += 1;
        // Still held after two looks; then it is left as a crash would leave it: untouched for a while.
        if (waits === 2) {
          const old = new Date(Date.now() - 60 * 1000);
          await utimes(path, old, old);
        }
      });
      const release = await taken;
      expect(waits).toBe(2);
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid });
      await release();
      await expect(readFile(path)).rejects.toThrow();
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });
});
