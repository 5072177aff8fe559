// The generation request the app and the CLI build (bytes and numbers, top-left trajectories), and its one
// translation into the JSON body of `POST /v1/videos/image2video` (../shared/kling-api.md, "Request body").
// buildCreateBody assumes validateRequest found no errors; it only shapes the body, it does not judge it.
import { encodeBase64, base64ByteLength } from './base64';
import { copyBody } from './body-copy';
import { toKlingTrajectory, type Point, type Size } from './coords';
import { readImageInfo } from './image-info';
import { LIMITS, type Duration, type GatewayAspectRatio, type Mode } from './limits';
import { acceptsCfgScale, supportsSoundField } from './models';
import { CAMERA_AXES, type CameraAxis, type CameraControlBody, type CameraType, type CreateTaskBody } from './wire';

export interface DynamicMaskInput {
  /** PNG bytes at the start frame's pixel size. */
  mask: Uint8Array;
  /** In TOP-LEFT image pixels of the start frame, as the editor draws it. */
  trajectory: Point[];
}

export interface CameraInput {
  type: CameraType;
  config?: Partial<Record<CameraAxis, number>>;
}

export interface GenerationRequest {
  startFrame: Uint8Array;
  endFrame?: Uint8Array;
  /** PNG bytes. */
  staticMask?: Uint8Array;
  dynamicMasks?: DynamicMaskInput[];
  prompt: string;
  negativePrompt?: string;
  model: string;
  mode: Mode;
  duration: Duration;
  cfgScale?: number;
  camera?: CameraInput;
  voices?: string[];
  sound?: 'on' | 'off';
  externalTaskId: string;
}

/** How a provider wants the body: a gateway profile may differ from the official API. */
export interface WireOptions {
  /**
   * The official API reads `model` as an empty `model_name` and silently runs kling-v1, so it must get `model_name`;
   * a `model`-only gateway needs `model`; `both` serves gateways of unclear documentation.
   */
  modelField: 'model_name' | 'model' | 'both';
  /** Gateways document `aspect_ratio`; the official endpoint takes it from the image. */
  sendAspectRatio: boolean;
}

export const OFFICIAL_WIRE: Readonly<WireOptions> = { modelField: 'model_name', sendAspectRatio: false };

/** The gateway value (16:9, 9:16, 1:1) nearest to width:height, compared on a log scale so 2:1 and 1:2 are symmetric. */
export function nearestAspectRatio(width: number, height: number): GatewayAspectRatio {
  const target = Math.log(width / height);
  let best: (typeof LIMITS.gatewayAspectRatios)[number] = LIMITS.gatewayAspectRatios[0];
  for (const candidate of LIMITS.gatewayAspectRatios) {
    if (Math.abs(Math.log(candidate.ratio) - target) < Math.abs(Math.log(best.ratio) - target)) best = candidate;
  }
  return best.value;
}

function startFrameSize(req: GenerationRequest): Size | undefined {
  const { width, height } = readImageInfo(req.startFrame);
  return width && height ? { width, height } : undefined;
}

function cameraBody(camera: CameraInput): CameraControlBody {
  if (camera.type !== 'simple') return { type: camera.type };
  // `simple` needs all six axes on the wire; an axis the person did not touch is 0.
  const config = Object.fromEntries(CAMERA_AXES.map((axis) => [axis, camera.config?.[axis] ?? 0])) as Record<CameraAxis, number>;
  return { type: 'simple', config };
}

/**
 * The JSON body for creating a task. Images go as raw base64 (never a `data:` URL), `duration` as a string, no
 * `callback_url` (a desktop app has no public address), and always `external_task_id` so a task whose create
 * response was lost can still be found. Throws only when trajectories must be converted and the start frame's size
 * cannot be read, which validateRequest reports first.
 */
export function buildCreateBody(req: GenerationRequest, wire: WireOptions = OFFICIAL_WIRE): CreateTaskBody {
  const body: CreateTaskBody = {};
  if (wire.modelField !== 'model') body.model_name = req.model;
  if (wire.modelField !== 'model_name') body.model = req.model;
  body.image = encodeBase64(req.startFrame);
  if (req.endFrame) body.image_tail = encodeBase64(req.endFrame);
  if (req.prompt) body.prompt = req.prompt;
  if (req.negativePrompt) body.negative_prompt = req.negativePrompt;
  // kling-v2.x refuses cfg_scale (contract, "Request body").
  if (req.cfgScale !== undefined && acceptsCfgScale(req.model)) body.cfg_scale = req.cfgScale;
  body.mode = req.mode;
  body.duration = String(req.duration);
  if (req.staticMask) body.static_mask = encodeBase64(req.staticMask);
  if (req.dynamicMasks && req.dynamicMasks.length > 0) {
    const size = startFrameSize(req);
    if (!size) throw new Error("The start frame's pixel size cannot be read, so motion paths cannot be converted.");
    body.dynamic_masks = req.dynamicMasks.map((d) => ({
      mask: encodeBase64(d.mask),
      trajectories: toKlingTrajectory(d.trajectory, size),
    }));
  }
  if (req.camera) body.camera_control = cameraBody(req.camera);
  // `sound` and `voice_list` do not exist before kling-v2-6; older models would refuse the unknown field.
  if (req.sound !== undefined && supportsSoundField(req.model)) body.sound = req.sound;
  if (req.voices && req.voices.length > 0 && supportsSoundField(req.model)) {
    body.voice_list = req.voices.map((voice_id) => ({ voice_id }));
  }
  if (wire.sendAspectRatio) {
    const size = startFrameSize(req);
    if (size) body.aspect_ratio = nearestAspectRatio(size.width, size.height);
  }
  body.external_task_id = req.externalTaskId;
  return body;
}

const isUrl = (value: string): boolean => /^https?:\/\//i.test(value);
const summarize = (value: string): string => (isUrl(value) ? value : `<base64: ${base64ByteLength(value)} bytes>`);

/** A copy of `body` fit to print (the CLI's --dry-run): every base64 image becomes `<base64: N bytes>`; URLs stay. */
export function describeBody(body: CreateTaskBody): CreateTaskBody {
  const copy = copyBody(body);
  if (copy.image !== undefined) copy.image = summarize(copy.image);
  if (copy.image_tail !== undefined) copy.image_tail = summarize(copy.image_tail);
  if (copy.static_mask !== undefined) copy.static_mask = summarize(copy.static_mask);
  if (copy.dynamic_masks) copy.dynamic_masks = copy.dynamic_masks.map((d) => ({ ...d, mask: summarize(d.mask) }));
  return copy;
}
