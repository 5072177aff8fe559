// The command line's `generate --dry-run` and the composer's "Show request" (composer:previewRequest) print the same
// body for the same inputs: both go through validation and buildCreateBody, but each reads its inputs its own way
// (flags and files; the bridge's composed generation), so this proves the two readings agree field for field.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestPreview } from '../../shared/ipc/contract';
import { encodePng } from '../../shared/kling/test-images';
import type { CreateTaskBody } from '../../shared/kling/wire';
import type { StudioServices } from '../services';
import { makeRig, servicesOver, startWorld as startAppWorld, type World as AppWorld } from '../tasks/engine-harness';
import { API_KEY, startWorld as startCliWorld, type World as CliWorld } from './test-world';

let app: AppWorld;
let services: StudioServices;
let cli: CliWorld;
beforeEach(async () => {
  [app, cli] = await Promise.all([startAppWorld(), startCliWorld()]);
  services = servicesOver(app, makeRig(app), () => undefined);
});
afterEach(async () => {
  await services.engine.idle();
  services.stop();
  await Promise.all([app.close(), cli.close()]);
});

/** Every image in full: the comparison is of whole bodies, not of their folded view. */
const ALL_IMAGES = ['image', 'image_tail', 'static_mask', 'dynamic_masks.0.mask', 'dynamic_masks.1.mask'];

async function showRequest(composed: object): Promise<CreateTaskBody> {
  const result = await services.registry.handle('composer:previewRequest', { ...composed, expand: ALL_IMAGES }, { url: 'app://studio' });
  if (!result.ok) throw new Error(result.error.message);
  const preview = result.value as RequestPreview;
  expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (!preview.body) throw new Error('no body');
  return preview.body;
}

async function dryRun(args: string[]): Promise<CreateTaskBody> {
  const { code, stdout, stderr } = await cli.run(['generate', ...args, '--dry-run', '--full', '--api-key', API_KEY, ...cli.official]);
  expect(stderr.split('\n').filter((l) => l && !l.startsWith('warning:'))).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as CreateTaskBody;
}

/** Each side makes its own external_task_id (the library gives the real one); everything else must be equal. */
const withoutId = ({ external_task_id: id, ...rest }: CreateTaskBody) => {
  expect(id).toMatch(/^ks-/);
  return rest;
};

const file = async (name: string, bytes: Uint8Array) => {
  const path = join(cli.dir, name);
  await writeFile(path, bytes);
  return path;
};

const START = encodePng({ width: 1000, height: 600, pixel: (x, y) => [(x + y) % 256, x % 256, y % 256] });
const END = encodePng({ width: 1000, height: 600, pixel: (x) => [255 - (x % 256)] });
const STILL = encodePng({ width: 1000, height: 600, pixel: (x) => [x > 800 ? 255 : 0] });
const MOVING = [
  encodePng({ width: 1000, height: 600, pixel: (x) => [x < 200 ? 255 : 0] }),
  encodePng({ width: 1000, height: 600, pixel: (_, y) => [y < 100 ? 255 : 0] }),
];
const PATHS = [
  [{ x: 0, y: 0 }, { x: 500, y: 300 }, { x: 1000, y: 600 }],
  [{ x: 100, y: 50 }, { x: 400.4, y: 80.6 }],
];
const cliPath = (points: { x: number; y: number }[]) => JSON.stringify(points.map((p) => [p.x, p.y]));

describe('generate --dry-run and Show request', () => {
  it('agree on a motion-brush request: masks, paths flipped to bottom-left, text, CFG', async () => {
    const [start, still, moving1, moving2] = await Promise.all([
      file('start.png', START),
      file('still.png', STILL),
      file('moving-1.png', MOVING[0]!),
      file('moving-2.png', MOVING[1]!),
    ]);
    const text = { prompt: 'a boat drifts — «slowly» 🚣', negativePrompt: 'blur, "text"' };
    const fromCli = await dryRun([
      '--image', start, '--prompt', text.prompt, '--negative-prompt', text.negativePrompt, '--model', 'kling-v1', '--mode', 'pro',
      '--cfg', '0.35', '--static-mask', still, '--dynamic-mask', moving1, '--trajectory', cliPath(PATHS[0]!),
      '--dynamic-mask', moving2, '--trajectory', cliPath(PATHS[1]!),
    ]);
    const fromComposer = await showRequest({
      startFrame: { fileName: 'start.png', bytes: new Uint8Array(await readFile(start)) },
      staticMask: STILL,
      dynamicMasks: MOVING.map((mask, i) => ({ mask, trajectory: PATHS[i]! })),
      ...text,
      model: 'kling-v1',
      mode: 'pro',
      duration: '5',
      cfgScale: 0.35,
    });
    expect(fromCli.dynamic_masks).toHaveLength(2);
    expect(withoutId(fromCli)).toEqual(withoutId(fromComposer));
  });

  it('agree on an end frame (kling-v2-1, 10 s), a Simple camera move, and sound with voices', async () => {
    const [start, end] = await Promise.all([file('start.png', START), file('end.png', END)]);
    const startFrame = { fileName: 'start.png', bytes: START };
    const cases: { flags: string[]; composed: object }[] = [
      {
        // kling-v2.x takes no CFG scale: the composer sends none and the command line is given none.
        flags: ['--image', start, '--image-tail', end, '--prompt', 'dusk falls', '--model', 'kling-v2-1', '--mode', 'pro', '--duration', '10'],
        composed: { startFrame, endFrame: { fileName: 'end.png', bytes: END }, prompt: 'dusk falls', model: 'kling-v2-1', mode: 'pro', duration: '10' },
      },
      {
        flags: ['--image', start, '--prompt', 'closer', '--model', 'kling-v1-5', '--mode', 'pro', '--camera', 'simple:zoom=-2.5', '--cfg', '0.5'],
        composed: { startFrame, prompt: 'closer', model: 'kling-v1-5', mode: 'pro', duration: '5', cfgScale: 0.5, camera: { type: 'simple', config: { zoom: -2.5 } } },
      },
      {
        flags: ['--image', start, '--prompt', '<<<voice_1>>> hello, <<<voice_2>>> hi', '--model', 'kling-v2-6', '--mode', 'pro', '--sound', 'on', '--voice', 'v-1', '--voice', 'v-2'],
        composed: { startFrame, prompt: '<<<voice_1>>> hello, <<<voice_2>>> hi', model: 'kling-v2-6', mode: 'pro', duration: '5', sound: 'on', voices: ['v-1', 'v-2'] },
      },
    ];
    // The composer always has a CFG value (0.5 unless moved) and sends it to models that take one; the command line
    // sends one only when given --cfg, so the same inputs include it there.
    for (const { flags, composed } of cases) {
      expect(withoutId(await dryRun(flags))).toEqual(withoutId(await showRequest(composed)));
    }
  });
});
