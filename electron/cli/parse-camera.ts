// `--camera simple:zoom=5` (one or more axis=value pairs, comma-separated) or `--camera down_back`. Only the syntax is
// judged here; the rules (one non-zero axis, [-10, 10], which models) are validateRequest's, so every problem of a
// request is reported in one place and the same words as the app.
import { problem, type Problem } from '../../shared/kling/problems';
import type { CameraInput } from '../../shared/kling/request';
import { CAMERA_AXES, CAMERA_TYPES, type CameraAxis, type CameraType } from '../../shared/kling/wire';

export interface Parsed<T> {
  value?: T;
  problems: Problem[];
}

const FIELD = 'camera';

export function parseCamera(spec: string): Parsed<CameraInput> {
  const [rawType = '', rawConfig] = spec.split(/:(.*)/s, 2);
  const type = rawType.trim();
  if (!(CAMERA_TYPES as readonly string[]).includes(type)) {
    return {
      problems: [problem(`${FIELD}.type`, 'camera.type', `Camera type must be one of ${CAMERA_TYPES.join(', ')}; got "${type}".`)],
    };
  }
  if (rawConfig === undefined || rawConfig.trim() === '') return { value: { type: type as CameraType }, problems: [] };

  const problems: Problem[] = [];
  const config: Partial<Record<CameraAxis, number>> = {};
  for (const pair of rawConfig.split(',')) {
    const match = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/i.exec(pair);
    if (!match) {
      problems.push(problem(FIELD, 'camera.syntax', `"${pair.trim()}" is not axis=value (e.g. simple:zoom=5).`));
      continue;
    }
    const axis = (match[1] ?? '').toLowerCase();
    const value = Number(match[2]);
    if (!(CAMERA_AXES as readonly string[]).includes(axis)) {
      problems.push(problem(`${FIELD}.config.${axis}`, 'camera.axis', `"${axis}" is not a camera axis; the axes are ${CAMERA_AXES.join(', ')}.`));
    } else if (!Number.isFinite(value)) {
      problems.push(problem(`${FIELD}.config.${axis}`, 'camera.number', `Camera ${axis} must be a number; got "${match[2]}".`));
    } else {
      config[axis as CameraAxis] = value;
    }
  }
  return { value: { type: type as CameraType, config }, problems };
}
