// Every create rule over HTTP: its code, its status, and the field its message names. Plus the image header reader
// against a real ffmpeg-made JPEG, and the model trap.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeImage } from './image-probe';
import { API, GOOD_IMAGE, b64, jpegHeader, png, startHarness, type Harness } from './test-helpers';

let h: Harness;
beforeAll(async () => {
  // A high limit so the many accepted creates below never hit 1303.
  h = await startHarness({ parallelLimit: 1000, extraModels: ['kling-v3'] });
});
afterAll(() => h.server.close());

const MASK = b64(png(640, 360, 255));
const traj = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i }));
const simple = (over: Record<string, number> = {}) => ({ horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5, ...over });
const base = { image: GOOD_IMAGE };

type Case = [name: string, body: unknown, status: number, code: number, field: string];

const refused: Case[] = [
  ['body not an object', [1, 2], 400, 1200, 'JSON object'],
  ['unknown model', { ...base, model_name: 'kling-v9' }, 404, 1203, 'model_name'],
  ['model_name not a string', { ...base, model_name: 3 }, 400, 1201, 'model_name'],
  ['image missing', { prompt: 'x' }, 400, 1201, 'image'],
  ['image_tail without image', { image_tail: GOOD_IMAGE }, 400, 1201, 'image_tail'],
  ['image with data: prefix', { image: `data:image/png;base64,${GOOD_IMAGE}` }, 400, 1201, 'image'],
  ['image ftp URL', { image: 'ftp://example.com/a.png' }, 400, 1201, 'image'],
  ['image not base64', { image: 'hello world!' }, 400, 1201, 'image'],
  ['image not jpeg/png (GIF)', { image: b64(Buffer.from('GIF89a0000000000')) }, 400, 1201, 'image'],
  ['image too small (png)', { image: b64(png(299, 400)) }, 400, 1201, 'image'],
  ['image too small (jpeg)', { image: b64(jpegHeader(400, 200)) }, 400, 1201, 'image'],
  ['image too wide', { image: b64(png(1260, 500)) }, 400, 1201, 'image'],
  ['image too tall', { image: b64(jpegHeader(300, 751)) }, 400, 1201, 'image'],
  ['image_tail too small', { ...base, image_tail: b64(png(200, 200)), model_name: 'kling-v1' }, 400, 1201, 'image_tail'],
  ['prompt too long', { ...base, prompt: 'a'.repeat(2501) }, 400, 1201, 'prompt'],
  ['negative_prompt too long', { ...base, negative_prompt: 'é'.repeat(2501) }, 400, 1201, 'negative_prompt'],
  ['prompt not a string', { ...base, prompt: 5 }, 400, 1201, 'prompt'],
  ['cfg_scale above 1', { ...base, cfg_scale: 1.5 }, 400, 1201, 'cfg_scale'],
  ['cfg_scale below 0', { ...base, cfg_scale: -0.1 }, 400, 1201, 'cfg_scale'],
  ['cfg_scale as string', { ...base, cfg_scale: '0.5' }, 400, 1201, 'cfg_scale'],
  ['cfg_scale on kling-v2-1', { ...base, model_name: 'kling-v2-1', mode: 'pro', cfg_scale: 0.5 }, 400, 1201, 'cfg_scale'],
  ['mode unknown', { ...base, mode: 'ultra' }, 400, 1201, 'mode'],
  ['duration as number', { ...base, duration: 5 }, 400, 1201, 'duration'],
  ['duration "7"', { ...base, duration: '7' }, 400, 1201, 'duration'],
  ['image_tail + camera_control', { ...base, image_tail: GOOD_IMAGE, camera_control: { type: 'down_back' } }, 400, 1201, 'image_tail + camera_control'],
  ['masks + camera_control', { ...base, static_mask: MASK, camera_control: { type: 'down_back' } }, 400, 1201, 'static_mask/dynamic_masks + camera_control'],
  ['image_tail + masks', { ...base, image_tail: GOOD_IMAGE, static_mask: MASK }, 400, 1201, 'image_tail + static_mask'],
  ['7 dynamic masks', { ...base, dynamic_masks: Array.from({ length: 7 }, () => ({ mask: MASK, trajectories: traj(2) })) }, 400, 1201, 'dynamic_masks'],
  ['1 trajectory point', { ...base, dynamic_masks: [{ mask: MASK, trajectories: traj(1) }] }, 400, 1201, 'dynamic_masks[0].trajectories'],
  ['78 trajectory points', { ...base, dynamic_masks: [{ mask: MASK, trajectories: traj(78) }] }, 400, 1201, 'dynamic_masks[0].trajectories'],
  ['non-integer point', { ...base, dynamic_masks: [{ mask: MASK, trajectories: [{ x: 1, y: 1 }, { x: 1.5, y: 2 }] }] }, 400, 1201, 'dynamic_masks[0].trajectories[1]'],
  // Trajectory points are pixels of the 640x360 start frame: x in [0, 639], y in [0, 359].
  ['point right of the frame', { ...base, dynamic_masks: [{ mask: MASK, trajectories: [{ x: 0, y: 0 }, { x: 640, y: 10 }] }] }, 400, 1201, 'dynamic_masks[0].trajectories[1]'],
  ['point above the frame (2nd mask)', { ...base, dynamic_masks: [{ mask: MASK, trajectories: traj(2) }, { mask: MASK, trajectories: [{ x: 5, y: 360 }, { x: 0, y: 0 }] }] }, 400, 1201, 'dynamic_masks[1].trajectories[0]'],
  ['point outside a jpeg frame', { image: b64(jpegHeader(400, 300)), dynamic_masks: [{ mask: b64(jpegHeader(400, 300)), trajectories: [{ x: 399, y: 299 }, { x: 399, y: 300 }] }] }, 400, 1201, 'dynamic_masks[0].trajectories[1]'],
  ['dynamic mask with data: URL', { ...base, dynamic_masks: [{ mask: `data:image/png;base64,${MASK}`, trajectories: traj(2) }] }, 400, 1201, 'dynamic_masks[0].mask'],
  ['static_mask not an image', { ...base, static_mask: b64(Buffer.from('not an image at all')) }, 400, 1201, 'static_mask'],
  ['masks with duration "10"', { ...base, duration: '10', static_mask: MASK }, 400, 1201, 'duration'],
  ['camera type unknown', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'orbit' } }, 400, 1201, 'camera_control.type'],
  ['camera simple without config', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple' } }, 400, 1201, 'camera_control.config'],
  ['camera simple two non-zero', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple', config: simple({ pan: 1 }) } }, 400, 1201, 'camera_control.config'],
  ['camera simple all zero', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple', config: simple({ zoom: 0 }) } }, 400, 1201, 'camera_control.config'],
  ['camera axis out of range', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple', config: simple({ zoom: 11 }) } }, 400, 1201, 'camera_control.config.zoom'],
  ['camera axis missing', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple', config: { zoom: 5 } } }, 400, 1201, 'camera_control.config.horizontal'],
  ['config on non-simple type', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'down_back', config: simple() } }, 400, 1201, 'camera_control.config'],
  ['sound on kling-v1', { ...base, sound: 'off' }, 400, 1201, 'sound'],
  ['sound value unknown', { ...base, model_name: 'kling-v2-6', mode: 'pro', sound: 'loud' }, 400, 1201, 'sound'],
  ['voice_list on kling-v2-5-turbo', { ...base, model_name: 'kling-v2-5-turbo', mode: 'pro', voice_list: [{ voice_id: 'v' }] }, 400, 1201, 'voice_list'],
  ['voice_list without sound on', { ...base, model_name: 'kling-v2-6', mode: 'pro', voice_list: [{ voice_id: 'v' }] }, 400, 1201, 'voice_list'],
  ['3 voices', { ...base, model_name: 'kling-v2-6', mode: 'pro', sound: 'on', voice_list: [{ voice_id: 'a' }, { voice_id: 'b' }, { voice_id: 'c' }] }, 400, 1201, 'voice_list'],
  ['voice without id', { ...base, model_name: 'kling-v2-6', mode: 'pro', sound: 'on', voice_list: [{}] }, 400, 1201, 'voice_list[0].voice_id'],
  // The capability map.
  ['end frame on kling-v2-6 std', { ...base, model_name: 'kling-v2-6', mode: 'std', image_tail: GOOD_IMAGE }, 400, 1201, 'image_tail'],
  ['end frame on kling-v2-1 std', { ...base, model_name: 'kling-v2-1', mode: 'std', image_tail: GOOD_IMAGE }, 400, 1201, 'image_tail'],
  ['end frame on kling-v1 10s', { ...base, model_name: 'kling-v1', duration: '10', image_tail: GOOD_IMAGE }, 400, 1201, 'image_tail'],
  ['motion brush on kling-v1-6', { ...base, model_name: 'kling-v1-6', mode: 'pro', static_mask: MASK }, 400, 1201, 'static_mask'],
  ['camera on kling-v1', { ...base, camera_control: { type: 'down_back' } }, 400, 1201, 'camera_control'],
  ['config on a preset move of a gateway model', { ...base, model_name: 'kling-v3', camera_control: { type: 'down_back', config: simple() } }, 400, 1201, 'camera_control.config'],
  ['non-simple camera on kling-v1-5', { ...base, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'down_back' } }, 400, 1201, 'camera_control.type'],
  ['sound on with kling-v2-6 std', { ...base, model_name: 'kling-v2-6', mode: 'std', sound: 'on' }, 400, 1201, 'sound'],
  ['end frame with sound on (silent only)', { ...base, model_name: 'kling-v2-6', mode: 'pro', image_tail: GOOD_IMAGE, sound: 'on' }, 400, 1201, 'sound'],
  ['external_task_id empty', { ...base, external_task_id: '' }, 400, 1201, 'external_task_id'],
];

describe('create refusals', () => {
  it.each(refused)('%s', async (_name, body, status, code, field) => {
    const r = await h.call('POST', API, { body });
    expect({ status: r.status, code: r.json.code }).toEqual({ status, code });
    expect(r.json.message.startsWith(field) || r.json.message.includes(field)).toBe(true);
    expect(r.json.data).toBeUndefined();
  });

  it('a non-JSON body → 400/1200', async () => {
    const r = await h.call('POST', API, { body: '{"image": ' });
    expect([r.status, r.json.code]).toEqual([400, 1200]);
  });

  it('an image over 10 MB → 1201 naming image', async () => {
    const big = Buffer.concat([png(640, 360), Buffer.alloc(10 * 1024 * 1024)]);
    const r = await h.call('POST', API, { body: { image: b64(big) } });
    expect([r.status, r.json.code]).toEqual([400, 1201]);
    expect(r.json.message).toMatch(/^image: .*10 MB/);
  });
});

const accepted: [string, Record<string, unknown>][] = [
  ['minimal base64 png', { image: GOOD_IMAGE }],
  ['http URL', { image: 'http://example.com/a.jpg' }],
  ['extreme aspects 2.5:1 and 1:2.5', { image: b64(png(750, 300)), image_tail: b64(jpegHeader(300, 750)) }],
  ['cfg_scale bounds on v1', { image: GOOD_IMAGE, cfg_scale: 0 }],
  ['prompt of 2500 astral chars', { image: GOOD_IMAGE, prompt: '😀'.repeat(2500) }],
  ['trajectory on the far corners of the frame', { image: GOOD_IMAGE, dynamic_masks: [{ mask: MASK, trajectories: [{ x: 0, y: 0 }, { x: 639, y: 359 }] }] }],
  // A URL frame is not fetched, so its size is unknown and only the sign of a point can be checked.
  ['URL start frame, point beyond any small frame', { image: 'https://example.com/a.png', dynamic_masks: [{ mask: MASK, trajectories: [{ x: 0, y: 0 }, { x: 5000, y: 5000 }] }] }],
  ['6 dynamic masks with 77 points', { image: GOOD_IMAGE, static_mask: MASK, dynamic_masks: Array.from({ length: 6 }, () => ({ mask: MASK, trajectories: traj(77) })) }],
  ['kling-v1-5 pro simple camera', { image: GOOD_IMAGE, model_name: 'kling-v1-5', mode: 'pro', camera_control: { type: 'simple', config: simple({ zoom: -10 }) } }],
  ['kling-v2-6 pro with 2 voices', { image: GOOD_IMAGE, model_name: 'kling-v2-6', mode: 'pro', sound: 'on', voice_list: [{ voice_id: 'a' }, { voice_id: 'b' }], prompt: '<<<voice_1>>> hi' }],
  ['kling-v2-6 std silent', { image: GOOD_IMAGE, model_name: 'kling-v2-6', mode: 'std', sound: 'off', duration: '10' }],
  ['kling-v2-1 pro end frame', { image: GOOD_IMAGE, model_name: 'kling-v2-1', mode: 'pro', image_tail: GOOD_IMAGE }],
  ['kling-v2-master generation only, 10s', { image: GOOD_IMAGE, model_name: 'kling-v2-master', duration: '10' }],
  // A model a gateway adds (no row in the capability map): its abilities are the gateway's to judge, not the map's.
  ['a gateway model (kling-v3) with a preset camera move, no config', { image: GOOD_IMAGE, model_name: 'kling-v3', camera_control: { type: 'down_back' } }],
  ['a gateway model (kling-v3) with the motion brush', { image: GOOD_IMAGE, model_name: 'kling-v3', mode: 'pro', static_mask: MASK }],
];

describe('create acceptances', () => {
  it.each(accepted)('%s', async (_name, body) => {
    const r = await h.call('POST', API, { body });
    expect(r.json.message).toBe('SUCCEED');
    expect(r.json.code).toBe(0);
    expect(r.json.data?.task_status).toBe('submitted');
  });
});

describe('the model trap', () => {
  it('`model` without `model_name` runs as kling-v1, recorded on the task', async () => {
    const r = await h.call('POST', API, { body: { image: GOOD_IMAGE, model: 'kling-v2-6', external_task_id: 'trap' } });
    expect(r.json.code).toBe(0);
    const task = h.server.tasks().find((t) => t.externalTaskId === 'trap');
    expect(task?.effectiveModel).toBe('kling-v1');
    expect(task?.ignoredModelField).toBe('kling-v2-6');
  });

  it('so kling-v2.x-only features are judged against kling-v1', async () => {
    const r = await h.call('POST', API, { body: { image: GOOD_IMAGE, model: 'kling-v2-6', mode: 'pro', sound: 'on' } });
    expect(r.json.code).toBe(1201);
    expect(r.json.message).toMatch(/^sound: .*kling-v1/);
  });

  it('`model_name` wins over `model`', async () => {
    await h.call('POST', API, { body: { image: GOOD_IMAGE, model: 'kling-v1', model_name: 'kling-v1-6', mode: 'pro', external_task_id: 'both' } });
    const task = h.server.tasks().find((t) => t.externalTaskId === 'both');
    expect(task?.effectiveModel).toBe('kling-v1-6');
    expect(task?.ignoredModelField).toBeUndefined();
  });
});

describe('probeImage on a real encoder output', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-probe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the size of an ffmpeg JPEG and PNG, as ffprobe reports it', () => {
    for (const ext of ['jpg', 'png']) {
      const file = join(dir, `a.${ext}`);
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=722x406', '-frames:v', '1', file]);
      const probed = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();
      expect(probed).toBe('722,406');
      expect(probeImage(readFileSync(file))).toMatchObject({ format: ext === 'jpg' ? 'jpeg' : 'png', width: 722, height: 406 });
    }
  });

  it('names what it cannot read', () => {
    expect(probeImage(Buffer.from('GIF89a'))).toBe('not a JPEG or PNG image');
    expect(probeImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatch(/JPEG/);
  });
});
