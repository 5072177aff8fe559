import { describe, expect, it } from 'vitest';
import { describeCombination, modelSummary, nearestCombination, NO_FEATURES, unavailableReason } from './model-summary';

describe('modelSummary', () => {
  it('says what each model supports, from the capability table', () => {
    expect(modelSummary('kling-v1')).toBe('end frame, motion brush · std/pro · 5 s');
    expect(modelSummary('kling-v1-5')).toBe('end frame, motion brush, camera (simple) · pro · 5 s');
    expect(modelSummary('kling-v2-6')).toBe('end frame (pro), sound and voices (pro) · std/pro · 5/10 s, no CFG scale');
    expect(modelSummary('kling-v2-master')).toBe('start frame and prompt only');
    expect(modelSummary('kling-v3')).toMatch(/not checked/);
  });
});

describe('unavailableReason', () => {
  it('names what a combination cannot do for the features in use', () => {
    const brush = { ...NO_FEATURES, motionBrush: true };
    expect(unavailableReason(brush, 'kling-v1', 'std', '5')).toBeUndefined();
    expect(unavailableReason(brush, 'kling-v1', 'std', '10')).toBe('can’t use the motion brush (5 s only)');
    expect(unavailableReason({ ...NO_FEATURES, endFrame: true }, 'kling-v2-6', 'std', '5')).toBe('can’t use an end frame');
    expect(unavailableReason({ ...NO_FEATURES, camera: 'preset' }, 'kling-v1-5', 'pro', '5')).toBe('can’t use preset camera moves');
    expect(unavailableReason({ ...NO_FEATURES, sound: true, voices: true }, 'kling-v2-6', 'std', '5')).toBe('can’t use sound or voices');
  });

  it('never judges a model the table does not know', () => {
    expect(unavailableReason({ ...NO_FEATURES, camera: 'simple' }, 'kling-v3', 'std', '10')).toBeUndefined();
  });
});

describe('nearestCombination', () => {
  it('prefers the same model, then the closest other model', () => {
    const brush = { ...NO_FEATURES, motionBrush: true };
    expect(nearestCombination(brush, { model: 'kling-v1', mode: 'std', duration: '10' })).toEqual({ model: 'kling-v1', mode: 'std', duration: '5' });
    expect(nearestCombination(brush, { model: 'kling-v1-6', mode: 'pro', duration: '5' })).toEqual({ model: 'kling-v1', mode: 'pro', duration: '5' });
    const camera = { ...NO_FEATURES, camera: 'simple' as const };
    const near = nearestCombination(camera, { model: 'kling-v1', mode: 'std', duration: '5' });
    expect(near && describeCombination(near)).toBe('kling-v1-5 Professional 5 s');
  });

  it('finds nothing for what no row allows', () => {
    expect(nearestCombination({ ...NO_FEATURES, camera: 'preset' }, { model: 'kling-v1', mode: 'std', duration: '5' })).toBeUndefined();
  });
});
