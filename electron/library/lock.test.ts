import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('takes over a lock this process left behind', async () => {
    const dir = await folder();
    expect(await lockGeneration(dir)).toBeDefined();
    expect(await lockGeneration(dir)).toBeDefined();
  });

  it('counts an empty or half-written lock (its creator is writing its name) as held until it is stale', async () => {
    const dir = await folder();
    const path = join(dir, '.driver.lock');
    for (const text of ['', '{"pid": 12']) {
      await writeFile(path, text);
      expect(await lockGeneration(dir)).toBeUndefined();
      const old = new Date(Date.now() - 3 * 60 * 1000);
      await utimes(path, old, old);
      const release = await lockGeneration(dir);
      expect(release).toBeDefined();
      await release?.();
    }
  });

  it("counts another machine's lock as held while it is touched, and stale once untouched for two minutes", async () => {
    const dir = await folder();
    const path = join(dir, '.driver.lock');
    await writeFile(path, JSON.stringify({ pid: process.pid, host: `not-${hostname()}` }));
    expect(await lockGeneration(dir)).toBeUndefined();
    const old = new Date(Date.now() - 3 * 60 * 1000);
    await utimes(path, old, old);
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

  it('lets one process at a time in: three processes doing 250 locked increments each, from stale locks, lose none', async () => {
    const dir = await folder();
    // Taking turns between the record lock and the driver lock, each with its own counter.
    for (const kind of ['record', 'driver']) await writeFile(join(dir, `${kind}.json`), JSON.stringify({ c: 0 }));
    // A crash left both locks: their process is gone and nobody touched them for three minutes. All three break them at once.
    const old = new Date(Date.now() - 3 * 60 * 1000);
    for (const name of ['.record.lock', '.driver.lock']) {
      await writeFile(join(dir, name), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname() }));
      await utimes(join(dir, name), old, old);
    }
    const child = fileURLToPath(new URL('./lock-race.child.ts', import.meta.url));
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, '250'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        proc.once('error', reject);
        proc.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}`))));
      });
    // Each says how often it found another process inside the same lock with it.
    expect(await Promise.all([run(), run(), run()])).toEqual(['0', '0', '0']);
    expect(JSON.parse(await readFile(join(dir, 'record.json'), 'utf8'))).toEqual({ c: 375 });
    expect(JSON.parse(await readFile(join(dir, 'driver.json'), 'utf8'))).toEqual({ c: 375 });
    expect((await readdir(dir)).sort()).toEqual(['driver.json', 'record.json']);
  });
});
