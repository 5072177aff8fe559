import { describe, expect, it } from 'vitest';
import { checkCamera } from './validate-camera';
import type { CameraInput } from './request';

describe('checkCamera', () => {
  it('accepts no camera, a simple move on one axis, and the preset types without config', () => {
    expect(checkCamera(undefined)).toEqual([]);
    expect(checkCamera({ type: 'simple', config: { tilt: -10 } })).toEqual([]);
    expect(checkCamera({ type: 'simple', config: { horizontal: 0, vertical: 0, pan: 10, tilt: 0, roll: 0, zoom: 0 } })).toEqual([]);
    for (const type of ['down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'] as const) {
      expect(checkCamera({ type })).toEqual([]);
    }
  });

  it('refuses an unknown type', () => {
    expect(checkCamera({ type: 'orbit' } as unknown as CameraInput)).toEqual([
      {
        field: 'camera.type',
        rule: 'camera.type',
        message: 'Camera type must be one of simple, down_back, forward_up, right_turn_forward, left_turn_forward; got "orbit".',
        severity: 'error',
      },
    ]);
  });

  it('refuses a simple move with no axis or with two', () => {
    expect(checkCamera({ type: 'simple' })).toEqual([
      {
        field: 'camera.config',
        rule: 'camera.oneAxis',
        message: 'A simple camera move needs exactly one axis other than 0; none is set.',
        severity: 'error',
      },
    ]);
    expect(checkCamera({ type: 'simple', config: { zoom: 1, pan: 2, roll: 0 } })[0]?.message).toBe(
      'A simple camera move needs exactly one axis other than 0; pan and zoom are set.',
    );
  });

  it('refuses values outside [−10, 10] and axes that do not exist', () => {
    expect(checkCamera({ type: 'simple', config: { zoom: 10.5 } })).toEqual([
      { field: 'camera.config.zoom', rule: 'camera.range', message: 'Camera zoom must be between -10 and 10; it is 10.5.', severity: 'error' },
    ]);
    expect(
      checkCamera({ type: 'simple', config: { pan: 3, spin: 2 } as unknown as CameraInput['config'] }).map((p) => `${p.field} ${p.rule}`),
    ).toEqual(['camera.config.spin camera.axis']);
  });

  it('refuses a config on the preset types', () => {
    expect(checkCamera({ type: 'down_back', config: { zoom: 5 } })).toEqual([
      {
        field: 'camera.config',
        rule: 'camera.noConfig',
        message: 'The down_back camera movement takes no settings; only the simple type has axes.',
        severity: 'error',
      },
    ]);
  });
});
