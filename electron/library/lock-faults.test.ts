// The locks when the file system fails or lies: permission errors (as Windows reports them), a `.break` left by a
// crash, a release that fails or finds another's lock. File system calls go to the real disk through spies that a test
// can make fail for one path.
import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readFile, writeFile, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fs = vi.hoisted(() => ({ fail: undefined as undefined | ((call: string, path: string, flags?: string) => Error | undefined) }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const faulty =
    <A extends unknown[], R>(call: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const error = fs.fail?.(call, String(args[0]), typeof args[1] === 'string' ? args[1] : undefined);
      return error ? Promise.reject(error) : fn(...args);
    };
  const open = vi.fn(faulty('open', real.open));
  const rename = vi.fn(faulty('rename', real.rename));
  const mocked = { ...real, open, rename };
  return { ...mocked, default: mocked };
});

const { rename } = await import('node:fs/promises');
const { lockGeneration, lockRecord, RECORD_WAIT_MS } = await import('./lock');
const { Library } = await import('./library');

const errno = (code: string) => Object.assign(new Error(`${code}: faked`), { code });
const folder = () => mkdtemp(join(tmpdir(), 'lock-faults-'));
/** No process has this id: pids stop at 2^22 on Linux. */
const DEAD = JSON.stringify({ pid: 2 ** 22 + 1, host: hostname() });

function asWindows() {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { value: 'win32' });
  return () => Object.defineProperty(process, 'platform', platform);
}

afterEach(() => {
  fs.fail = undefined;
  vi.mocked(rename).mockClear();
});

describe('a permission error (a read-only library, no write permission)', () => {
  it('is thrown by both locks after the retries, on Windows too (where EPERM may mean "being deleted")', async () => {
    const restore = asWindows();
    try {
      const dir = await folder();
      fs.fail = (call, _path, flags) => (call === 'open' && flags === 'wx' ? errno('EPERM') : undefined);
      await expect(lockGeneration(dir)).rejects.toMatchObject({ code: 'EPERM' });
      let pauses = 0;
      const pause = async () => {
        if ((pauses += 1) > 100) throw new Error('still waiting on a lock nobody holds');
      };
      await expect(lockRecord(dir, pause)).rejects.toMatchObject({ code: 'EPERM' });
      expect(pauses).toBe(0);
    } finally {
      restore();
    }
  });
});

describe('lockRecord', () => {
  it('gives up with a clear error when the record lock does not change hands for twice its stale limit', async () => {
    const dir = await folder();
    // A live process of this machine (the one that started this test) holds it and never lets go.
    await writeFile(join(dir, '.record.lock'), JSON.stringify({ pid: process.ppid, host: hostname() }));
    let t = 0;
    let pauses = 0;
    const pause = async () => {
      if ((pauses += 1) > 1000) throw new Error('still waiting');
      t += 1000;
    };
    await expect(lockRecord(dir, pause, () => t)).rejects.toThrow(/\.record\.lock has been held by .* for 20 s without change/);
    expect(t).toBe(RECORD_WAIT_MS);
  });
});

describe('a `.break` left by a breaker that crashed', () => {
  it('is removed at once when its process is gone, so a stale lock under it is taken at once', async () => {
    const dir = await folder();
    const old = new Date(Date.now() - 3 * 60_000);
    for (const name of ['.record.lock', '.driver.lock']) {
      await writeFile(join(dir, name), DEAD);
      await utimes(join(dir, name), old, old);
      await writeFile(join(dir, `${name}.break`), DEAD); // fresh: judged by its age alone it would wait the stale limit
    }
    expect(await lockGeneration(dir)).toBeDefined();
    let pauses = 0;
    await lockRecord(dir, async () => void (pauses += 1));
    expect(pauses).toBe(0);
  });

  it("is kept while its process lives, even when that is this process (two claims of one process can race)", async () => {
    const dir = await folder();
    const old = new Date(Date.now() - 3 * 60_000);
    await writeFile(join(dir, '.driver.lock'), DEAD);
    await utimes(join(dir, '.driver.lock'), old, old);
    await writeFile(join(dir, '.driver.lock.break'), JSON.stringify({ pid: process.pid, host: hostname() }));
    expect(await lockGeneration(dir)).toBeUndefined();
    expect(await readFile(join(dir, '.driver.lock'), 'utf8')).toBe(DEAD);
  });
});

describe('Library.update', () => {
  it('keeps a write that succeeded when releasing the record lock fails, and logs it', async () => {
    const root = await folder();
    const logged: string[] = [];
    const library = new Library({ root, log: (message) => logged.push(message) });
    const made = await library.create({
      provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
      settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'a cat', negativePrompt: '' },
      files: [],
      inputs: {},
    });
    fs.fail = (call, path) => (call === 'rename' && path.endsWith('.record.lock') ? errno('EIO') : undefined);
    const updated = await library.update(made.id, (r) => void (r.creditsCharged = '1'));
    expect(updated.creditsCharged).toBe('1');
    expect((await library.get(made.id))?.creditsCharged).toBe('1');
    expect(logged).toEqual([expect.stringMatching(/Could not release the record lock .*EIO/)]);
  });
});
