// Moving the library to another folder, the safe way round: copy every file, verify every copy (size and SHA-256
// against what was read from the original), check the original did not change meanwhile, and only then let the caller
// switch to the new folder and remove the old copy. Any failure before the switch removes what this copy created and
// leaves the original as it was, in use, with the reason in words. Plain Node over real folders: tested with temp ones.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, rm, rmdir, stat, statfs, utimes } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LibraryMoveProgress } from '../../shared/ipc/contract';
import { DELETED_DIR } from './deletion';
import { INDEX_FILE } from './library-index';
import { isLockFile } from './lock';
import { RECORD_FILE } from './library';

export class LibraryMoveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryMoveError';
  }
}

/** Files a file manager leaves in a folder that a person would still call empty. */
const FOLDER_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

interface SourceFile {
  /** Path relative to the library root, with the platform's separator. */
  rel: string;
  size: number;
  mtimeMs: number;
  atimeMs: number;
}

export interface CopiedLibrary {
  from: string;
  to: string;
  /** Every file of the library, now also under `to` (relative paths). */
  files: string[];
  /** What this copy made under `to` (files and folders), to take away again if the move stops. */
  created: string[];
}

export type Progress = (progress: LibraryMoveProgress) => void;

const within = (parent: string, child: string) => child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

const exists = (path: string) => lstat(path).then(() => true, () => false);

/** Whether `dir` holds a Kling Studio library: its index file, or a folder with a generation record. */
async function isLibrary(dir: string, names: string[]): Promise<boolean> {
  if (names.includes(INDEX_FILE)) return true;
  for (const name of names) if (await exists(join(dir, name, RECORD_FILE))) return true;
  return false;
}

/**
 * Why `to` cannot take the library at `from`, or how it takes it: an empty (or new) folder receives a copy; a folder
 * that already holds a library receives this one's generations beside its own (folder names carry unique ids).
 */
export async function checkTarget(from: string, to: string): Promise<'empty' | 'merge'> {
  if (!isAbsolute(to)) throw new LibraryMoveError('Choose a folder by its full path.');
  const source = resolve(from);
  const target = resolve(to);
  if (source === target) throw new LibraryMoveError('The library is already in that folder.');
  if (within(source, target)) throw new LibraryMoveError('That folder is inside the library itself; choose a folder outside it.');
  if (within(target, source)) throw new LibraryMoveError('The library is inside that folder; choose an empty folder, or make a new one.');
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new LibraryMoveError(`That folder cannot be read: ${error.message}`);
  });
  if (!info) return 'empty';
  if (!info.isDirectory()) throw new LibraryMoveError('That is a file, not a folder.');
  const names = (await readdir(target)).filter((n) => !FOLDER_LITTER.has(n));
  if (names.length === 0) return 'empty';
  if (await isLibrary(target, names)) return 'merge';
  throw new LibraryMoveError('That folder is not empty and holds no Kling Studio library: choose an empty folder, or make a new one.');
}

/**
 * Every file under the library root, except the locks of running programs and the deletions waiting for the trash:
 * those still in their undo time (`carry`, by token) are listed, so that Undo works at the new place.
 */
async function listFiles(root: string, carry: ReadonlySet<string>): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && dir === root) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if ((dir === root && entry.name === DELETED_DIR && carry.size === 0) || isLockFile(entry.name)) continue;
      if (dir === join(root, DELETED_DIR) && !carry.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        throw new LibraryMoveError(`“${rel}” is a link to somewhere else; a library holds only its own files. Remove the link, then move again.`);
      }
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const s = await stat(path);
        out.push({ rel, size: s.size, mtimeMs: s.mtimeMs, atimeMs: s.atimeMs });
      }
    }
  };
  await walk(root);
  return out;
}

async function hashOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const describe = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC') return 'the disk is full';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'a file disappeared';
  if (e.code === 'EROFS') return 'that disk is read-only';
  return e.message;
};

/**
 * Copy the library at `from` into `to` and verify the copy. On any failure, what the copy created under `to` is
 * removed again and a LibraryMoveError says why; `from` is never written. `carry`: the tokens of deletions still in
 * their undo time, whose folders in `.deleted/` are copied too.
 */
export async function copyLibrary(from: string, to: string, onProgress: Progress, carry: Iterable<string> = []): Promise<CopiedLibrary> {
  const mode = await checkTarget(from, to);
  const carried = new Set(carry);
  const files = await listFiles(from, carried);
  const totalFiles = files.length;
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const created: string[] = [];
  const copied: CopiedLibrary = { from, to, files: files.map((f) => f.rel), created };
  const report = (phase: LibraryMoveProgress['phase'], done: number, bytes: number) =>
    onProgress({ phase, files: done, totalFiles, bytes, totalBytes });
  try {
    const space = await statfs(await nearestExisting(to)).catch(() => undefined);
    if (space && space.bavail * space.bsize < totalBytes) {
      throw new LibraryMoveError(`Not enough free space there: the library needs ${megabytes(totalBytes)}, the disk has ${megabytes(space.bavail * space.bsize)}.`);
    }
    const made = await mkdir(to, { recursive: true });
    if (made) created.push(made);

    const hashes = new Map<string, string>();
    let bytes = 0;
    report('copying', 0, 0);
    for (const [i, file] of files.entries()) {
      const source = join(from, file.rel);
      const target = join(to, file.rel);
      // Joining another library: its own index stays (it learns our folders from their stamps), and a file it
      // already has with the same bytes is not copied again; one with other bytes stops the move.
      if (mode === 'merge' && (await exists(target))) {
        if (file.rel === INDEX_FILE) continue;
        const [mine, theirs] = await Promise.all([hashOf(source), hashOf(target)]);
        if (mine !== theirs) throw new LibraryMoveError(`The library there already has “${file.rel}” with other contents.`);
        hashes.set(file.rel, mine);
      } else {
        const dir = await mkdir(dirname(target), { recursive: true });
        if (dir) created.push(dir);
        const hash = createHash('sha256');
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            bytes += chunk.length;
            done(null, chunk);
          },
        });
        created.push(target);
        await pipeline(createReadStream(source), tap, createWriteStream(target, { flags: 'wx' }));
        // The same times as the original: the index's stamps still match, so the new place opens without re-reading.
        await utimes(target, file.atimeMs / 1000, file.mtimeMs / 1000);
        hashes.set(file.rel, hash.digest('hex'));
      }
      report('copying', i + 1, bytes);
    }

    report('verifying', 0, 0);
    let checked = 0;
    for (const [i, file] of files.entries()) {
      const expected = hashes.get(file.rel);
      if (expected === undefined) continue; // the other library's own index
      const target = join(to, file.rel);
      const size = (await stat(target)).size;
      if (size !== file.size || (await hashOf(target)) !== expected) {
        throw new LibraryMoveError(`The copy of “${file.rel}” does not match the original (the disk there may be failing).`);
      }
      checked += size;
      report('verifying', i + 1, checked);
    }

    // Written to while it was copied (the command line, a hand in the file manager): the copy would miss that.
    const now = await listFiles(from, carried);
    const before = new Map(files.map((f) => [f.rel, f]));
    const changed = now.length !== files.length || now.some((f) => before.get(f.rel)?.size !== f.size || before.get(f.rel)?.mtimeMs !== f.mtimeMs);
    if (changed) {
      throw new LibraryMoveError('The library changed while it was being copied (another program wrote to it). Nothing was moved; try again.');
    }
    return copied;
  } catch (error) {
    await undoCopy(copied);
    if (error instanceof LibraryMoveError) throw error;
    throw new LibraryMoveError(`Copying stopped: ${describe(error)}. Nothing was moved; the library stays where it is.`);
  }
}

/** Take away what a copy created (newest first), leaving anything that was there before. */
async function undoCopy(copied: CopiedLibrary): Promise<void> {
  for (const path of [...copied.created].reverse()) await rm(path, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * After the switch: remove the old copy's files, then its folders that became empty. Returns what had to stay (a file
 * that could not be removed, or one that is not the library's): the library in use is the new one either way.
 */
export async function removeOldCopy(copied: CopiedLibrary, onProgress: Progress): Promise<string[]> {
  const left: string[] = [];
  const total = copied.files.length;
  for (const [i, rel] of copied.files.entries()) {
    await rm(join(copied.from, rel), { force: true }).catch(() => void left.push(rel));
    onProgress({ phase: 'removing', files: i + 1, totalFiles: total, bytes: 0, totalBytes: 0 });
  }
  await rm(join(copied.from, DELETED_DIR), { recursive: true, force: true }).catch(() => undefined);
  // Folders deepest first; one that is not empty (something that was not the library's) stays.
  const dirs = [...new Set(copied.files.map((rel) => dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
  for (const dir of dirs) await rmdir(join(copied.from, dir)).catch(() => undefined);
  await rmdir(copied.from).catch(() => undefined);
  return left;
}

async function nearestExisting(path: string): Promise<string> {
  let dir = path;
  while (!(await exists(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
