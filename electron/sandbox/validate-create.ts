// Every create rule a server can check on its own, in the order a reader of the contract meets them. The first broken
// rule wins and is reported as 400/1201 with the field's name leading the message (an unknown model is 404/1203), so
// a client can point at the field. Numbers and tables come from shared/kling; nothing is re-typed here.
import { LIMITS, type Duration, type Mode } from '../../shared/kling/limits';
import { DEFAULT_MODEL, acceptsCfgScale, capabilityOf, isKnownModel, supportsSoundField } from '../../shared/kling/models';
import { CAMERA_AXES, CAMERA_TYPES, type CameraType } from '../../shared/kling/wire';
import { KlingError, invalidParam } from './envelope';
import type { ImageSource } from './image-probe';
import { checkImageField, maskMismatch } from './validate-image';

export interface AcceptedCreate {
  effectiveModel: string;
  /** The old `model` field's value when it was sent without `model_name` (the "model trap"). */
  ignoredModelField?: string;
  mode: Mode;
  duration: Duration;
  externalTaskId?: string;
  /** Accepted now, but the task will end `failed` with this message (mask size/aspect mismatch). */
  deferredFailure?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown): boolean => v !== undefined && v !== null;
/** Characters as a person counts them (code points), not UTF-16 units. */
const charCount = (s: string): number => [...s].length;

function pickModel(body: Record<string, unknown>, extraModels: readonly string[]): Pick<AcceptedCreate, 'effectiveModel' | 'ignoredModelField'> {
  const name = body.model_name;
  if (present(name)) {
    if (typeof name !== 'string') throw invalidParam('model_name', 'must be a string');
    // An empty model_name is the documented default, not an error.
    if (name === '') return { effectiveModel: DEFAULT_MODEL };
    if (!isKnownModel(name) && !extraModels.includes(name)) throw new KlingError(1203, `model_name: model not found: ${name}`);
    return { effectiveModel: name };
  }
  // The trap: the official API accepts the old `model` field and treats it as an empty model_name.
  if (typeof body.model === 'string' && body.model !== '') return { effectiveModel: DEFAULT_MODEL, ignoredModelField: body.model };
  return { effectiveModel: DEFAULT_MODEL };
}

function pickEnum<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (!present(value)) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidParam(field, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (a string)`);
  }
  return value as T;
}

function checkText(field: string, value: unknown, max: number): void {
  if (!present(value)) return;
  if (typeof value !== 'string') throw invalidParam(field, 'must be a string');
  if (charCount(value) > max) throw invalidParam(field, `at most ${max} characters (got ${charCount(value)})`);
}

/**
 * Points are pixels of the start frame (origin bottom-left), so they must lie in [0, W−1] × [0, H−1]. Only a base64
 * start frame has a size we can read; for a URL frame just the sign is checked. A strict provider refuses a point
 * outside the frame, and so does the simulator, so that an app bug in the coordinate conversion shows up in e2e.
 */
function checkTrajectories(field: string, value: unknown, startFrame: ImageSource): void {
  const { min, max } = LIMITS.trajectoryPoints;
  if (!Array.isArray(value)) throw invalidParam(field, 'must be an array of {x, y} points');
  if (value.length < min || value.length > max) throw invalidParam(field, `needs ${min} to ${max} points (got ${value.length})`);
  value.forEach((p, i) => {
    if (!isRecord(p) || !Number.isInteger(p.x) || !Number.isInteger(p.y) || (p.x as number) < 0 || (p.y as number) < 0) {
      throw invalidParam(`${field}[${i}]`, 'must be {x, y} with non-negative integer pixel coordinates');
    }
    if (startFrame.kind !== 'inline') return;
    const { width, height } = startFrame.info;
    if ((p.x as number) > width - 1 || (p.y as number) > height - 1) {
      throw invalidParam(
        `${field}[${i}]`,
        `point (${String(p.x)}, ${String(p.y)}) lies outside the ${width}x${height} start frame; x must be in [0, ${width - 1}] and y in [0, ${height - 1}]`,
      );
    }
  });
}

function checkMasks(body: Record<string, unknown>, startFrame: ImageSource): { field: string; source: ImageSource }[] {
  const masks: { field: string; source: ImageSource }[] = [];
  if (present(body.static_mask)) {
    masks.push({ field: 'static_mask', source: checkImageField('static_mask', body.static_mask, { checkGeometry: false }) });
  }
  if (present(body.dynamic_masks)) {
    const list = body.dynamic_masks;
    if (!Array.isArray(list)) throw invalidParam('dynamic_masks', 'must be an array');
    if (list.length > LIMITS.dynamicMasksMax) throw invalidParam('dynamic_masks', `at most ${LIMITS.dynamicMasksMax} entries (got ${list.length})`);
    list.forEach((entry, i) => {
      const field = `dynamic_masks[${i}]`;
      if (!isRecord(entry)) throw invalidParam(field, 'must be an object {mask, trajectories}');
      masks.push({ field: `${field}.mask`, source: checkImageField(`${field}.mask`, entry.mask, { checkGeometry: false }) });
      checkTrajectories(`${field}.trajectories`, entry.trajectories, startFrame);
    });
  }
  return masks;
}

function checkCamera(value: unknown): CameraType {
  if (!isRecord(value)) throw invalidParam('camera_control', 'must be an object {type, config}');
  const type = value.type;
  if (typeof type !== 'string' || !(CAMERA_TYPES as readonly string[]).includes(type)) {
    throw invalidParam('camera_control.type', `must be one of ${CAMERA_TYPES.join(', ')}`);
  }
  if (type !== 'simple') {
    if (present(value.config)) throw invalidParam('camera_control.config', `is only taken by type "simple"; leave it out for "${type}"`);
    return type as CameraType;
  }
  const config = value.config;
  if (!isRecord(config)) throw invalidParam('camera_control.config', 'type "simple" needs config with horizontal, vertical, pan, tilt, roll, zoom');
  const extra = Object.keys(config).filter((k) => !(CAMERA_AXES as readonly string[]).includes(k));
  if (extra.length > 0) throw invalidParam('camera_control.config', `unknown axis ${extra.join(', ')}`);
  let nonZero = 0;
  for (const axis of CAMERA_AXES) {
    const v = config[axis];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < LIMITS.camera.min || v > LIMITS.camera.max) {
      throw invalidParam(`camera_control.config.${axis}`, `must be a number in [${LIMITS.camera.min}, ${LIMITS.camera.max}]`);
    }
    if (v !== 0) nonZero += 1;
  }
  if (nonZero !== 1) throw invalidParam('camera_control.config', `exactly one axis must be non-zero (got ${nonZero})`);
  return 'simple';
}

function checkVoices(value: unknown): void {
  if (!Array.isArray(value)) throw invalidParam('voice_list', 'must be an array of {voice_id}');
  if (value.length > LIMITS.voicesMax) throw invalidParam('voice_list', `at most ${LIMITS.voicesMax} voices (got ${value.length})`);
  value.forEach((v, i) => {
    if (!isRecord(v) || typeof v.voice_id !== 'string' || v.voice_id === '') {
      throw invalidParam(`voice_list[${i}].voice_id`, 'must be a non-empty string');
    }
  });
}

export function validateCreate(raw: unknown, extraModels: readonly string[] = []): AcceptedCreate {
  if (!isRecord(raw)) throw new KlingError(1200, 'request body must be a JSON object');
  const body = raw;
  const model = pickModel(body, extraModels);
  const { effectiveModel } = model;
  const mode = pickEnum('mode', body.mode, LIMITS.modes, 'std');
  if (typeof body.duration === 'number') throw invalidParam('duration', 'must be the string "5" or "10", not a number');
  const duration = pickEnum('duration', body.duration, LIMITS.durations, '5');

  if (!present(body.image)) {
    if (present(body.image_tail)) throw invalidParam('image_tail', 'needs image: no model supports an end frame alone');
    throw invalidParam('image', 'is required');
  }
  const startFrame = checkImageField('image', body.image, { checkGeometry: true });
  const hasTail = present(body.image_tail);
  if (hasTail) checkImageField('image_tail', body.image_tail, { checkGeometry: true });

  checkText('prompt', body.prompt, LIMITS.promptMaxChars);
  checkText('negative_prompt', body.negative_prompt, LIMITS.negativePromptMaxChars);

  if (present(body.cfg_scale)) {
    if (!acceptsCfgScale(effectiveModel)) throw invalidParam('cfg_scale', `is not accepted by ${effectiveModel}; leave it out`);
    const v = body.cfg_scale;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < LIMITS.cfgScale.min || v > LIMITS.cfgScale.max) {
      throw invalidParam('cfg_scale', `must be a number in [${LIMITS.cfgScale.min}, ${LIMITS.cfgScale.max}]`);
    }
  }

  const hasMasks = present(body.static_mask) || (Array.isArray(body.dynamic_masks) ? body.dynamic_masks.length > 0 : present(body.dynamic_masks));
  const hasCamera = present(body.camera_control);
  const groups = [hasTail && 'image_tail', hasMasks && 'static_mask/dynamic_masks', hasCamera && 'camera_control'].filter(Boolean);
  if (groups.length > 1) throw invalidParam(groups.join(' + '), 'at most one of image_tail, static_mask/dynamic_masks, camera_control per request');

  const masks = hasMasks ? checkMasks(body, startFrame) : [];
  if (hasMasks && duration === '10') throw invalidParam('duration', 'motion brush (static_mask/dynamic_masks) is a 5-second feature; use "5"');
  const cameraType = hasCamera ? checkCamera(body.camera_control) : undefined;

  const sound = present(body.sound) ? pickEnum('sound', body.sound, ['on', 'off'] as const, 'off') : undefined;
  if (sound !== undefined && !supportsSoundField(effectiveModel)) throw invalidParam('sound', `is only for kling-v2-6 and later, not ${effectiveModel}`);
  const hasVoices = present(body.voice_list);
  if (hasVoices) {
    if (!supportsSoundField(effectiveModel)) throw invalidParam('voice_list', `is only for kling-v2-6 and later, not ${effectiveModel}`);
    checkVoices(body.voice_list);
    if (sound !== 'on') throw invalidParam('voice_list', 'needs sound "on"');
  }

  // The capability map: what this model/mode/duration can do at all. It covers the models kling-api.md lists; a model
  // this sandbox was told a gateway adds (extraModels, e.g. kling-v3) has no row, and the contract leaves its abilities
  // to the gateway (preset camera moves "enabled only for gateway profiles that say they accept them"), so it is not
  // judged by the map, as the app's own validation does not judge it.
  if (isKnownModel(effectiveModel)) checkCapabilityMap(effectiveModel, mode, duration, { hasTail, hasMasks, staticMask: present(body.static_mask), cameraType, sound, hasVoices });

  let externalTaskId: string | undefined;
  if (present(body.external_task_id)) {
    if (typeof body.external_task_id !== 'string' || body.external_task_id === '') throw invalidParam('external_task_id', 'must be a non-empty string');
    externalTaskId = body.external_task_id;
  }
  if (present(body.callback_url) && (typeof body.callback_url !== 'string' || !/^https?:\/\//i.test(body.callback_url))) {
    throw invalidParam('callback_url', 'must be an http(s) URL');
  }

  const accepted: AcceptedCreate = { ...model, mode, duration };
  if (externalTaskId !== undefined) accepted.externalTaskId = externalTaskId;
  const mismatch = maskMismatch(startFrame, masks);
  if (mismatch !== undefined) accepted.deferredFailure = mismatch;
  return accepted;
}

interface UsedFeatures {
  hasTail: boolean;
  hasMasks: boolean;
  staticMask: boolean;
  cameraType: CameraType | undefined;
  sound: 'on' | 'off' | undefined;
  hasVoices: boolean;
}

function checkCapabilityMap(model: string, mode: Mode, duration: Duration, used: UsedFeatures): void {
  const cap = capabilityOf(model, mode, duration);
  const combo = `${model} ${mode} ${duration}s`;
  if (used.hasTail && !cap.endFrame) throw invalidParam('image_tail', `end frame is not supported by ${combo}`);
  if (used.hasMasks && !cap.motionBrush) throw invalidParam(used.staticMask ? 'static_mask' : 'dynamic_masks', `motion brush is not supported by ${combo}`);
  if (used.cameraType !== undefined) {
    if (cap.camera === 'none') throw invalidParam('camera_control', `camera control is not supported by ${combo}`);
    if (cap.camera === 'simple-only' && used.cameraType !== 'simple') throw invalidParam('camera_control.type', `${combo} supports only type "simple"`);
  }
  if (used.sound === 'on' && cap.sound !== 'sound-and-voices') throw invalidParam('sound', `sound is not supported by ${combo} (silent video only)`);
  if (used.hasVoices && cap.sound !== 'sound-and-voices') throw invalidParam('voice_list', `voices are not supported by ${combo}`);
  // The map's "yes (silent)": a start+end frame video on a sound-capable model is rendered without sound.
  if (used.hasTail && used.sound === 'on') throw invalidParam('sound', `an end frame (image_tail) video is silent on ${combo}; set sound "off"`);
}
