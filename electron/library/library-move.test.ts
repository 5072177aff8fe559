// Moving the library, over real temp folders: a verified copy with progress, refusals in words, and failures in the
// middle (a copy blocked, a copy that does not match, an original written to meanwhile) that leave the original as
// it was and nothing behind at the new place.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryMoveProgress } from '../../shared/ipc/contract';
import { checkTarget, copyLibrary, LibraryMoveError, removeOldCopy } from './library-move';

let dir: string;
let from: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'library-move-'));
  from = join(dir, 'library');
  for (const [folder, clip] of [['2026-01-01T10-00-00_aaaa', 200_000], ['2026-01-02T10-00-00_bbbb', 50_000]] as const) {
    await mkdir(join(from, folder), { recursive: true });
    await writeFile(join(from, folder, 'generation.json'), JSON.stringify({ id: folder.slice(-4) }));
    await writeFile(join(from, folder, 'start.png'), Buffer.alloc(3000, 7));
    await writeFile(join(from, folder, 'result.mp4'), Buffer.alloc(clip, folder.length));
  }
  await writeFile(join(from, '.library-index.json'), '{"version":1,"rows":[],"damaged":[]}');
  // Not the library's to carry: a deletion waiting for the trash, and another program's lock.
  await mkdir(join(from, '.deleted', 'tok', 'old'), { recursive: true });
  await writeFile(join(from, '.deleted', 'tok', 'old', 'generation.json'), '{}');
  await writeFile(join(from, '2026-01-01T10-00-00_aaaa', '.driver.lock'), '123');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Every file under `root` with its SHA-256, to compare folders. */
async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(root.length + 1)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

const libraryFiles = (t: Record<string, string>) =>
  Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith('.deleted') && !k.endsWith('.driver.lock')));

describe('moving the library', () => {
  it('copies every file with progress, verifies it, keeps the times, then removes the old copy', async () => {
    const original = await tree(from);
    const to = join(dir, 'elsewhere', 'Kling Library');
    const seen: LibraryMoveProgress[] = [];
    const copied = await copyLibrary(from, to, (p) => void seen.push(p));

    expect(await tree(to)).toEqual(libraryFiles(original));
    // To the millisecond, as the index's stamps compare them.
    const mtime = async (root: string) => Math.trunc((await stat(join(root, '2026-01-01T10-00-00_aaaa', 'generation.json'))).mtimeMs);
    expect(await mtime(to)).toBe(await mtime(from));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['copying', 'verifying']);
    const lastCopy = seen.filter((p) => p.phase === 'copying').at(-1);
    const totalBytes = Object.keys(libraryFiles(original)).length && lastCopy?.totalBytes;
    expect(lastCopy).toEqual({ phase: 'copying', files: 7, totalFiles: 7, bytes: totalBytes, totalBytes });
    expect(totalBytes).toBeGreaterThan(256_000);
    expect(seen.filter((p) => p.phase === 'verifying').at(-1)).toMatchObject({ files: 7, bytes: lastCopy?.totalBytes });

    expect(await removeOldCopy(copied, () => undefined)).toEqual([]);
    // The lock of another program is not the library's: its folder stays with it; everything else is gone.
    expect(Object.keys(await tree(from))).toEqual(['2026-01-01T10-00-00_aaaa/.driver.lock']);
  });

  it('refuses, in words, a folder inside the library, the library itself, a file, and a folder with other things in it', async () => {
    await expect(checkTarget(from, join(from, 'sub'))).rejects.toThrow('inside the library itself');
    await expect(checkTarget(from, from)).rejects.toThrow('already in that folder');
    await expect(checkTarget(from, dir)).rejects.toThrow('The library is inside that folder');
    await writeFile(join(dir, 'notes.txt'), 'x');
    await expect(checkTarget(from, join(dir, 'notes.txt'))).rejects.toThrow('a file, not a folder');
    await mkdir(join(dir, 'photos'));
    await writeFile(join(dir, 'photos', 'a.jpg'), 'x');
    await expect(checkTarget(from, join(dir, 'photos'))).rejects.toThrow('not empty and holds no Kling Studio library');
    await expect(checkTarget(from, 'relative/path')).rejects.toThrow(LibraryMoveError);
    // An empty folder (a file manager's litter aside) or a new one is fine.
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', '.DS_Store'), 'x');
    await expect(checkTarget(from, join(dir, 'empty'))).resolves.toBe('empty');
    await expect(checkTarget(from, join(dir, 'new', 'folder'))).resolves.toBe('empty');
  });

  it('joins a folder that holds another library: its generations and its index stay, ours come beside them', async () => {
    const other = join(dir, 'other');
    await mkdir(join(other, '2025-05-05T00-00-00_cccc'), { recursive: true });
    await writeFile(join(other, '2025-05-05T00-00-00_cccc', 'generation.json'), '{"id":"cccc"}');
    await writeFile(join(other, '.library-index.json'), 'theirs');
    const copied = await copyLibrary(from, other, () => undefined);
    const result = await tree(other);
    expect(result['.library-index.json']).toBe(createHash('sha256').update('theirs').digest('hex'));
    expect(result['2025-05-05T00-00-00_cccc/generation.json']).toBeDefined();
    expect(result['2026-01-02T10-00-00_bbbb/result.mp4']).toBeDefined();
    // Failing afterwards takes away only what was copied, never the other library's own files.
    expect(copied.created).not.toContain(other);
  });

  it('stops at a same-named file with other contents in the other library, and takes back what it copied', async () => {
    const other = join(dir, 'other');
    await mkdir(join(other, '2026-01-02T10-00-00_bbbb'), { recursive: true });
    await writeFile(join(other, '2026-01-02T10-00-00_bbbb', 'generation.json'), '{"id":"different"}');
    await expect(copyLibrary(from, other, () => undefined)).rejects.toThrow('already has “2026-01-02T10-00-00_bbbb/generation.json” with other contents');
    expect(Object.keys(await tree(other))).toEqual(['2026-01-02T10-00-00_bbbb/generation.json']);
  });

  it('a copy that fails in the middle leaves the original untouched and nothing at the new place', async () => {
    const original = await tree(from);
    const to = join(dir, 'new');
    const failing = copyLibrary(from, to, (p) => {
      // After the first file: the place of the next one is taken (as a full or failing disk would stop it).
      if (p.phase === 'copying' && p.files === 1) void mkdir(join(to, '2026-01-01T10-00-00_aaaa', 'result.mp4'), { recursive: true });
    });
    await expect(failing).rejects.toThrow(/Copying stopped: .*Nothing was moved; the library stays where it is/);
    expect(await tree(from)).toEqual(original);
    await expect(stat(to)).rejects.toThrow(/ENOENT/);
  });

  it('a copy that does not match the original is caught by the verification, and taken back', async () => {
    const original = await tree(from);
    const to = join(dir, 'new');
    const failing = copyLibrary(from, to, (p) => {
      if (p.phase === 'verifying' && p.files === 0) void writeFile(join(to, '2026-01-02T10-00-00_bbbb', 'result.mp4'), Buffer.alloc(50_000, 0));
    });
    await expect(failing).rejects.toThrow('The copy of “2026-01-02T10-00-00_bbbb/result.mp4” does not match the original');
    expect(await tree(from)).toEqual(original);
    await expect(stat(to)).rejects.toThrow(/ENOENT/);
  });

  it('an original written to during the copy (another program) stops the move', async () => {
    const to = join(dir, 'new');
    const failing = copyLibrary(from, to, (p) => {
      if (p.phase === 'verifying' && p.files === 0) void mkdir(join(from, '2026-01-03T10-00-00_dddd')).then(() => writeFile(join(from, '2026-01-03T10-00-00_dddd', 'generation.json'), '{}'));
    });
    await expect(failing).rejects.toThrow('The library changed while it was being copied');
    await expect(stat(to)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a library holding a link to somewhere else, before copying anything', async () => {
    await symlink('/etc', join(from, '2026-01-01T10-00-00_aaaa', 'escape'));
    await expect(copyLibrary(from, join(dir, 'new'), () => undefined)).rejects.toThrow('is a link to somewhere else');
    await expect(stat(join(dir, 'new'))).rejects.toThrow(/ENOENT/);
  });
});
