import { describe, expect, it } from 'vitest';
import { buildCreateBody, describeBody, nearestAspectRatio, type GenerationRequest } from './request';
import { encodePng, jpegHeader } from './test-images';

const start = encodePng({ width: 1000, height: 600, colorType: 2 });
const end = jpegHeader({ width: 1000, height: 600 });
const mask = encodePng({ width: 1000, height: 600 });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const base: GenerationRequest = {
  startFrame: start,
  prompt: 'a cat turns its head',
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
  externalTaskId: 'gen-42',
};

describe('buildCreateBody', () => {
  it('builds the exact body of a plain request', () => {
    expect(JSON.stringify(buildCreateBody({ ...base, negativePrompt: 'blur', cfgScale: 0.7 }))).toBe(
      JSON.stringify({
        model_name: 'kling-v1',
        image: b64(start),
        prompt: 'a cat turns its head',
        negative_prompt: 'blur',
        cfg_scale: 0.7,
        mode: 'std',
        duration: '5',
        external_task_id: 'gen-42',
      }),
    );
  });

  it('sends raw base64, never a data: URL, and never model alone or a callback', () => {
    const body = buildCreateBody({ ...base, endFrame: end });
    expect(body.image).toBe(b64(start));
    expect(body.image_tail).toBe(b64(end));
    expect(body.image).not.toMatch(/^data:/);
    expect(body).not.toHaveProperty('model');
    expect(body).not.toHaveProperty('callback_url');
    expect(body).not.toHaveProperty('aspect_ratio');
    expect(typeof body.duration).toBe('string');
  });

  it('names the model as the wire options say', () => {
    expect(buildCreateBody(base, { modelField: 'model', sendAspectRatio: false })).toMatchObject({ model: 'kling-v1' });
    expect(buildCreateBody(base, { modelField: 'model', sendAspectRatio: false })).not.toHaveProperty('model_name');
    expect(buildCreateBody(base, { modelField: 'both', sendAspectRatio: false })).toMatchObject({ model: 'kling-v1', model_name: 'kling-v1' });
  });

  it('leaves cfg_scale out for kling-v2.x models', () => {
    expect(buildCreateBody({ ...base, model: 'kling-v2-1', mode: 'pro', cfgScale: 0.5 })).not.toHaveProperty('cfg_scale');
    expect(buildCreateBody({ ...base, model: 'kling-v1-6', cfgScale: 0 })).toHaveProperty('cfg_scale', 0);
  });

  it('converts trajectories to bottom-left pixels of the start frame', () => {
    const body = buildCreateBody({
      ...base,
      staticMask: mask,
      dynamicMasks: [
        {
          mask,
          trajectory: [
            { x: 0, y: 0 },
            { x: 500.4, y: 299.6 },
            { x: 1000, y: 600 },
          ],
        },
      ],
    });
    expect(body.static_mask).toBe(b64(mask));
    expect(body.dynamic_masks).toEqual([
      {
        mask: b64(mask),
        trajectories: [
          { x: 0, y: 599 },
          { x: 500, y: 300 },
          { x: 999, y: 0 },
        ],
      },
    ]);
  });

  it('refuses to guess trajectories when the start frame size is unreadable', () => {
    expect(() =>
      buildCreateBody({ ...base, startFrame: Uint8Array.of(1, 2, 3), dynamicMasks: [{ mask, trajectory: [{ x: 1, y: 1 }] }] }),
    ).toThrow(/pixel size cannot be read/);
  });

  it('fills all six axes for a simple camera move and sends no config for the others', () => {
    expect(buildCreateBody({ ...base, model: 'kling-v1-5', mode: 'pro', camera: { type: 'simple', config: { zoom: -4 } } }).camera_control).toEqual({
      type: 'simple',
      config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: -4 },
    });
    expect(buildCreateBody({ ...base, camera: { type: 'down_back', config: { zoom: 3 } } }).camera_control).toEqual({ type: 'down_back' });
  });

  it('sends sound and voices only to models that have the fields', () => {
    const v26 = buildCreateBody({ ...base, model: 'kling-v2-6', mode: 'pro', sound: 'on', voices: ['v-1', 'v-2'] });
    expect(v26.sound).toBe('on');
    expect(v26.voice_list).toEqual([{ voice_id: 'v-1' }, { voice_id: 'v-2' }]);
    const v1 = buildCreateBody({ ...base, sound: 'off', voices: ['v-1'] });
    expect(v1).not.toHaveProperty('sound');
    expect(v1).not.toHaveProperty('voice_list');
    expect(buildCreateBody({ ...base, model: 'kling-v2-6', voices: [] })).not.toHaveProperty('voice_list');
  });

  it('adds aspect_ratio only when the wire asks for it', () => {
    const wire = { modelField: 'model_name', sendAspectRatio: true } as const;
    expect(buildCreateBody(base, wire).aspect_ratio).toBe('16:9');
    expect(buildCreateBody({ ...base, startFrame: jpegHeader({ width: 600, height: 1000 }) }, wire).aspect_ratio).toBe('9:16');
    expect(buildCreateBody({ ...base, startFrame: jpegHeader({ width: 500, height: 480 }) }, wire).aspect_ratio).toBe('1:1');
  });
});

describe('nearestAspectRatio', () => {
  it('picks the nearest on a log scale', () => {
    expect(nearestAspectRatio(1920, 1080)).toBe('16:9');
    expect(nearestAspectRatio(1080, 1920)).toBe('9:16');
    // 4:3 lies exactly halfway between 1:1 and 16:9 on a log scale; 1.3 and 1.35 fall either side of it.
    expect(nearestAspectRatio(1300, 1000)).toBe('1:1');
    expect(nearestAspectRatio(1350, 1000)).toBe('16:9');
    expect(nearestAspectRatio(1000, 1300)).toBe('1:1');
  });
});

describe('describeBody', () => {
  it('replaces every base64 image with its byte count and leaves the original alone', () => {
    const body = buildCreateBody({ ...base, dynamicMasks: [{ mask, trajectory: [{ x: 0, y: 0 }, { x: 10, y: 10 }] }], staticMask: mask, endFrame: end });
    const described = describeBody(body);
    expect(described).toEqual({
      ...body,
      image: `<base64: ${start.length} bytes>`,
      image_tail: `<base64: ${end.length} bytes>`,
      static_mask: `<base64: ${mask.length} bytes>`,
      dynamic_masks: [{ mask: `<base64: ${mask.length} bytes>`, trajectories: [{ x: 0, y: 599 }, { x: 10, y: 590 }] }],
    });
    expect(body.image).toBe(b64(start));
    expect(body.dynamic_masks?.[0]?.mask).toBe(b64(mask));
  });

  it('keeps URLs as they are', () => {
    expect(describeBody({ image: 'https://example.com/a.png' }).image).toBe('https://example.com/a.png');
  });
});
