// The watcher keeps the index in step with another program writing the same library folder (the command line, a
// second app instance, a person in the file manager), on a real temporary folder with real fs.watch events.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { libraryQuerySchema } from '../../shared/library/query';
import { encodePng } from '../../shared/kling/test-images';
import type { GenerationRecord } from '../../shared/library/generation';
import { Library, type NewGeneration } from './library';
import type { OutsideChange } from './library-index';
import { LibraryWatcher } from './library-watcher';

const spec = (prompt: string): NewGeneration => ({
  provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
  settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt, negativePrompt: '' },
  files: [{ name: 'start.png', bytes: encodePng({ width: 640, height: 360 }) }],
  inputs: { start: 'start.png' },
});

let base: string;
let root: string;
let app: Library;
let watcher: LibraryWatcher;
/** What the watcher told, in order. */
let told: OutsideChange[];
/** How many times the window would have been asked to load its pages again. */
const listChanges = () => told.filter((c) => c.list).length;
const recordsTold = () => told.flatMap((c) => c.records);
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'ks-library-watch-'));
  root = join(base, 'library');
  await mkdir(root);
  app = new Library({ root });
  told = [];
  watcher = new LibraryWatcher({ index: app.index, onChange: (change) => told.push(change), settleMs: 50, retryMs: 50 });
  await app.index.ready();
  watcher.start();
});
afterEach(async () => {
  watcher.stop();
  await rm(base, { recursive: true, force: true });
});

const prompts = () => app.index.query(libraryQuerySchema.parse({})).map((r) => app.index.row(r.id)?.text.split('\n')[0]);
const WAIT = { timeout: 5_000, interval: 20 };

describe('library watcher', () => {
  it('lists a generation another program adds, follows it to its end, and lets it go when removed', async () => {
    const cli = new Library({ root }); // the command line: its own process, its own Library over the same folder
    const made = await cli.create(spec('made by the command line'));
    await vi.waitFor(() => expect(prompts()).toEqual(['made by the command line']), WAIT);
    expect(listChanges()).toBeGreaterThan(0);
    expect(app.index.row(made.id)?.status).toBe('submitting');

    // Its record changes inside its folder (no event at the root): the unfinished folder is watched itself.
    await cli.update(made.id, (r) => void (r.status = 'processing'));
    await vi.waitFor(() => expect(app.index.row(made.id)?.status).toBe('processing'), WAIT);
    await cli.update(made.id, (r) => void (r.status = 'succeed'));
    await vi.waitFor(() => expect(app.index.row(made.id)?.status).toBe('succeed'), WAIT);

    await rm(join(root, made.folder), { recursive: true });
    await vi.waitFor(() => expect(app.index.size).toBe(0), WAIT);
  });

  it('lists a folder as damaged while its record is missing or half-written, and as a generation once it is whole', async () => {
    const folder = '2026-12-01T10-00-00_abcdef0123';
    await mkdir(join(root, folder));
    await vi.waitFor(() => expect(app.index.problems().map((p) => p.message)).toEqual(['generation.json is missing']), WAIT);
    // Its record is written inside it (no event at the root): a damaged folder is watched itself.
    await writeFile(join(root, folder, 'generation.json'), '{');
    await vi.waitFor(() => expect(app.index.problems()[0]?.message).toMatch(/not valid JSON/), WAIT);
    const elsewhere = await new Library({ root: join(base, 'elsewhere') }).create(spec('whole at last'));
    await writeFile(join(root, folder, 'generation.json'), JSON.stringify({ ...elsewhere, id: 'abcdef0123', folder }));
    await vi.waitFor(() => expect(prompts()).toEqual(['whole at last']), WAIT);
    expect(app.index.problems()).toEqual([]);
  });

  it('says nothing about this process’s own writes, which reach the index directly', async () => {
    const made = await app.create(spec('made here'));
    await app.update(made.id, (r) => void (r.status = 'processing'));
    await app.update(made.id, (r) => void (r.download = { receivedBytes: 10, totalBytes: 100 }));
    // Then another program adds one: its events come after ours, so once it is told, ours have been looked at.
    await new Library({ root }).create(spec('made by the command line'));
    await vi.waitFor(() => expect(prompts()).toEqual(['made by the command line', 'made here']), WAIT);
    // What was told is the other program's new generation (a change of the lists), and nothing of ours.
    await vi.waitFor(() => expect(listChanges()).toBeGreaterThan(0), WAIT);
    expect(recordsTold()).toEqual([]);
  });

  it('tells a download’s progress written by another program as a changed record, never as a change of the lists', async () => {
    const cli = new Library({ root });
    const made = await cli.create(spec('downloaded by the command line'));
    await cli.update(made.id, (r) => void (r.status = 'downloading'));
    await vi.waitFor(() => expect(app.index.row(made.id)?.status).toBe('downloading'), WAIT);
    const before = listChanges();
    const progressTold = (bytes: number) => recordsTold().some((r: GenerationRecord) => r.id === made.id && r.download?.receivedBytes === bytes);
    // As `npm run kling` saves it, a few times a second; each write is seen before the next.
    for (const bytes of [1_000, 2_000, 3_000, 4_000, 5_000]) {
      await cli.update(made.id, (r) => void (r.download = { receivedBytes: bytes, totalBytes: 8_000 }));
      await vi.waitFor(() => expect(progressTold(bytes)).toBe(true), WAIT);
    }
    expect(listChanges()).toBe(before);
    // Its end changes what the lists show (in flight → succeeded): told as such, with the record as it ended.
    await cli.update(made.id, (r) => {
      r.status = 'succeed';
      delete r.download;
    });
    await vi.waitFor(() => expect(app.index.row(made.id)?.status).toBe('succeed'), WAIT);
    await vi.waitFor(() => expect(listChanges()).toBe(before + 1), WAIT);
    expect(told.at(-1)?.records.map((r) => [r.id, r.status])).toEqual([[made.id, 'succeed']]);
  });

  it('survives the library folder going away and coming back', async () => {
    const cli = new Library({ root });
    await cli.create(spec('before'));
    await vi.waitFor(() => expect(app.index.size).toBe(1), WAIT);
    await rename(root, `${root}-away`);
    await vi.waitFor(() => expect(app.index.size).toBe(0), WAIT);
    await rename(`${root}-away`, root);
    await vi.waitFor(() => expect(prompts()).toEqual(['before']), WAIT);
    await cli.create(spec('after'));
    await vi.waitFor(() => expect(prompts()).toEqual(['after', 'before']), WAIT);
    // Generations that came (every one, when the folder came back) change the lists; none is told one by one (a
    // library of 10,000 coming back would be 10,000 messages).
    expect(recordsTold()).toEqual([]);
  });
});
