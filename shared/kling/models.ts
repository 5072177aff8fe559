// The capability map of ../shared/kling-api.md as data. Providers retire models and gateways add them: a change is a
// change of rows here. A model not in this table is allowed with a warning (gateways), never blocked.
import type { Duration, Mode } from './limits';

export const KNOWN_MODELS = [
  'kling-v1',
  'kling-v1-5',
  'kling-v1-6',
  'kling-v2-master',
  'kling-v2-1',
  'kling-v2-1-master',
  'kling-v2-5-turbo',
  'kling-v2-6',
] as const;
export type KnownModel = (typeof KNOWN_MODELS)[number];

export const DEFAULT_MODEL: KnownModel = 'kling-v1';

export type CameraSupport = 'none' | 'simple-only' | 'all';
export type SoundSupport = 'none' | 'silent-only' | 'sound-and-voices';

export interface Capability {
  endFrame: boolean;
  motionBrush: boolean;
  camera: CameraSupport;
  sound: SoundSupport;
}

export interface CapabilityRow extends Capability {
  model: string;
  mode: Mode | '*';
  duration: Duration | '*';
}

const NONE: Capability = { endFrame: false, motionBrush: false, camera: 'none', sound: 'none' };

/** First matching row wins; a combination with no row can only generate from a start frame (and prompt). */
export const CAPABILITY_ROWS: readonly CapabilityRow[] = [
  { model: 'kling-v1', mode: 'std', duration: '5', endFrame: true, motionBrush: true, camera: 'none', sound: 'none' },
  { model: 'kling-v1', mode: 'pro', duration: '5', endFrame: true, motionBrush: true, camera: 'none', sound: 'none' },
  { model: 'kling-v1-5', mode: 'pro', duration: '5', endFrame: true, motionBrush: true, camera: 'simple-only', sound: 'none' },
  { model: 'kling-v1-6', mode: 'pro', duration: '*', endFrame: true, motionBrush: false, camera: 'none', sound: 'none' },
  { model: 'kling-v2-1', mode: 'pro', duration: '*', endFrame: true, motionBrush: false, camera: 'none', sound: 'none' },
  { model: 'kling-v2-5-turbo', mode: 'pro', duration: '*', endFrame: true, motionBrush: false, camera: 'none', sound: 'none' },
  { model: 'kling-v2-6', mode: 'std', duration: '*', endFrame: false, motionBrush: false, camera: 'none', sound: 'silent-only' },
  { model: 'kling-v2-6', mode: 'pro', duration: '*', endFrame: true, motionBrush: false, camera: 'none', sound: 'sound-and-voices' },
];

export function isKnownModel(model: string): model is KnownModel {
  return (KNOWN_MODELS as readonly string[]).includes(model);
}

export function capabilityOf(model: string, mode: Mode, duration: Duration): Capability {
  const hit = CAPABILITY_ROWS.find(
    (r) => r.model === model && (r.mode === '*' || r.mode === mode) && (r.duration === '*' || r.duration === duration),
  );
  return hit ? { endFrame: hit.endFrame, motionBrush: hit.motionBrush, camera: hit.camera, sound: hit.sound } : NONE;
}

/** kling-v2.x models refuse `cfg_scale`; it is left out of their bodies. */
export function acceptsCfgScale(model: string): boolean {
  return !/^kling-v2/.test(model);
}

/** `sound` and `voice_list` exist from kling-v2-6 on (v2-6 and any later version number). */
export function supportsSoundField(model: string): boolean {
  const m = /^kling-v(\d+)(?:-(\d+))?/.exec(model);
  if (!m) return false;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? 0 : Number(m[2]);
  return major > 2 || (major === 2 && minor >= 6);
}
