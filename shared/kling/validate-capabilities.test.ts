import { describe, expect, it } from 'vitest';
import type { GenerationRequest } from './request';
import { encodePng, jpegHeader } from './test-images';
import { checkCapabilities, checkExclusiveGroups } from './validate-capabilities';
import { validateRequest } from './validate';

const start = jpegHeader({ width: 1000, height: 600 });
const mask = encodePng({ width: 1000, height: 600 });
const brush = { dynamicMasks: [{ mask, trajectory: [{ x: 10, y: 10 }, { x: 20, y: 20 }] }] };
const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  startFrame: start,
  prompt: '',
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
  externalTaskId: 'gen-1',
  ...overrides,
});

describe('checkCapabilities', () => {
  it('allows what the capability map allows', () => {
    expect(checkCapabilities(request({ endFrame: start }))).toEqual([]);
    expect(checkCapabilities(request({ mode: 'pro', ...brush }))).toEqual([]);
    expect(checkCapabilities(request({ model: 'kling-v1-5', mode: 'pro', camera: { type: 'simple', config: { pan: 1 } } }))).toEqual([]);
    expect(checkCapabilities(request({ model: 'kling-v2-6', mode: 'pro', endFrame: start, sound: 'off' }))).toEqual([]);
    expect(checkCapabilities(request({ model: 'kling-v2-6', mode: 'pro', sound: 'on', voices: ['a'] }))).toEqual([]);
  });

  it('refuses sound with an end frame: such a video is silent', () => {
    expect(checkCapabilities(request({ model: 'kling-v2-6', mode: 'pro', endFrame: start, sound: 'on' })).map((p) => p.rule)).toEqual([
      'sound.endFrameSilent',
    ]);
    expect(checkCapabilities(request({ model: 'kling-v2-6', mode: 'std', sound: 'off' }))).toEqual([]);
  });

  it('refuses an end frame, pointing at the mode of the same model that has it', () => {
    expect(checkCapabilities(request({ model: 'kling-v2-1', mode: 'std', endFrame: start }))).toEqual([
      {
        field: 'endFrame',
        rule: 'endFrame.unsupported',
        message: 'kling-v2-1 std 5 s cannot use an end frame. It works with kling-v2-1 pro.',
        severity: 'error',
      },
    ]);
  });

  it('refuses an end frame, listing the models that have it when this one never does', () => {
    expect(checkCapabilities(request({ model: 'kling-v2-master', mode: 'pro', endFrame: start }))[0]?.message).toBe(
      'kling-v2-master pro 5 s cannot use an end frame. It works with kling-v1 std 5 s, kling-v1 pro 5 s, kling-v1-5 pro 5 s, ' +
        'kling-v1-6 pro, kling-v2-1 pro, kling-v2-5-turbo pro, kling-v2-6 pro.',
    );
  });

  it('refuses the motion brush where the map has none', () => {
    expect(checkCapabilities(request({ model: 'kling-v1-6', mode: 'pro', staticMask: mask }))).toEqual([
      {
        field: 'staticMask',
        rule: 'motionBrush.unsupported',
        message: 'kling-v1-6 pro 5 s cannot use the motion brush. It works with kling-v1 std 5 s, kling-v1 pro 5 s, kling-v1-5 pro 5 s.',
        severity: 'error',
      },
    ]);
  });

  it('leaves a 10 s motion brush on a brush model to the duration rule alone', () => {
    expect(checkCapabilities(request({ duration: '10', ...brush }))).toEqual([]);
    expect(validateRequest(request({ duration: '10', ...brush })).map((p) => p.rule)).toEqual(['motionBrush.duration']);
  });

  it('refuses camera control where the map has none, and non-simple types where it has simple only', () => {
    expect(checkCapabilities(request({ camera: { type: 'simple', config: { zoom: 2 } } }))).toEqual([
      {
        field: 'camera',
        rule: 'camera.unsupported',
        message: 'kling-v1 std 5 s cannot use camera control. It works with kling-v1-5 pro 5 s.',
        severity: 'error',
      },
    ]);
    expect(checkCapabilities(request({ model: 'kling-v1-5', mode: 'pro', camera: { type: 'forward_up' } }))).toEqual([
      {
        field: 'camera.type',
        rule: 'camera.typeUnsupported',
        message: 'kling-v1-5 pro 5 s cannot use camera types other than simple. No model in the capability table supports it.',
        severity: 'error',
      },
    ]);
  });

  it('refuses sound and voices where the map has none', () => {
    expect(checkCapabilities(request({ model: 'kling-v2-6', mode: 'std', sound: 'on', voices: ['a'] })).map((p) => [p.field, p.rule, p.message])).toEqual([
      ['sound', 'sound.unsupported', 'kling-v2-6 std 5 s cannot use sound. It works with kling-v2-6 pro.'],
      ['voices', 'voices.unsupported', 'kling-v2-6 std 5 s cannot use voices. It works with kling-v2-6 pro.'],
    ]);
    expect(checkCapabilities(request({ sound: 'on' })).map((p) => p.rule)).toEqual(['sound.unsupported']);
  });

  it('judges nothing for a model the tables do not know', () => {
    expect(checkCapabilities(request({ model: 'kling-v3', endFrame: start, sound: 'on', camera: { type: 'down_back' } }))).toEqual([]);
  });
});

describe('checkExclusiveGroups', () => {
  it('allows one group', () => {
    expect(checkExclusiveGroups(request({ endFrame: start }))).toEqual([]);
    expect(checkExclusiveGroups(request(brush))).toEqual([]);
    expect(checkExclusiveGroups(request({ camera: { type: 'down_back' } }))).toEqual([]);
  });

  it('refuses two groups, on the later one', () => {
    expect(checkExclusiveGroups(request({ endFrame: start, ...brush }))).toEqual([
      {
        field: 'dynamicMasks',
        rule: 'request.exclusive',
        message: 'Use only one of end frame, motion brush and camera control in a request; this one has an end frame and the motion brush.',
        severity: 'error',
      },
    ]);
  });

  it('refuses all three, once per extra group', () => {
    const problems = checkExclusiveGroups(request({ endFrame: start, staticMask: mask, camera: { type: 'down_back' } }));
    expect(problems.map((p) => p.field)).toEqual(['staticMask', 'camera']);
    expect(problems[0]?.message).toMatch(/this one has an end frame, the motion brush and camera control\.$/);
  });

  it('applies to models the tables do not know too', () => {
    expect(validateRequest(request({ model: 'kling-v3', endFrame: start, camera: { type: 'down_back' } })).map((p) => p.rule)).toEqual([
      'model.unknown',
      'request.exclusive',
    ]);
  });
});
