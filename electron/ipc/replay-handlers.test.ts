// The player's handlers over a real library folder: details read request.json when there is one and cope without it,
// the desktop gets the clip's path, Generate again copies exactly the inputs, and Re-download refuses what it cannot do.
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../shared/kling/test-images';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { Library } from '../library/library';
import type { TaskEngine } from '../tasks/engine';
import type { ActiveProvider } from '../tasks/provider';
import type { ProviderRegistry } from '../tasks/providers';
import { replayHandlers } from './replay-handlers';

const START = encodePng({ width: 640, height: 360, colorType: 2 });
const MASK = encodePng({ width: 640, height: 360, pixel: (x) => [x < 100 ? 255 : 0] });
const sandbox = { id: 'sandbox', kind: 'sandbox', label: 'Sandbox', baseUrl: 'http://127.0.0.1:1', account: 'acc' } as ActiveProvider;
const providers = { byId: (id: string) => (id === 'sandbox' ? sandbox : undefined), current: () => sandbox } as unknown as ProviderRegistry;

let root: string;
let library: Library;
let started: string[];
let desktop: RecordingDesktopShell;
let handlers: ReturnType<typeof replayHandlers>;
const now = new Date(Date.UTC(2026, 10, 21, 12));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'player-replay-'));
  library = new Library({ root, now: () => now });
  started = [];
  desktop = new RecordingDesktopShell(join(root, '..', `${root.split('/').pop()}-trash`));
  const engine = { start: (id: string) => void started.push(id) } as unknown as TaskEngine;
  handlers = replayHandlers({ library, engine, providers, desktop, now: () => now, mediaUrl: (f, file) => `media:${f}/${file}` });
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function finished(withRequest: boolean) {
  const record = await library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'Waves roll in', negativePrompt: 'blur' },
    files: [
      { name: 'start.png', bytes: START },
      { name: 'static_mask.png', bytes: MASK },
      { name: 'dynamic_mask_1.png', bytes: MASK },
    ],
    inputs: { start: 'start.png', staticMask: 'static_mask.png', dynamicMasks: [{ file: 'dynamic_mask_1.png', trajectory: [{ x: 1, y: 2 }, { x: 30, y: 40 }] }] },
  });
  const folder = library.folderPath(record);
  await writeFile(join(folder, 'result.mp4'), 'clip');
  if (withRequest) await writeFile(join(folder, 'request.json'), JSON.stringify({ model_name: 'kling-v1', image: 'start.png' }));
  return library.update(record.id, (r) => {
    r.status = 'succeed';
    r.taskId = 'task-1';
    r.result = { file: 'result.mp4', bytes: 4 };
    r.timings.finishedAt = now.toISOString();
  });
}

describe('details', () => {
  it('carries request.json, the masks sent with their paths, and whether the clip is on disk', async () => {
    const g = await finished(true);
    const d = await handlers['generations:details']({ id: g.id });
    expect(d.requestBody).toEqual({ model_name: 'kling-v1', image: 'start.png' });
    expect(d.masks.static?.url).toBe(`media:${g.folder}/static_mask.png`);
    expect(d.masks.dynamic).toEqual([{ file: 'dynamic_mask_1.png', url: `media:${g.folder}/dynamic_mask_1.png`, trajectory: [{ x: 1, y: 2 }, { x: 30, y: 40 }] }]);
    expect(d.clipOnDisk).toBe(true);
    expect(d.clipFrameRate).toBeUndefined(); // four bytes say no frame rate: the player keeps its default
  });

  it('reads the clip’s frame rate from its file, for the player’s frame steps', async () => {
    const g = await finished(false);
    await copyFile(join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'clip-30fps.mp4'), join(library.folderPath(g), 'result.mp4'));
    expect((await handlers['generations:details']({ id: g.id })).clipFrameRate).toBe(30);
  });

  it('shows an old record without request.json as it is, and says when the clip is gone', async () => {
    const g = await finished(false);
    await unlink(join(library.folderPath(g), 'result.mp4'));
    const d = await handlers['generations:details']({ id: g.id });
    expect(d.requestBody).toBeUndefined();
    expect(d.requestProblem).toBeUndefined();
    expect(d.clipOnDisk).toBe(false);
  });

  it('reports a damaged request.json instead of failing', async () => {
    const g = await finished(false);
    await writeFile(join(library.folderPath(g), 'request.json'), '{not json');
    expect((await handlers['generations:details']({ id: g.id })).requestProblem).toMatch(/cannot be read/);
  });
});

describe('desktop', () => {
  it('reveals the clip and saves a copy where the person chose, or nothing when they cancel', async () => {
    const g = await finished(true);
    await handlers['generations:reveal']({ id: g.id });
    expect(desktop.revealed).toEqual([join(library.folderPath(g), 'result.mp4')]);
    expect(await handlers['generations:saveVideo']({ id: g.id })).toBeNull();
    desktop.nextSavePath = join(root, 'copy.mp4');
    expect(await handlers['generations:saveVideo']({ id: g.id })).toBe(join(root, 'copy.mp4'));
    expect(await readFile(join(root, 'copy.mp4'), 'utf8')).toBe('clip');
  });
});

describe('again and re-download', () => {
  it('makes a new generation from the same files and parameters, and starts it', async () => {
    const g = await finished(true);
    const again = await handlers['generations:again']({ id: g.id });
    expect(again.id).not.toBe(g.id);
    expect(again.status).toBe('submitting');
    expect(again.settings).toEqual(g.settings);
    expect(again.inputs).toEqual(g.inputs);
    expect(again.externalTaskId).not.toBe(g.externalTaskId);
    for (const file of ['start.png', 'static_mask.png', 'dynamic_mask_1.png']) {
      expect(await readFile(join(root, again.folder, file))).toEqual(await readFile(join(root, g.folder, file)));
    }
    expect(started).toEqual([again.id]);
  });

  it('downloads a missing clip again, and refuses while the clip is there', async () => {
    const g = await finished(true);
    await expect(handlers['generations:redownload']({ id: g.id })).rejects.toThrow(/already in the library/);
    await unlink(join(library.folderPath(g), 'result.mp4'));
    const r = await handlers['generations:redownload']({ id: g.id });
    expect(r.status).toBe('downloading');
    expect(started).toEqual([g.id]);
  });
});
