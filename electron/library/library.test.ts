// The library on disk: what `create` writes, that `update` persists and serialises, that `list` survives damaged
// folders and reads newest first, that `resolveFile` never leaves a generation folder, and that atomic writes leave
// no temp files behind.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../shared/kling/test-images';
import { writeFileAtomic } from './atomic-write';
import { Library, RECORD_FILE, type NewGeneration } from './library';

const START = encodePng({ width: 640, height: 360 });
const spec = (prompt = 'a cat'): NewGeneration => ({
  provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
  settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt, negativePrompt: '' },
  files: [{ name: 'start.png', bytes: START }],
  inputs: { start: 'start.png' },
});

let root: string;
let clock: { t: number };
let library: Library;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ks-library-'));
  clock = { t: Date.UTC(2026, 10, 21, 10, 32, 5, 0) };
  library = new Library({ root, now: () => new Date(clock.t) });
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Every file under `dir`, relative, recursively. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('create', () => {
  it('writes the inputs and a submitting record with an external_task_id, before anything is sent', async () => {
    const record = await library.create(spec());
    expect(record.folder).toBe(`2026-11-21T10-32-05_${record.id}`);
    const dir = join(root, record.folder);
    expect(new Uint8Array(await readFile(join(dir, 'start.png')))).toEqual(START);
    const onDisk = JSON.parse(await readFile(join(dir, RECORD_FILE), 'utf8')) as typeof record;
    expect(onDisk.status).toBe('submitting');
    expect(onDisk.externalTaskId).toMatch(/^ks-[0-9a-f-]{36}$/);
    expect(onDisk).toEqual(record);
    expect(onDisk.taskId).toBeUndefined();
    expect(onDisk.timings).toEqual({});
  });

  it('gives every generation its own external_task_id', async () => {
    const a = await library.create(spec());
    const b = await library.create(spec());
    expect(a.externalTaskId).not.toBe(b.externalTaskId);
    expect(a.id).not.toBe(b.id);
  });

  it('refuses an input file name that could leave the folder', async () => {
    await expect(library.create({ ...spec(), files: [{ name: '../evil.png', bytes: START }] })).rejects.toThrow(/Unsafe/);
  });
});

describe('get', () => {
  it('finds a generation whose folder another program renamed while the app runs, and updates it there', async () => {
    const made = await library.create(spec('renamed elsewhere'));
    expect((await library.get(made.id))?.folder).toBe(made.folder); // now known by its folder
    const moved = `${made.folder}-kept`;
    await cp(join(root, made.folder), join(root, moved), { recursive: true });
    await rm(join(root, made.folder), { recursive: true });
    expect((await library.get(made.id))?.settings.prompt).toBe('renamed elsewhere');
    await library.update(made.id, (r) => void (r.creditsCharged = '1'));
    expect(JSON.parse(await readFile(join(root, moved, RECORD_FILE), 'utf8')).creditsCharged).toBe('1');
  });
});

describe('update', () => {
  it('persists a change made by a callback that mutates and returns nothing', async () => {
    const { id } = await library.create(spec());
    clock.t += 1000;
    const returned = await library.update(id, (r) => {
      r.status = 'processing';
      r.taskId = 'task-1';
    });
    const fresh = new Library({ root }); // no cache: read straight from disk
    const onDisk = await fresh.get(id);
    expect(onDisk?.status).toBe('processing');
    expect(onDisk?.taskId).toBe('task-1');
    expect(onDisk?.updatedAt).toBe(new Date(clock.t).toISOString());
    expect(returned).toEqual(onDisk);
  });

  it('persists the record a callback returns', async () => {
    const { id } = await library.create(spec());
    await library.update(id, (r) => ({ ...r, creditsCharged: '2' }));
    expect((await new Library({ root }).get(id))?.creditsCharged).toBe('2');
  });

  it('serialises concurrent updates: 20 parallel read-modify-writes lose nothing', async () => {
    const { id } = await library.create(spec());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        library.update(id, (r) => {
          r.settings.prompt += `,${i}`;
        }),
      ),
    );
    const prompt = (await new Library({ root }).get(id))?.settings.prompt ?? '';
    const added = prompt.split(',').slice(1).map(Number);
    expect(added).toHaveLength(20);
    expect(new Set(added).size).toBe(20);
  });

  it('a callback that throws leaves the record as it was and does not block later updates', async () => {
    const { id } = await library.create(spec());
    await expect(
      library.update(id, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await library.update(id, (r) => void (r.status = 'queued'));
    expect((await library.get(id))?.status).toBe('queued');
  });

  it('rejects an id the library does not hold', async () => {
    await expect(library.update('nope', () => undefined)).rejects.toThrow(/No generation nope/);
  });
});

describe('list', () => {
  it('returns generations newest first, even within one second', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.t += i === 2 ? 1000 : 7; // two pairs that share a second
      ids.push((await library.create(spec(`p${i}`))).id);
    }
    const { items, problems } = await new Library({ root }).list();
    expect(problems).toEqual([]);
    expect(items.map((r) => r.id)).toEqual([...ids].reverse());
  });

  it('reports a damaged folder (bad JSON, missing record, foreign JSON) as a problem and lists the rest', async () => {
    const good = await library.create(spec());
    await mkdir(join(root, '2026-01-01T00-00-00_badjson'));
    await writeFile(join(root, '2026-01-01T00-00-00_badjson', RECORD_FILE), '{"schemaVersion": 1, "id": ');
    await mkdir(join(root, '2026-01-01T00-00-00_missing'));
    await mkdir(join(root, '2026-01-01T00-00-00_foreign'));
    await writeFile(join(root, '2026-01-01T00-00-00_foreign', RECORD_FILE), '{"hello": "world"}');
    await writeFile(join(root, 'stray-file.txt'), 'not a folder');

    const { items, problems } = await new Library({ root }).list();
    expect(items.map((r) => r.id)).toEqual([good.id]);
    const byFolder = Object.fromEntries(problems.map((p) => [p.folder, p.message]));
    expect(byFolder).toEqual({
      '2026-01-01T00-00-00_badjson': expect.stringMatching(/not valid JSON/),
      '2026-01-01T00-00-00_missing': expect.stringMatching(/missing/),
      '2026-01-01T00-00-00_foreign': expect.stringMatching(/not a generation record/),
    });
  });

  it('lists a copied folder (same id) once: the one named after its id is kept, the copy reported', async () => {
    const original = await library.create(spec());
    clock.t += 1000;
    const other = await library.create(spec('another'));
    // "… copy" sorts before the original in newest-first order, so "first wins" alone would keep the copy.
    const copy = `${original.folder} copy`;
    await cp(join(root, original.folder), join(root, copy), { recursive: true });

    const fresh = new Library({ root });
    const { items, problems } = await fresh.list();
    expect(items.map((r) => [r.id, r.folder])).toEqual([
      [other.id, other.folder],
      [original.id, original.folder],
    ]);
    expect(problems).toEqual([{ folder: copy, message: `same id as ${original.folder} (${original.id}); only ${original.folder} is listed` }]);
    expect((await fresh.get(original.id))?.folder).toBe(original.folder);
  });

  it('of two folders that both look like their own, keeps the first in newest-first order', async () => {
    const original = await library.create(spec());
    const newer = original.folder.replace(/^\d{4}/, '2027');
    await cp(join(root, original.folder), join(root, newer), { recursive: true });

    const { items, problems } = await new Library({ root }).list();
    expect(items.map((r) => r.folder)).toEqual([newer]);
    expect(problems).toEqual([{ folder: original.folder, message: expect.stringMatching(new RegExp(`^same id as ${newer} `)) as unknown }]);
  });

  it('an absent root is an empty library', async () => {
    expect(await new Library({ root: join(root, 'not-yet') }).list()).toEqual({ items: [], problems: [] });
  });

  it('finds a generation made by another Library instance over the same folder', async () => {
    const { id } = await library.create(spec());
    expect((await new Library({ root }).get(id))?.id).toBe(id);
  });
});

describe('resolveFile', () => {
  it('resolves a plain file inside a generation folder', () => {
    expect(library.resolveFile('2026-11-21T10-32-05_abc', 'result.mp4')).toBe(join(root, '2026-11-21T10-32-05_abc', 'result.mp4'));
  });

  it.each([
    ['..', 'x.mp4'],
    ['folder', '..'],
    ['.', 'x.mp4'],
    ['folder', '.hidden'],
    ['.git', 'config'],
    ['folder/../..', 'x.mp4'],
    ['folder', '../x.mp4'],
    ['folder', 'a/b.mp4'],
    ['folder', 'a\\b.mp4'],
    ['/etc', 'passwd'],
    ['', 'x.mp4'],
    ['folder', ''],
  ])('refuses folder %j file %j', (folder, file) => {
    expect(library.resolveFile(folder, file)).toBeUndefined();
  });
});

describe('atomic writes', () => {
  it('leave no temp files after create and many updates', async () => {
    const { id } = await library.create(spec());
    await Promise.all(Array.from({ length: 10 }, () => library.update(id, (r) => void (r.status = 'processing'))));
    const files = await allFiles(root);
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([RECORD_FILE, 'start.png']);
  });

  it('leave neither a temp file nor a changed target when the rename fails', async () => {
    const dir = join(root, 'target-is-a-folder');
    await mkdir(dir);
    await writeFile(join(dir, 'keep.txt'), 'x');
    await expect(writeFileAtomic(dir, 'data')).rejects.toThrow();
    expect((await readdir(root)).sort()).toEqual(['target-is-a-folder']);
  });

  it('replace the whole content', async () => {
    const path = join(root, 'f.json');
    await writeFileAtomic(path, 'a much longer first version');
    await writeFileAtomic(path, 'short');
    expect(await readFile(path, 'utf8')).toBe('short');
  });
});
