// The index is a cache of the folders: rebuilt when missing, stale or of another version; updated as records are
// written; damaged folders listed with their reason; queries (search, filters, sort) over it.
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLibrary, promptOf } from '../../e2e/fixtures/make-library';
import type { GenerationRecord } from '../../shared/library/generation';
import { libraryQuerySchema, type LibraryQuery } from '../../shared/library/query';
import { INDEX_FILE, INDEX_VERSION, LibraryIndex } from './library-index';
import { Library } from './library';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ks-library-index-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const q = (query: LibraryQuery = {}) => libraryQuerySchema.parse(query);
const NOW = new Date('2026-12-01T12:00:00.000Z');

describe('library index', () => {
  it('is rebuilt from the folders when its file is missing, and written for the next start', async () => {
    makeLibrary(root, 30, { now: NOW });
    const index = new LibraryIndex(root);
    await index.ready();
    expect(index.lastLoad?.rebuilt).toBe(true);
    expect(index.size).toBe(30);
    const file = JSON.parse(await readFile(join(root, INDEX_FILE), 'utf8')) as { version: number; rows: unknown[] };
    expect(file.version).toBe(INDEX_VERSION);
    expect(file.rows).toHaveLength(30);

    const warm = new LibraryIndex(root);
    await warm.ready();
    expect(warm.lastLoad).toMatchObject({ rebuilt: false, reread: 0 });
    expect(warm.query(q()).map((r) => r.id)).toEqual(index.query(q()).map((r) => r.id));
  });

  it('answers the newest page while it is first built, before every folder is read, and the full page after', async () => {
    makeLibrary(root, 1000, { now: NOW });
    const library = new Library({ root });
    const early = await library.index.early(q(), 60);
    // Answered from the first chunk of folders read, not all 1,000 (the build goes on in the background).
    expect(library.index.size).toBeLessThan(1000);
    expect(early?.total).toBe(1000);
    expect(early?.rows.slice(0, 60).map((r) => r.text.split('\n')[0])).toEqual(Array.from({ length: 60 }, (_, i) => promptOf(i).toLowerCase()));
    const first = await library.page(q(), 0, 60);
    expect(first.total).toBe(1000);
    expect(first.items.map((r) => r.settings.prompt)).toEqual(Array.from({ length: 60 }, (_, i) => promptOf(i)));
    // A search waits for the whole index.
    const found = await library.page(q({ search: '#999' }), 0, 60);
    expect(found.items.map((r) => r.settings.prompt)).toEqual([promptOf(999)]);
    expect(library.index.lastLoad?.rebuilt).toBe(true);
    expect((await library.page(q(), 0, 60)).items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
  });

  it('answers pages from its file at once while checking it against the folders, and says whether the check changed anything', async () => {
    const made = makeLibrary(root, 30, { now: NOW });
    await new LibraryIndex(root).ready();
    const same = new LibraryIndex(root);
    const page = await same.early(q({ search: '#7' }), 60);
    expect(page?.rows.map((r) => r.id)).toEqual([made[7]!.id]);
    await same.ready();
    expect(same.lastLoad?.changed).toBe(false);
    expect(await same.early(q(), 60)).toBeUndefined(); // loaded: pages wait for nothing, and go the usual way

    await rm(join(root, made[3]!.folder), { recursive: true });
    const gone = new LibraryIndex(root);
    // A folder removed is dropped by the listing, before any record is compared.
    expect((await gone.early(q(), 60))?.total).toBe(29);
    await gone.ready();
    expect(gone.lastLoad?.changed).toBe(true);
    expect(gone.size).toBe(29);
  });

  it('is rebuilt when its file is damaged or of another version', async () => {
    makeLibrary(root, 5, { now: NOW });
    await writeFile(join(root, INDEX_FILE), '{"version": 1, "rows": [');
    const damaged = new LibraryIndex(root);
    await damaged.ready();
    expect(damaged.lastLoad?.rebuilt).toBe(true);
    expect(damaged.size).toBe(5);
    await writeFile(join(root, INDEX_FILE), JSON.stringify({ version: INDEX_VERSION + 1, rows: [], damaged: [] }));
    const other = new LibraryIndex(root);
    await other.ready();
    expect(other.lastLoad?.rebuilt).toBe(true);
    expect(other.size).toBe(5);
  });

  it('reads again only what changed on disk since it was written (another program, a folder removed)', async () => {
    const made = makeLibrary(root, 10, { now: NOW });
    await new LibraryIndex(root).ready();
    // The command line finished one; a folder was removed by hand; one was copied in.
    const changed = made[3]!;
    const path = join(root, changed.folder, 'generation.json');
    const record = JSON.parse(await readFile(path, 'utf8')) as { settings: { prompt: string } };
    record.settings.prompt = 'Changed by the command line';
    await writeFile(path, JSON.stringify(record));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    await rm(join(root, made[5]!.folder), { recursive: true });
    const index = new LibraryIndex(root);
    await index.ready();
    expect(index.lastLoad).toMatchObject({ rebuilt: false, reread: 1 });
    expect(index.size).toBe(9);
    expect(index.query(q({ search: 'command line' })).map((r) => r.id)).toEqual([changed.id]);
  });

  it('lists a copy set aside for carrying the same id as soon as the kept folder goes, and at later starts', async () => {
    const [made] = makeLibrary(root, 1, { now: NOW });
    if (!made) throw new Error('one generation expected');
    const copy = `${made.folder} copy`;
    await cp(join(root, made.folder), join(root, copy), { recursive: true });
    const index = new LibraryIndex(root);
    await index.ready();
    expect(index.folderOf(made.id)).toBe(made.folder);
    // The original is removed by hand; the watcher names it.
    await rm(join(root, made.folder), { recursive: true });
    await index.recheck([made.folder]);
    expect(index.folderOf(made.id)).toBe(copy);
    expect(index.size).toBe(1);
    await index.save(); // as at quit
    const next = new LibraryIndex(root);
    await next.ready();
    expect(next.folderOf(made.id)).toBe(copy);
  });

  it('lists a damaged or half-written folder with its reason and never stops the rest', async () => {
    makeLibrary(root, 3, { now: NOW });
    await mkdir(join(root, '2026-11-30T00-00-00_halfwritten'));
    await mkdir(join(root, '2026-11-30T00-00-01_badjson'));
    await writeFile(join(root, '2026-11-30T00-00-01_badjson', 'generation.json'), '');
    await mkdir(join(root, '2026-11-30T00-00-02_newer'));
    await writeFile(join(root, '2026-11-30T00-00-02_newer', 'generation.json'), JSON.stringify({ schemaVersion: 99, id: 'x', status: 'succeed' }));
    const index = new LibraryIndex(root);
    await index.ready();
    expect(index.size).toBe(3);
    expect(Object.fromEntries(index.problems().map((p) => [p.folder, p.message]))).toEqual({
      '2026-11-30T00-00-00_halfwritten': 'generation.json is missing',
      '2026-11-30T00-00-01_badjson': expect.stringMatching(/not valid JSON .*empty/),
      '2026-11-30T00-00-02_newer': expect.stringMatching(/newer Kling Studio/),
    });
  });

  it('searches prompt, negative prompt, model and task ids; filters by status, model, feature, profile and days; sorts', async () => {
    const made = makeLibrary(root, 200, { now: NOW, stepMinutes: 60 });
    const index = new LibraryIndex(root);
    await index.ready();
    expect(index.query(q({ search: '#17' })).map((r) => r.id)).toContain(made[17]!.id);
    expect(index.query(q({ search: promptOf(17) })).map((r) => r.id)).toEqual([made[17]!.id]);
    expect(index.query(q({ search: `task-${made[42]!.id}` })).map((r) => r.id)).toEqual([made[42]!.id]);
    expect(index.query(q({ search: 'WATERMARK' })).length).toBe(40); // every 5th has that negative prompt
    expect(index.query(q({ status: 'failed' })).every((r) => r.status === 'failed')).toBe(true);
    expect(index.query(q({ status: 'failed' })).length).toBe(3); // 5, 102, 199
    expect(index.query(q({ model: 'kling-v2-6' })).length).toBe(33);
    expect(index.query(q({ feature: 'camera' })).length).toBe(5); // 0, 41, 82, 123, 164
    expect(index.query(q({ profile: 'sandbox' })).length).toBe(200);
    expect(index.query(q({ profile: 'nobody' })).length).toBe(0);
    // NOW is 12:00 UTC on 1 December; one an hour before it: 13 on that day (00:00–12:00), 24 on 30 November.
    expect(index.query(q({ from: '2026-12-01' })).length).toBe(13);
    expect(index.query(q({ from: '2026-11-30', to: '2026-11-30' })).length).toBe(24);
    // In a time zone 2 hours ahead, 1 December starts 2 hours earlier.
    expect(index.query(q({ from: '2026-12-01', tzOffsetMinutes: 120 })).length).toBe(15);
    const newest = index.query(q()).map((r) => r.id);
    expect(newest[0]).toBe(made[0]!.id);
    expect(index.query(q({ sort: 'oldest' })).map((r) => r.id)).toEqual([...newest].reverse());
  });

  it('follows the records the Library writes, and keeps the unfinished ones for the engine without reading the rest', async () => {
    makeLibrary(root, 20, { now: NOW });
    const library = new Library({ root });
    const created = await library.create({
      provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
      settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'Fresh one', negativePrompt: '' },
      files: [],
      inputs: {},
    });
    expect(await library.unfinished()).toEqual([created.id]);
    await library.update(created.id, (r) => void (r.status = 'succeed'));
    expect(await library.unfinished()).toEqual([]);
    expect(library.index.row(created.id)?.status).toBe('succeed');
    const page = await library.page(q({ search: 'fresh' }), 0, 10);
    expect(page).toMatchObject({ total: 21, matching: 1 });
    expect(page.items[0]?.settings.prompt).toBe('Fresh one');
    await library.index.save();
    const next = new LibraryIndex(root);
    await next.ready();
    expect(next.lastLoad?.reread).toBe(0);
    expect(next.row(created.id)?.status).toBe('succeed');
  });

  it('answers the last price Kling charged for a model, mode, duration and sound, from succeeded generations only', async () => {
    const made = makeLibrary(root, 40, { now: NOW });
    const index = new LibraryIndex(root);
    await index.ready();
    const row = (i: number) => index.row(made[i]!.id)!;
    // made[0] is the newest: its own kind of task was last charged for it.
    expect(index.lastPrice(row(0).price)).toMatchObject({ id: made[0]!.id, credits: row(0).credits });
    expect(index.lastPrice({ ...row(0).price, model: 'kling-v3' })).toBeNull();
    expect(index.lastPrice({ ...row(0).price, sound: 'on' })).toBeNull();
    // made[5] failed (Kling charges nothing for it): the price comes from the newest succeeded one of its kind.
    expect(row(5).status).toBe('failed');
    const same = made.map((_, i) => row(i)).filter((r) => r.status === 'succeed' && JSON.stringify(r.price) === JSON.stringify(row(5).price));
    expect(index.lastPrice(row(5).price)?.id).toBe(same.sort((a, b) => b.createdMs - a.createdMs)[0]?.id);
  });

  it('prices a task with voices only from tasks with voices, and one without only from tasks without', async () => {
    const made = makeLibrary(root, 3, { now: NOW });
    // made[0] is the newest: sound without voices; made[1], older, has a voice; they were charged differently.
    const edit = async (i: number, change: (record: GenerationRecord) => void) => {
      const file = join(root, made[i]!.folder, 'generation.json');
      const record = JSON.parse(await readFile(file, 'utf8')) as GenerationRecord;
      Object.assign(record.settings, { model: 'kling-v2-6', mode: 'pro', duration: '5', sound: 'on' });
      change(record);
      await writeFile(file, JSON.stringify(record));
    };
    await edit(0, (r) => {
      delete r.settings.voices;
      r.creditsCharged = '3';
    });
    await edit(1, (r) => {
      r.settings.voices = ['voice-abc'];
      r.creditsCharged = '5';
    });
    const index = new LibraryIndex(root);
    await index.ready();
    const key = { model: 'kling-v2-6', mode: 'pro', duration: '5', sound: 'on' } as const;
    expect(index.lastPrice({ ...key, voices: true })).toMatchObject({ id: made[1]!.id, credits: '5' });
    expect(index.lastPrice({ ...key, voices: false })).toMatchObject({ id: made[0]!.id, credits: '3' });
    // No silent task with voices was ever charged.
    expect(index.lastPrice({ ...key, sound: 'off', voices: true })).toBeNull();
  });
});
