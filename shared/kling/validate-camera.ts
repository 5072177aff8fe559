// Camera control rules of ../shared/kling-api.md: one of five types; only `simple` takes a config, and that config
// moves exactly one of the six axes, by a value in [−10, 10]. Whether the model allows camera control at all is the
// capability map's business (validate-capabilities.ts).
import { LIMITS } from './limits';
import { problem, type Problem } from './problems';
import type { CameraInput } from './request';
import { CAMERA_AXES, CAMERA_TYPES, type CameraType } from './wire';

const isCameraType = (v: string): v is CameraType => (CAMERA_TYPES as readonly string[]).includes(v);
const isAxis = (v: string): boolean => (CAMERA_AXES as readonly string[]).includes(v);

export function checkCamera(camera: CameraInput | undefined): Problem[] {
  if (camera === undefined) return [];
  if (!isCameraType(camera.type)) {
    return [problem('camera.type', 'camera.type', `Camera type must be one of ${CAMERA_TYPES.join(', ')}; got "${String(camera.type)}".`)];
  }
  const entries = Object.entries(camera.config ?? {}).filter(([, value]) => value !== undefined) as [string, number][];
  if (camera.type !== 'simple') {
    if (entries.length === 0) return [];
    return [
      problem('camera.config', 'camera.noConfig', `The ${camera.type} camera movement takes no settings; only the simple type has axes.`),
    ];
  }

  const problems: Problem[] = [];
  const { min, max } = LIMITS.camera;
  for (const [axis, value] of entries) {
    if (!isAxis(axis)) {
      problems.push(problem(`camera.config.${axis}`, 'camera.axis', `"${axis}" is not a camera axis; the axes are ${CAMERA_AXES.join(', ')}.`));
    } else if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(
        problem(`camera.config.${axis}`, 'camera.range', `Camera ${axis} must be between ${min} and ${max}; it is ${value}.`),
      );
    }
  }
  const moving = CAMERA_AXES.filter((axis) => (camera.config?.[axis] ?? 0) !== 0);
  if (moving.length !== 1) {
    const actual = moving.length === 0 ? 'none is set' : `${moving.slice(0, -1).join(', ')} and ${moving.at(-1)} are set`;
    problems.push(
      problem('camera.config', 'camera.oneAxis', `A simple camera move needs exactly one axis other than 0; ${actual}.`),
    );
  }
  return problems;
}
