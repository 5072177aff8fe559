import { describe, expect, it } from 'vitest';
import { cameraTransformAt, IDENTITY } from './camera-preview';

const size = { width: 1000, height: 500 };

describe('cameraTransformAt', () => {
  it('starts where the photo is and moves only along the chosen axis', () => {
    expect(cameraTransformAt('zoom', 10, 0, size)).toEqual(IDENTITY);
    expect(cameraTransformAt('zoom', 10, 1, size)).toEqual({ ...IDENTITY, scale: 1.5 });
    expect(cameraTransformAt('horizontal', 10, 1, size)).toEqual({ ...IDENTITY, dx: -250 });
    expect(cameraTransformAt('vertical', -5, 1, size)).toEqual({ ...IDENTITY, dy: -62.5 });
    expect(cameraTransformAt('roll', 5, 0.5, size).rotation).toBeCloseTo(7.5);
  });

  it('moves further with a larger amount, and not at all with 0', () => {
    expect(Math.abs(cameraTransformAt('pan', 10, 1, size).dx)).toBeGreaterThan(Math.abs(cameraTransformAt('pan', 2, 1, size).dx));
    expect(cameraTransformAt('tilt', 0, 1, size)).toEqual({ ...IDENTITY, dy: 0 });
  });
});
