// The locks when the file system fails or lies: permission errors (as Windows reports them), a `.break` left by a
// crash, a release that fails or finds another's lock. File system calls go to the real disk through spies that a test
// can make fail for one path.
import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, stat, writeFile, utimes } from 'node:fs/promises';
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
  vi.useRealTimers();
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

describe('releasing a lock', () => {
  it('leaves alone a lock that is no longer ours (taken over meanwhile), without moving it even for a moment', async () => {
    const dir = await folder();
    const path = join(dir, '.driver.lock');
    const release = await lockGeneration(dir);
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), nonce: 'theirs' });
    await writeFile(path, theirs);
    vi.mocked(rename).mockClear();
    await release?.();
    expect(vi.mocked(rename).mock.calls.filter(([from]) => from === path)).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(theirs);
  });

  it('does nothing the second time: the lock taken since by someone else stays in place', async () => {
    const dir = await folder();
    const path = join(dir, '.driver.lock');
    const release = await lockGeneration(dir);
    await release?.();
    const again = await lockGeneration(dir);
    const theirs = await readFile(path, 'utf8');
    vi.mocked(rename).mockClear();
    await release?.();
    expect(vi.mocked(rename).mock.calls.filter(([from]) => from === path)).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(theirs);
    await again?.();
    expect(await readdir(dir)).toEqual([]);
  });

  it('puts the lock back when the check of what it moved aside fails, and says so', async () => {
    const dir = await folder();
    const path = join(dir, '.record.lock');
    const release = await lockRecord(dir, async () => undefined);
    const mine = await readFile(path, 'utf8');
    fs.fail = (call, p) => (call === 'open' && p.endsWith('.gone') ? errno('EIO') : undefined);
    await expect(release()).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(path, 'utf8')).toBe(mine);
    expect(await readdir(dir)).toEqual(['.record.lock']);
  });

  it('tries the check again on Windows while the file moved aside is busy', async () => {
    const restore = asWindows();
    try {
      const dir = await folder();
      const release = await lockRecord(dir, async () => undefined);
      let busy = 2;
      fs.fail = (call, p) => (call === 'open' && p.endsWith('.gone') && busy-- > 0 ? errno('EBUSY') : undefined);
      await release();
      expect(await readdir(dir)).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe("a library on a share whose clock is behind this machine's", () => {
  it("gives a new lock this machine's time, so it does not look stale at once", async () => {
    const dir = await folder();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60 * 60_000); // the file system's clock (here the real one) an hour behind
    const release = await lockGeneration(dir);
    expect(Math.abs((await stat(join(dir, '.driver.lock'))).mtimeMs - Date.now())).toBeLessThan(2000);
    await release?.();
  });
});

describe('breaking a stale lock', () => {
  it('sweeps the locks left aside (.gone) by a process that stopped before removing them, once they are stale', async () => {
    const dir = await folder();
    const old = join(dir, '.driver.lock.0123456789ab.gone');
    await writeFile(old, DEAD);
    await writeFile(join(dir, '.record.lock.0123456789ab.gone'), DEAD); // another lock's: its own breakers sweep it
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 60_000); // three minutes later
    const fresh = join(dir, '.driver.lock.ba9876543210.gone'); // set aside just now (its time, as a rename, is now)
    await writeFile(fresh, DEAD);
    const now = new Date();
    await utimes(fresh, now, now);
    await writeFile(join(dir, '.driver.lock'), DEAD);
    const release = await lockGeneration(dir);
    expect(release).toBeDefined();
    expect((await readdir(dir)).sort()).toEqual(['.driver.lock', '.driver.lock.ba9876543210.gone', '.record.lock.0123456789ab.gone']);
  });
});
