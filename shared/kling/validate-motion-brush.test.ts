import { describe, expect, it } from 'vitest';
import type { DynamicMaskInput, GenerationRequest } from './request';
import { encodePng, jpegHeader } from './test-images';
import { checkMotionBrush } from './validate-motion-brush';
import { validateRequest } from './validate';

const size = { width: 1000, height: 600 };
const start = jpegHeader(size);
const mask = encodePng(size);
const path = [
  { x: 100, y: 100 },
  { x: 400, y: 300 },
];
const area = (overrides: Partial<DynamicMaskInput> = {}): DynamicMaskInput => ({ mask, trajectory: path, ...overrides });
const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  startFrame: start,
  prompt: '',
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
  externalTaskId: 'gen-1',
  ...overrides,
});
const check = (overrides: Partial<GenerationRequest>) => checkMotionBrush(request(overrides), size);
/** As if the start frame's size could not be read. */
const checkWithoutStartSize = (overrides: Partial<GenerationRequest>) => checkMotionBrush(request(overrides), undefined);

describe('checkMotionBrush', () => {
  it('accepts a static mask and six dynamic areas of the right size', () => {
    expect(check({ staticMask: mask, dynamicMasks: Array.from({ length: 6 }, () => area()) })).toEqual([]);
    expect(validateRequest(request({ staticMask: mask, dynamicMasks: [area()] }))).toEqual([]);
  });

  it('refuses a seventh dynamic area', () => {
    expect(check({ dynamicMasks: Array.from({ length: 7 }, () => area()) })).toEqual([
      { field: 'dynamicMasks', rule: 'dynamicMasks.max', message: 'At most 6 moving areas are allowed; this request has 7.', severity: 'error' },
    ]);
  });

  it('refuses 10 s videos', () => {
    expect(check({ duration: '10', staticMask: mask })).toEqual([
      {
        field: 'duration',
        rule: 'motionBrush.duration',
        message: 'The motion brush works only for 5 s videos; this request asks for 10 s.',
        severity: 'error',
      },
    ]);
  });

  it('wants 2 to 77 points per path', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i }));
    expect(check({ dynamicMasks: [area({ trajectory: points(2) }), area({ trajectory: points(77) })] })).toEqual([]);
    expect(check({ dynamicMasks: [area(), area({ trajectory: points(1) }), area({ trajectory: points(78) })] })).toEqual([
      {
        field: 'dynamicMasks.1.trajectory',
        rule: 'trajectory.points',
        message: 'Motion path 2 must have 2 to 77 points; it has 1.',
        severity: 'error',
      },
      {
        field: 'dynamicMasks.2.trajectory',
        rule: 'trajectory.points',
        message: 'Motion path 3 must have 2 to 77 points; it has 78.',
        severity: 'error',
      },
    ]);
  });

  it('wants every point inside the start frame (its far edges included)', () => {
    expect(check({ dynamicMasks: [area({ trajectory: [{ x: 0, y: 0 }, { x: 1000, y: 600 }] })] })).toEqual([]);
    expect(check({ dynamicMasks: [area({ trajectory: [{ x: 5, y: 5 }, { x: 1001, y: 5 }, { x: 5, y: -1 }, { x: 9, y: 9 }] })] })).toEqual([
      {
        field: 'dynamicMasks.0.trajectory',
        rule: 'trajectory.inside',
        message: 'Point 2 of motion path 1 (1001, 5) lies outside the 1000 × 600 px start frame, and so does 1 more.',
        severity: 'error',
      },
    ]);
    expect(checkWithoutStartSize({ dynamicMasks: [area({ trajectory: [{ x: 5, y: 5 }, { x: Number.NaN, y: 5 }, { x: 5000, y: 5 }] })] }).map((p) => p.message)).toEqual([
      // Without the start frame's size only non-numbers can be judged.
      'Point 2 of motion path 1 (NaN, 5) lies outside the start frame.',
    ]);
  });

  it('wants PNG masks', () => {
    expect(check({ staticMask: jpegHeader(size), dynamicMasks: [area({ mask: new Uint8Array() })] })).toEqual([
      { field: 'staticMask', rule: 'mask.format', message: 'Static mask must be a PNG; this file is a JPEG image.', severity: 'error' },
      { field: 'dynamicMasks.0.mask', rule: 'mask.format', message: 'Dynamic mask 1 must be a PNG; this file is empty.', severity: 'error' },
    ]);
  });

  it("wants masks of exactly the start frame's pixel size, even with the same aspect ratio", () => {
    expect(check({ staticMask: mask, dynamicMasks: [area(), area({ mask: encodePng({ width: 500, height: 300 }) })] })).toEqual([
      {
        field: 'dynamicMasks.1.mask',
        rule: 'mask.size',
        message: "Dynamic mask 2 must be exactly the start frame's size (1000 × 600 px); this mask is 500 × 300 px.",
        severity: 'error',
      },
    ]);
  });

  it('wants masks of one size among themselves when the start frame cannot be read', () => {
    expect(checkWithoutStartSize({ staticMask: encodePng({ width: 400, height: 400 }), dynamicMasks: [area()] })).toEqual([
      {
        field: 'dynamicMasks.0.mask',
        rule: 'mask.size',
        message: 'Dynamic mask 1 must be exactly the size of the static mask (400 × 400 px); this mask is 1000 × 600 px.',
        severity: 'error',
      },
    ]);
  });

  it('reports a PNG mask whose size cannot be read', () => {
    expect(check({ staticMask: mask.slice(0, 20) }).map((p) => p.rule)).toEqual(['mask.unreadable']);
  });

  it('warns about masks that are not single-channel black and white', () => {
    const hint = 'Kling expects a single-channel black-and-white PNG (white = painted area, no transparency)';
    expect(check({ staticMask: encodePng({ ...size, colorType: 6 }) })).toEqual([
      { field: 'staticMask', rule: 'mask.channels', message: `Static mask is RGBA; ${hint}.`, severity: 'warning' },
    ]);
    expect(check({ staticMask: encodePng({ ...size, colorType: 2 }) })[0]?.message).toBe(`Static mask is RGB; ${hint}.`);
    expect(check({ staticMask: encodePng({ ...size, colorType: 4 }) })[0]?.message).toBe(`Static mask is grayscale with alpha; ${hint}.`);
    expect(check({ staticMask: encodePng({ ...size, transparency: true }) })[0]?.message).toBe(`Static mask has transparency; ${hint}.`);
  });
});
