// One driver per generation across processes: the app and the command line can run over the same library, and two
// engines following one record would race on its clip and its record. A lock file in the generation's folder names
// the process that drives it; its holder touches it every half minute. A lock whose process is gone, or that nobody
// has touched for two minutes (a crash, and the process id since reused by another program), is stale and taken over.
import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.driver.lock';
const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;

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

async function heldByAnother(path: string, me: LockInfo): Promise<boolean> {
  let holder: LockInfo;
  let touched: number;
  try {
    holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    touched = (await stat(path)).mtimeMs;
  } catch {
    return false; // unreadable or gone: a crash while writing it, or released meanwhile
  }
  // Within one process, engines coordinate in memory: a lock this very process left (an engine replaced) is free.
  if (holder.host !== me.host || holder.pid === me.pid) return false;
  return alive(holder.pid) && Date.now() - touched < STALE_MS;
}

/** Take the lock of a generation folder; undefined when another live process on this machine holds it. */
export async function lockGeneration(folderPath: string): Promise<(() => Promise<void>) | undefined> {
  const path = join(folderPath, LOCK_FILE);
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
      if (await heldByAnother(path, me)) return undefined;
      await rm(path, { force: true });
      continue;
    }
    // Two processes taking over the same stale lock at once could both get here: only the one whose nonce is on
    // disk afterwards holds it.
    if ((await readFile(path, 'utf8').catch(() => '')) !== mine) return undefined;
    const heartbeat = setInterval(() => {
      const now = new Date();
      void utimes(path, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    return async () => {
      clearInterval(heartbeat);
      if ((await readFile(path, 'utf8').catch(() => '')) === mine) await rm(path, { force: true });
    };
  }
  return undefined;
}
