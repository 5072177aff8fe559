// Every rule of ../shared/kling-api.md for a generation request, read from the tables (LIMITS, the capability map),
// run before anything is sent: in the composer as the person edits, in main before submit, in the CLI. Returns all
// problems at once so a person can fix everything in one round; only `error`s block.
import type { Size } from './coords';
import { readImageInfo } from './image-info';
import { checkImage } from './image-rules';
import { LIMITS } from './limits';
import { acceptsCfgScale, isKnownModel, KNOWN_MODELS } from './models';
import { problem, type Problem } from './problems';
import type { GenerationRequest } from './request';
import { checkCamera } from './validate-camera';
import { checkCapabilities, checkExclusiveGroups } from './validate-capabilities';
import { checkMotionBrush } from './validate-motion-brush';

export function validateRequest(req: GenerationRequest): Problem[] {
  const startSize = startFrameSize(req);
  return [
    ...checkFrames(req),
    ...checkModelSettings(req),
    ...checkText(req),
    ...checkCfgScale(req),
    ...checkExclusiveGroups(req),
    ...checkCapabilities(req),
    ...checkMotionBrush(req, startSize),
    ...checkCamera(req.camera),
    ...checkVoices(req),
    ...checkExternalTaskId(req),
  ];
}

function startFrameSize(req: GenerationRequest): Size | undefined {
  if (!req.startFrame || req.startFrame.length === 0) return undefined;
  const { width, height } = readImageInfo(req.startFrame);
  return width && height ? { width, height } : undefined;
}

function checkFrames(req: GenerationRequest): Problem[] {
  const problems: Problem[] = [];
  const hasStart = req.startFrame !== undefined && req.startFrame.length > 0;
  if (!hasStart) {
    problems.push(problem('startFrame', 'startFrame.required', 'Choose a start frame: every image-to-video request starts from one.'));
    // No model takes an end frame alone (contract, `image_tail`).
    if (req.endFrame !== undefined) {
      problems.push(problem('endFrame', 'endFrame.needsStart', 'An end frame needs a start frame; add the start frame first.'));
    }
  } else {
    problems.push(...checkImage('startFrame', req.startFrame));
  }
  if (req.endFrame !== undefined) problems.push(...checkImage('endFrame', req.endFrame));
  return problems;
}

function checkModelSettings(req: GenerationRequest): Problem[] {
  const problems: Problem[] = [];
  if (!req.model || req.model.trim() === '') {
    problems.push(problem('model', 'model.required', `Choose a model, e.g. ${KNOWN_MODELS[0]}.`));
  } else if (!isKnownModel(req.model)) {
    // Gateways add models (e.g. kling-v3) faster than this table learns them: allow, but say nothing can be checked.
    problems.push(
      problem(
        'model',
        'model.unknown',
        `${req.model} is not in this app's model table; it is sent as is, and which features it supports cannot be checked here.`,
        'warning',
      ),
    );
  }
  if (!(LIMITS.modes as readonly string[]).includes(req.mode)) {
    problems.push(problem('mode', 'mode.allowed', `Mode must be ${LIMITS.modes.join(' or ')}; got "${String(req.mode)}".`));
  }
  if (!(LIMITS.durations as readonly string[]).includes(req.duration)) {
    const allowed = LIMITS.durations.map((d) => `${d} s`).join(' or ');
    problems.push(problem('duration', 'duration.allowed', `Duration must be ${allowed}; got "${String(req.duration)}".`));
  }
  return problems;
}

/**
 * Length in Unicode code points, not UTF-16 units: Kling's limit counts characters (its backend is not JavaScript),
 * and an emoji or a rare CJK character is one character to a person but two units to String.length. Counting code
 * points never refuses a prompt a person would call short enough.
 */
export const countCharacters = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

function checkText(req: GenerationRequest): Problem[] {
  const problems: Problem[] = [];
  const prompt = countCharacters(req.prompt ?? '');
  if (prompt > LIMITS.promptMaxChars) {
    problems.push(problem('prompt', 'prompt.maxLength', `The prompt must be at most ${LIMITS.promptMaxChars} characters; it has ${prompt}.`));
  }
  const negative = countCharacters(req.negativePrompt ?? '');
  if (negative > LIMITS.negativePromptMaxChars) {
    problems.push(
      problem(
        'negativePrompt',
        'negativePrompt.maxLength',
        `The negative prompt must be at most ${LIMITS.negativePromptMaxChars} characters; it has ${negative}.`,
      ),
    );
  }
  return problems;
}

function checkCfgScale(req: GenerationRequest): Problem[] {
  if (req.cfgScale === undefined) return [];
  // kling-v2.x refuses the field, so buildCreateBody leaves it out; its value cannot matter.
  if (!acceptsCfgScale(req.model)) {
    return [problem('cfgScale', 'cfgScale.ignored', `${req.model} does not take a CFG scale; it will be left out of the request.`, 'warning')];
  }
  const { min, max } = LIMITS.cfgScale;
  if (!Number.isFinite(req.cfgScale) || req.cfgScale < min || req.cfgScale > max) {
    return [problem('cfgScale', 'cfgScale.range', `The CFG scale must be between ${min} and ${max}; it is ${req.cfgScale}.`)];
  }
  return [];
}

/** `<<<voice_1>>>` in the prompt refers to the first entry of voice_list (contract, `prompt`). */
const VOICE_REFERENCE = /<<<voice_(\d+)>>>/g;

/** Voice rules: voice_list needs sound on, and each voice and each <<<voice_N>>> token needs the other. */
function checkVoices(req: Pick<GenerationRequest, 'voices' | 'sound' | 'prompt'>): Problem[] {
  const voices = req.voices ?? [];
  const problems: Problem[] = [];
  if (voices.length > LIMITS.voicesMax) {
    problems.push(problem('voices', 'voices.max', `At most ${LIMITS.voicesMax} voices are allowed; this request has ${voices.length}.`));
  }
  if (voices.length > 0 && req.sound !== 'on') {
    problems.push(problem('voices', 'voices.needsSound', 'Voices need sound: turn sound on, or remove the voices.'));
  }
  voices.forEach((id, i) => {
    if (id.trim() === '') problems.push(problem(`voices.${i}`, 'voices.empty', `Voice ${i + 1} has no voice id.`));
  });
  // The prompt refers to voice N as <<<voice_N>>> (contract, `prompt`): a voice it never refers to is most likely a
  // token forgotten or deleted. A warning, not an error: the contract says neither what Kling does with such a voice
  // nor that it refuses the request.
  voices.forEach((id, i) => {
    if (id.trim() !== '' && !(req.prompt ?? '').includes(`<<<voice_${i + 1}>>>`)) {
      problems.push(
        problem(`voices.${i}`, 'voices.unused', `Voice ${i + 1} is not used: put <<<voice_${i + 1}>>> in the prompt where it speaks, or remove it.`, 'warning'),
      );
    }
  });
  for (const match of (req.prompt ?? '').matchAll(VOICE_REFERENCE)) {
    const n = Number(match[1]);
    if (n < 1 || n > voices.length) {
      problems.push(
        problem(
          'prompt',
          'prompt.voiceReference',
          `The prompt mentions ${match[0]}, but the request has ${voices.length === 1 ? '1 voice' : `${voices.length} voices`}.`,
          'warning',
        ),
      );
    }
  }
  return problems;
}

function checkExternalTaskId(req: GenerationRequest): Problem[] {
  // The app's own id is how a task whose create response was lost gets found again; never send without one.
  if (req.externalTaskId && req.externalTaskId.trim() !== '') return [];
  return [problem('externalTaskId', 'externalTaskId.required', 'The request has no external task id (an app error, not yours).')];
}
