// request.json: the engine writes the body it sends into the generation's folder before the create leaves, with each
// image named by its file; putting the files back gives exactly what the provider received.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { encodePng } from '../../shared/kling/test-images';
import type { CreateTaskBody } from '../../shared/kling/wire';
import { inlineRecordedBody, REQUEST_FILE } from '../../shared/library/request-record';
import { creates, DEFAULT_SETTINGS, isCreate, makeRig, readRecordFromDisk, START_FRAME, startWorld, type World } from './engine-harness';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.close());

const MASK = encodePng({ width: 640, height: 360, pixel: (x) => [x < 320 ? 255 : 0] });
const STILL = encodePng({ width: 640, height: 360, pixel: (x) => [x >= 600 ? 255 : 0] });

it('is written before the create, names the files, and with them inlined equals the body the sandbox received', async () => {
  const folderText: (string | undefined)[] = [];
  let folder = '';
  const watch: typeof fetch = async (input, init) => {
    if (isCreate(input, init)) folderText.push(await readFile(join(folder, REQUEST_FILE), 'utf8').catch(() => undefined));
    return fetch(input, init);
  };
  const rig = makeRig(world, { fetch: watch });
  const created = await rig.library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { ...DEFAULT_SETTINGS, prompt: 'the left half drifts up', cfgScale: 0.7 },
    files: [
      { name: 'start.png', bytes: START_FRAME },
      { name: 'static_mask.png', bytes: STILL },
      { name: 'dynamic_mask_1.png', bytes: MASK },
    ],
    inputs: {
      start: 'start.png',
      staticMask: 'static_mask.png',
      dynamicMasks: [{ file: 'dynamic_mask_1.png', trajectory: [{ x: 100, y: 300 }, { x: 200, y: 100 }] }],
    },
  });
  folder = rig.library.folderPath(created);
  rig.engine.start(created.id);
  await rig.engine.idle();

  expect((await readRecordFromDisk(world.root, created.id))?.status).toBe('succeed');
  expect(folderText).toHaveLength(1);
  expect(folderText[0]).toBeDefined();
  const recorded = JSON.parse(folderText[0]!) as CreateTaskBody;
  expect(recorded).toMatchObject({
    model_name: 'kling-v1',
    image: 'start.png',
    static_mask: 'static_mask.png',
    dynamic_masks: [{ mask: 'dynamic_mask_1.png', trajectories: [{ x: 100, y: 60 }, { x: 200, y: 260 }] }],
    cfg_scale: 0.7,
    duration: '5',
    external_task_id: created.externalTaskId,
  });
  const sent = creates(world.server)[0]?.body;
  const rebuilt = await inlineRecordedBody(recorded, async (file) => new Uint8Array(await readFile(join(folder, file))));
  expect(rebuilt).toEqual(sent);
  // What is on disk after the run is what was there at the create.
  expect(await readFile(join(folder, REQUEST_FILE), 'utf8')).toBe(folderText[0]);
});

it('an older record without request.json still loads, and resuming it writes one', async () => {
  const rig = makeRig(world);
  const created = await rig.library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: DEFAULT_SETTINGS,
    files: [{ name: 'start.png', bytes: START_FRAME }],
    inputs: { start: 'start.png' },
  });
  expect((await rig.library.list()).items.map((r) => r.id)).toEqual([created.id]);
  expect(await rig.engine.resume()).toBe(1);
  await rig.engine.idle();
  const text = await readFile(join(rig.library.folderPath(created), REQUEST_FILE), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ image: 'start.png', external_task_id: created.externalTaskId });
});
