import { describe, expect, it } from 'vitest';
import { exclusiveFeaturesOf, keepOnlyFeature } from './exclusive-features';

const mask = new Uint8Array([1]);
const all = {
  prompt: 'waves',
  endFrame: new Uint8Array([2]),
  staticMask: mask,
  dynamicMasks: [{ mask, trajectory: [] }],
  camera: { type: 'simple' as const, config: { zoom: 5 } },
};

describe('exclusive features', () => {
  it('names the groups a request uses, an empty list of moving masks being none', () => {
    expect(exclusiveFeaturesOf(all)).toEqual(['endFrame', 'motionBrush', 'camera']);
    expect(exclusiveFeaturesOf({ dynamicMasks: [] })).toEqual([]);
    expect(exclusiveFeaturesOf({ dynamicMasks: [{ mask, trajectory: [] }] })).toEqual(['motionBrush']);
  });

  it('keeps only the chosen group and every other field', () => {
    expect(keepOnlyFeature(all, 'motionBrush')).toEqual({ prompt: 'waves', staticMask: mask, dynamicMasks: all.dynamicMasks });
    expect(keepOnlyFeature(all, 'endFrame')).toEqual({ prompt: 'waves', endFrame: all.endFrame });
    expect(keepOnlyFeature(all, 'camera')).toEqual({ prompt: 'waves', camera: all.camera });
    expect(keepOnlyFeature(all, null)).toEqual({ prompt: 'waves' });
    expect(exclusiveFeaturesOf(all)).toHaveLength(3); // the input is not changed
  });
});
