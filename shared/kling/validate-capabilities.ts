// Which features the chosen model/mode/duration may use (the capability map in models.ts) and the contract's
// mutually exclusive groups. Messages are built from the table, so they stay true when a row changes.
import { EXCLUSIVE_PHRASES, exclusiveFeaturesOf } from './exclusive-features';
import { LIMITS, type Duration, type Mode } from './limits';
import { CAPABILITY_ROWS, capabilityOf, isKnownModel, type Capability, type CapabilityRow } from './models';
import { problem, type Problem } from './problems';
import type { GenerationRequest } from './request';

interface Feature {
  /** How the feature reads inside a sentence: "cannot use an end frame". */
  phrase: string;
  supportedBy: (capability: Capability) => boolean;
}

const FEATURES = {
  endFrame: { phrase: EXCLUSIVE_PHRASES.endFrame, supportedBy: (c) => c.endFrame },
  motionBrush: { phrase: EXCLUSIVE_PHRASES.motionBrush, supportedBy: (c) => c.motionBrush },
  camera: { phrase: EXCLUSIVE_PHRASES.camera, supportedBy: (c) => c.camera !== 'none' },
  cameraPreset: { phrase: 'camera types other than simple', supportedBy: (c) => c.camera === 'all' },
  sound: { phrase: 'sound', supportedBy: (c) => c.sound === 'sound-and-voices' },
  voices: { phrase: 'voices', supportedBy: (c) => c.sound === 'sound-and-voices' },
} satisfies Record<string, Feature>;

/** "kling-v1 std 5 s", "kling-v1-6 pro" (any duration), "kling-x any mode". */
function describeCombination(model: string, mode: Mode | '*', duration: Duration | '*'): string {
  return [model, mode === '*' ? 'any mode' : mode, duration === '*' ? '' : `${duration} s`].filter(Boolean).join(' ');
}

/** Where a feature is available, preferring the chosen model's other modes/durations, since that is the smaller change. */
function whereSupported(feature: Feature, model: string): string {
  const rows = CAPABILITY_ROWS.filter((r) => feature.supportedBy(r));
  const sameModel = rows.filter((r) => r.model === model);
  const shown: readonly CapabilityRow[] = sameModel.length > 0 ? sameModel : rows;
  if (shown.length === 0) return 'No model in the capability table supports it.';
  return `It works with ${shown.map((r) => describeCombination(r.model, r.mode, r.duration)).join(', ')}.`;
}

function unsupported(field: string, rule: string, feature: Feature, req: GenerationRequest, duration: Duration): Problem {
  return problem(
    field,
    rule,
    `${describeCombination(req.model, req.mode, duration)} cannot use ${feature.phrase}. ${whereSupported(feature, req.model)}`,
  );
}

const hasMotionBrush = (req: GenerationRequest): boolean => exclusiveFeaturesOf(req).includes('motionBrush');
const motionBrushField = (req: GenerationRequest): string => (req.staticMask !== undefined ? 'staticMask' : 'dynamicMasks');

const isMode = (v: string): v is Mode => (LIMITS.modes as readonly string[]).includes(v);
const isDuration = (v: string): v is Duration => (LIMITS.durations as readonly string[]).includes(v);

/**
 * Features the capability map does not allow for this model, mode and duration. A model the table does not know is
 * not judged here (gateways add models whose abilities we cannot know); validate.ts warns about it instead.
 */
export function checkCapabilities(req: GenerationRequest): Problem[] {
  if (!isKnownModel(req.model) || !isMode(req.mode) || !isDuration(req.duration)) return [];
  const problems: Problem[] = [];
  const cap = capabilityOf(req.model, req.mode, req.duration);

  if (req.endFrame !== undefined && !cap.endFrame) problems.push(unsupported('endFrame', 'endFrame.unsupported', FEATURES.endFrame, req, req.duration));

  if (hasMotionBrush(req)) {
    // A 10 s motion brush is refused on its own rule (validate-motion-brush.ts); judge the model at a brush duration
    // so that a person sees one problem per cause, not two for the same click.
    const brushDurations: readonly Duration[] = LIMITS.motionBrushDurations;
    const duration = brushDurations.includes(req.duration) ? req.duration : (brushDurations[0] ?? req.duration);
    if (!capabilityOf(req.model, req.mode, duration).motionBrush) {
      problems.push(unsupported(motionBrushField(req), 'motionBrush.unsupported', FEATURES.motionBrush, req, duration));
    }
  }

  if (req.camera !== undefined) {
    if (cap.camera === 'none') problems.push(unsupported('camera', 'camera.unsupported', FEATURES.camera, req, req.duration));
    else if (cap.camera === 'simple-only' && req.camera.type !== 'simple') {
      problems.push(unsupported('camera.type', 'camera.typeUnsupported', FEATURES.cameraPreset, req, req.duration));
    }
  }

  if (req.sound === 'on' && !FEATURES.sound.supportedBy(cap)) {
    problems.push(unsupported('sound', 'sound.unsupported', FEATURES.sound, req, req.duration));
  }
  // The map's "yes (silent)": with an end frame, even a sound-capable model renders without sound.
  if (req.sound === 'on' && req.endFrame !== undefined && cap.endFrame && FEATURES.sound.supportedBy(cap)) {
    problems.push(problem('sound', 'sound.endFrameSilent', 'A video with an end frame is silent: turn sound off, or remove the end frame.'));
  }
  if ((req.voices?.length ?? 0) > 0 && !FEATURES.voices.supportedBy(cap)) {
    problems.push(unsupported('voices', 'voices.unsupported', FEATURES.voices, req, req.duration));
  }
  return problems;
}

/** The contract allows at most one of: end frame, motion brush, camera control. */
export function checkExclusiveGroups(req: GenerationRequest): Problem[] {
  const present = exclusiveFeaturesOf(req).map((f) => ({
    field: f === 'motionBrush' ? motionBrushField(req) : f,
    phrase: EXCLUSIVE_PHRASES[f],
  }));
  const [first, ...others] = present;
  if (!first || others.length === 0) return [];
  const used = present.map((p) => p.phrase);
  const listed = `${used.slice(0, -1).join(', ')} and ${used[used.length - 1]}`;
  // Reported on the later group(s): the first one is usually what the person set up on purpose.
  return others.map((other) =>
    problem(
      other.field,
      'request.exclusive',
      `Use only one of end frame, motion brush and camera control in a request; this one has ${listed}.`,
    ),
  );
}
