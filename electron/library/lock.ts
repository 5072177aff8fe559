// One driver per generation across processes: the app and the command line can run over the same library, and two
// engines following one record would race on its clip and its record. A lock file in the generation's folder names
// the process that drives it; its holder touches it every half minute. A lock whose process is gone, or that nobody
// has touched for two minutes (a crash, and the process id since reused by another program), is stale and taken over.
//
// The record lock is the short one under it: held by any process only for one read-modify-write of generation.json,
// so that a write from a process that does not drive the generation (a note that another program drives it, giving
// up) and the driver's own writes never interleave and lose one another. Its holder touches it every two seconds, so
// a live holder is never judged stale, however slow the disk.
//
// Only a lock judged stale is ever removed, and never by deleting the path blindly (another process may have just
// released it and taken it again): the breaker holds `<lock>.break` while it looks again, moves the stale file aside
// to a name of its own and checks that what it moved is the very file it judged stale (same inode, time and text),
// putting it back otherwise. A lock file that is gone is simply created again; one that is empty or unreadable as
// JSON (its creator is writing its name into it) is held until it is as old as the stale limit. A `.break` is judged
// like a lock, except that one of this very process is not free (two claims of one process may race to break).
//
// An error that persists through every try is thrown: on Windows EPERM/EACCES/EBUSY may mean a file is being deleted
// and are tried again, but a read-only library or a folder without write permission gives them for good, and must not
// read as a lock held by another program.
//
// Limits: a lock of another machine (a library on a network share used by two computers) cannot be checked by its
// process id; it is held while it is touched and stale once it is untouched for the stale limit, so a program on
// another machine whose process stops for longer than that can be taken over. The same holds on this machine for a
// process that stops (suspended, its event loop blocked) longer than the stale limit. A lock's time is set from the
// clock of the machine that writes it (creating, touching), and judged by the reader's: clocks of two machines further
// apart than the stale limit make their locks look stale to each other.
import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const LOCK_FILE = '.driver.lock';
export const RECORD_LOCK_FILE = '.record.lock';
/** A lock, its `.break` lock, or a stale lock set aside while it is removed: never part of a library's content. */
export const isLockFile = (name: string): boolean => name.startsWith(LOCK_FILE) || name.startsWith(RECORD_LOCK_FILE);

const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;
/** A record write takes milliseconds and its holder touches the lock every two seconds: this old, it was left by a crash. */
const RECORD_STALE_MS = 10_000;
const RECORD_HEARTBEAT_MS = 2_000;
const RETRY_MS = 5;
/** Tries of one claim (a lock that keeps vanishing and coming back, a file Windows still holds while deleting it). */
const ATTEMPTS = 40;

interface LockInfo {
  pid: number;
  host: string;
  nonce?: string;
}

/** What was seen at a lock's path: enough to tell later whether the file there is still the same one. */
interface Seen {
  text: string;
  ino: number;
  mtimeMs: number;
}

const pauseMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Errors that, on Windows, mean a lock file is being deleted (delete pending, a FAT/exFAT drive): try again soon. */
const passing = (error: unknown): boolean =>
  process.platform === 'win32' && ['EPERM', 'EACCES', 'EBUSY'].includes((error as NodeJS.ErrnoException).code ?? '');

/** `fn`, tried again while it fails with a `passing` error, up to ATTEMPTS times (the last error is thrown). */
async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!passing(error) || attempt === ATTEMPTS) throw error;
      await pauseMs(RETRY_MS);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without touching the process
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The file at `path` (text, inode and time read through one handle, so they belong together); undefined when gone. */
async function look(path: string): Promise<Seen | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { ino, mtimeMs } = await handle.stat();
    return { text: await handle.readFile('utf8'), ino, mtimeMs };
  } finally {
    await handle.close();
  }
}

/**
 * Whether the lock `seen` may be taken over. `sameProcessFree`: a lock this very process left counts as free (true for
 * locks: engines and record writes of one process coordinate in memory; false for a `.break`, which two claims of one
 * process may race for).
 */
function stale(seen: Seen, me: LockInfo, staleMs: number, sameProcessFree = true): boolean {
  if (Date.now() - seen.mtimeMs >= staleMs) return true;
  let holder: LockInfo;
  try {
    holder = JSON.parse(seen.text) as LockInfo;
  } catch {
    return false; // empty or half-written: its creator is writing its name into it right now
  }
  if (holder.host !== me.host) return false; // another machine's process cannot be checked: held while touched
  // Within one process, engines and record writes coordinate in memory: a lock this very process left (an engine
  // replaced) is free.
  if (holder.pid === me.pid) return sameProcessFree;
  return !alive(holder.pid);
}

/**
 * Remove the file at `path` only if it is still the one expected (its text, and inode and time when given): it is
 * moved aside to a name of this call's own first, so that a lock created at `path` meanwhile is never deleted, and
 * put back if what was moved is not the expected one. True when it was removed.
 */
async function removeIf(path: string, expected: Partial<Seen> & { text: string }): Promise<boolean> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.gone`;
  const moved = await retrying(() => rename(path, aside).then(() => true)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  if (!moved) return false;
  let same = false;
  try {
    const seen = await retrying(() => look(aside));
    same =
      seen !== undefined &&
      seen.text === expected.text &&
      (expected.ino === undefined || seen.ino === expected.ino) &&
      (expected.mtimeMs === undefined || seen.mtimeMs === expected.mtimeMs);
  } finally {
    if (!same) {
      // Someone else's lock, or the check failed: back to its place unless another was created there meanwhile (link
      // never replaces).
      await link(aside, path).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') await rename(aside, path).catch(() => undefined); // no hard links (FAT/exFAT)
      });
    }
    await rm(aside, { force: true }).catch(() => undefined); // a file left aside is nobody's lock
  }
  return same;
}

/** Create `path` holding `text`; false when a file is already there. */
async function create(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    // Its time from this machine's clock, which judges it: a network share's own clock may be minutes off, and a fresh
    // lock must not look stale (the heartbeat sets this clock's time too). A share that refuses keeps its own time.
    const now = new Date();
    await handle.utimes(now, now).catch(() => undefined);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Remove the `<path>.*.gone` files (locks set aside by a process that stopped before it removed them) moved aside at
 * least `staleMs` ago: a rename sets a file's change time, so one being checked right now is never swept.
 */
async function sweepGone(path: string, staleMs: number): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.gone')) continue;
    const gone = join(dirname(path), name);
    const info = await stat(gone).catch(() => undefined);
    if (info && Date.now() - Math.max(info.mtimeMs, info.ctimeMs) >= staleMs) await rm(gone, { force: true }).catch(() => undefined);
  }
}

/**
 * Remove the stale lock `seen` at `path`, holding `<path>.break` meanwhile so that two processes never break the
 * same lock (the second would find the first one's fresh lock there). Returns without breaking when someone else is
 * breaking it or it is no longer the stale file seen; the caller looks again.
 */
async function breakStale(path: string, seen: Seen, me: LockInfo, staleMs: number): Promise<void> {
  const breakPath = `${path}.break`;
  const mine = JSON.stringify({ ...me, nonce: randomBytes(6).toString('hex') });
  if (!(await create(breakPath, mine))) {
    // A breaker that crashed while breaking (breaking takes milliseconds) leaves its `.break` behind: judged like a
    // lock (its process gone on this machine: at once; otherwise once untouched for the stale limit).
    const other = await look(breakPath);
    if (other && stale(other, me, staleMs, false)) await removeIf(breakPath, other);
    return;
  }
  try {
    await sweepGone(path, staleMs);
    const now = await look(path);
    if (now && now.ino === seen.ino && now.mtimeMs === seen.mtimeMs && now.text === seen.text && stale(now, me, staleMs)) {
      await removeIf(path, now);
    }
  } finally {
    await removeIf(breakPath, { text: mine });
  }
}

/**
 * Create the lock file at `path`: `mine`, the text that proves it is ours; or `held`, the text of the lock another live
 * process holds (`undefined` when it kept changing). An error that persists through every try (a library on a
 * read-only drive, no permission to write there) is thrown, not taken for a lock held by another program.
 */
async function claim(path: string, staleMs: number): Promise<{ mine: string } | { held: string | undefined }> {
  const me: LockInfo = { pid: process.pid, host: hostname(), nonce: randomBytes(6).toString('hex') };
  const mine = JSON.stringify(me);
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      if (await create(path, mine)) return { mine };
      lastError = undefined;
      const seen = await look(path);
      if (seen === undefined) continue; // released meanwhile: create it again
      if (!stale(seen, me, staleMs)) return { held: seen.text };
      await breakStale(path, seen, me, staleMs);
    } catch (error) {
      if (!passing(error)) throw error;
      lastError = error;
      await pauseMs(RETRY_MS);
    }
  }
  // Every try failed with an error that on Windows may mean "being deleted": it was not (a permission error).
  if (lastError !== undefined) throw lastError;
  return { held: undefined };
}

/** Hold the lock at `path` (text `mine`): touch it every `heartbeatMs`; the returned function releases it. */
function hold(path: string, mine: string, heartbeatMs: number): () => Promise<void> {
  const heartbeat = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  return async () => {
    // Once only: a second call must not move the lock someone else has taken since.
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    // Looked at first: a lock that is no longer ours (judged stale and taken over) is left alone, not even moved aside
    // for a moment. Its inode, not its time, tells it is the same file: a last touch may land meanwhile.
    const seen = await retrying(() => look(path));
    if (seen?.text !== mine) return;
    await removeIf(path, { text: mine, ino: seen.ino });
  };
}

/** Take the lock of a generation folder; undefined when another live process holds it. */
export async function lockGeneration(folderPath: string): Promise<(() => Promise<void>) | undefined> {
  const path = join(folderPath, LOCK_FILE);
  const claimed = await claim(path, STALE_MS);
  return 'mine' in claimed ? hold(path, claimed.mine, HEARTBEAT_MS) : undefined;
}

/** How long a record write waits on a record lock that does not change hands before it gives up. */
export const RECORD_WAIT_MS = 2 * RECORD_STALE_MS;

/**
 * Take the record lock of a generation folder, waiting (with `pause`) while another process writes its record; held
 * for one write only. Gives up with an error when the lock has not changed hands for `RECORD_WAIT_MS` (by `now`): a
 * live holder never keeps it that long, so something is wrong (a lock that cannot be removed, a program that hangs).
 */
export async function lockRecord(
  folderPath: string,
  pause: (ms: number) => Promise<void>,
  now: () => number = Date.now,
): Promise<() => Promise<void>> {
  const path = join(folderPath, RECORD_LOCK_FILE);
  let last: string | undefined;
  let since = now();
  for (;;) {
    const claimed = await claim(path, RECORD_STALE_MS);
    if ('mine' in claimed) return hold(path, claimed.mine, RECORD_HEARTBEAT_MS);
    if (claimed.held === undefined || claimed.held !== last) {
      last = claimed.held; // another holder (or none steadily): the writes go on, wait on
      since = now();
    } else if (now() - since >= RECORD_WAIT_MS) {
      throw new Error(
        `Could not write the record in ${folderPath}: its ${RECORD_LOCK_FILE} has been held by ${last} for ${Math.round((now() - since) / 1000)} s without change. Remove that file if no other program is writing this library.`,
      );
    }
    await pause(RETRY_MS);
  }
}
