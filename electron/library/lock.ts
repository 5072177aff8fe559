// One driver per generation across processes: the app and the command line can run over the same library, and two
// engines following one record would race on its clip and its record. A lock file in the generation's folder names
// the process that drives it; its holder touches it every half minute. A lock whose process is gone, or that nobody
// has touched for two minutes (a crash, and the process id since reused by another program), is stale and taken over.
//
// The record lock is the short one under it: held by any process only for one read-modify-write of generation.json,
// so that a write from a process that does not drive the generation (a note that another program drives it, giving
// up) and the driver's own writes never interleave and lose one another.
import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.driver.lock';
export const RECORD_LOCK_FILE = '.record.lock';
const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;
/** A record write takes milliseconds; a record lock this old was left by a crash (its pid perhaps reused since). */
const RECORD_STALE_MS = 10_000;
const RECORD_RETRY_MS = 5;

interface LockInfo {
  pid: number;
  host: string;
  nonce?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without touching the process
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function heldByAnother(path: string, me: LockInfo, staleMs: number): Promise<boolean> {
  let holder: LockInfo;
  let touched: number;
  try {
    holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    touched = (await stat(path)).mtimeMs;
  } catch {
    return false; // unreadable or gone: a crash while writing it, or released meanwhile
  }
  // Within one process, engines and record writes coordinate in memory: a lock this very process left (an engine
  // replaced) is free.
  if (holder.host !== me.host || holder.pid === me.pid) return false;
  return alive(holder.pid) && Date.now() - touched < staleMs;
}

/** Create the lock file at `path`; the text that proves it is ours, or undefined when another live process holds it. */
async function claim(path: string, staleMs: number): Promise<string | undefined> {
  const me: LockInfo = { pid: process.pid, host: hostname(), nonce: randomBytes(6).toString('hex') };
  const mine = JSON.stringify(me);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(mine);
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await heldByAnother(path, me, staleMs)) return undefined;
      await rm(path, { force: true });
      continue;
    }
    // Two processes taking over the same stale lock at once could both get here: only the one whose nonce is on
    // disk afterwards holds it.
    return (await readFile(path, 'utf8').catch(() => '')) === mine ? mine : undefined;
  }
  return undefined;
}

const release = (path: string, mine: string) => async () => {
  if ((await readFile(path, 'utf8').catch(() => '')) === mine) await rm(path, { force: true });
};

/** Take the lock of a generation folder; undefined when another live process on this machine holds it. */
export async function lockGeneration(folderPath: string): Promise<(() => Promise<void>) | undefined> {
  const path = join(folderPath, LOCK_FILE);
  const mine = await claim(path, STALE_MS);
  if (mine === undefined) return undefined;
  const heartbeat = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const unlock = release(path, mine);
  return async () => {
    clearInterval(heartbeat);
    await unlock();
  };
}

/**
 * Take the record lock of a generation folder, waiting (with `pause`) while another process writes its record; held
 * for one write only.
 */
export async function lockRecord(folderPath: string, pause: (ms: number) => Promise<void>): Promise<() => Promise<void>> {
  const path = join(folderPath, RECORD_LOCK_FILE);
  for (;;) {
    const mine = await claim(path, RECORD_STALE_MS);
    if (mine !== undefined) return release(path, mine);
    await pause(RECORD_RETRY_MS);
  }
}
