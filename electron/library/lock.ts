// One driver per generation across processes: the app and the command line can run over the same library, and two
// engines following one record would race on its clip and its record. A lock file in the generation's folder names
// the process that drives it; a lock whose process is gone is stale and taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = '.driver.lock';

interface LockInfo {
  pid: number;
  host: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without touching the process
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Take the lock of a generation folder; undefined when another live process on this machine holds it. Within one
 * process, engines coordinate in memory, so a lock held by this very process is taken over (an engine that was
 * replaced, as after a reload).
 */
export async function lockGeneration(folderPath: string): Promise<(() => Promise<void>) | undefined> {
  const path = join(folderPath, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        const held = await readFile(path, 'utf8').catch(() => '');
        if (held === JSON.stringify(me)) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
      } catch {
        holder = undefined; // unreadable: a crash while writing it; treat as stale
      }
      const someoneElse = holder && holder.host === me.host && holder.pid !== me.pid && alive(holder.pid);
      if (someoneElse) return undefined;
      await rm(path, { force: true });
    }
  }
  return undefined;
}
