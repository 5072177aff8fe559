// `generate`'s flags → the typed request (for validation and --dry-run) plus what goes into the library folder: the
// input files under the app's names and the settings. File reading is the only I/O; every problem is collected, not
// thrown, so one run reports all of them.
import { readFile } from 'node:fs/promises';
import type { Point } from '../../shared/kling/coords';
import { LIMITS, type Duration, type Mode } from '../../shared/kling/limits';
import { DEFAULT_MODEL } from '../../shared/kling/models';
import { problem, type Problem } from '../../shared/kling/problems';
import type { GenerationRequest } from '../../shared/kling/request';
import type { GenerationInputs, GenerationSettings } from '../../shared/library/generation';
import { parseCamera } from './parse-camera';
import { parseTrajectory } from './parse-trajectory';
import { inputFiles } from '../library/input-files';

export interface GenerateFlags {
  image?: string;
  'image-tail'?: string;
  prompt?: string;
  'negative-prompt'?: string;
  model?: string;
  mode?: string;
  duration?: string;
  cfg?: string;
  'static-mask'?: string;
  'dynamic-mask'?: string[];
  trajectory?: string[];
  camera?: string;
  voice?: string[];
  sound?: string;
}

export interface PreparedGeneration {
  /** Everything but the external task id, which the library assigns when it records the generation. */
  request: Omit<GenerationRequest, 'externalTaskId'>;
  settings: GenerationSettings;
  files: { name: string; bytes: Uint8Array }[];
  inputs: GenerationInputs;
  /** Problems found while reading the flags and files; validateRequest adds the request's own. */
  problems: Problem[];
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

const readFromDisk: ReadFile = async (path) => new Uint8Array(await readFile(path));

/** The app names inputs by what they are, with the extension of what they hold (generation-handlers.ts). */

export async function prepareGeneration(flags: GenerateFlags, read: ReadFile = readFromDisk): Promise<PreparedGeneration> {
  const problems: Problem[] = [];
  const load = async (path: string | undefined, field: string): Promise<Uint8Array | undefined> => {
    if (path === undefined) return undefined;
    try {
      return await read(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(problem(field, 'file.read', `Cannot read ${path}${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}.`));
      return undefined;
    }
  };

  if (flags.image === undefined) problems.push(problem('startFrame', 'startFrame.required', 'Give the start frame with --image FILE.'));
  const startFrame = await load(flags.image, 'startFrame');
  const endFrame = await load(flags['image-tail'], 'endFrame');
  const staticMask = await load(flags['static-mask'], 'staticMask');

  const maskPaths = flags['dynamic-mask'] ?? [];
  const paths = flags.trajectory ?? [];
  if (maskPaths.length !== paths.length) {
    problems.push(
      problem(
        'dynamicMasks',
        'dynamicMasks.pairs',
        `Each --dynamic-mask needs its --trajectory, in the same order; got ${maskPaths.length} mask(s) and ${paths.length} path(s).`,
      ),
    );
  }
  const dynamicMasks: { mask: Uint8Array; trajectory: Point[] }[] = [];
  for (const [i, path] of maskPaths.entries()) {
    const mask = await load(path, `dynamicMasks.${i}.mask`);
    const text = paths[i];
    const trajectory = text === undefined ? undefined : parseTrajectory(text, `dynamicMasks.${i}.trajectory`);
    problems.push(...(trajectory?.problems ?? []));
    if (mask && trajectory?.value) dynamicMasks.push({ mask, trajectory: trajectory.value });
  }

  let camera: GenerationSettings['camera'];
  if (flags.camera !== undefined) {
    const parsed = parseCamera(flags.camera);
    problems.push(...parsed.problems);
    camera = parsed.value;
  }

  let cfgScale: number | undefined;
  if (flags.cfg !== undefined) {
    cfgScale = Number(flags.cfg);
    if (flags.cfg.trim() === '' || !Number.isFinite(cfgScale)) {
      problems.push(problem('cfgScale', 'cfgScale.number', `The CFG scale must be a number between ${LIMITS.cfgScale.min} and ${LIMITS.cfgScale.max}; got "${flags.cfg}".`));
      cfgScale = undefined;
    }
  }

  let sound: 'on' | 'off' | undefined;
  if (flags.sound !== undefined) {
    if (flags.sound === 'on' || flags.sound === 'off') sound = flags.sound;
    else problems.push(problem('sound', 'sound.allowed', `Sound must be on or off; got "${flags.sound}".`));
  }
  const voices = flags.voice ?? [];

  // Mode and duration pass through as typed so validateRequest names the allowed values, as it does in the app.
  const settings: GenerationSettings = {
    model: flags.model ?? DEFAULT_MODEL,
    mode: (flags.mode ?? 'std') as Mode,
    duration: (flags.duration ?? '5') as Duration,
    prompt: flags.prompt ?? '',
    negativePrompt: flags['negative-prompt'] ?? '',
    ...(cfgScale === undefined ? {} : { cfgScale }),
    ...(camera ? { camera } : {}),
    ...(voices.length ? { voices } : {}),
    ...(sound ? { sound } : {}),
  };

  const { files, inputs } = inputFiles({ startFrame, endFrame, staticMask, dynamicMasks });

  const request: Omit<GenerationRequest, 'externalTaskId'> = {
    startFrame: startFrame ?? new Uint8Array(0),
    ...(endFrame ? { endFrame } : {}),
    ...(staticMask ? { staticMask } : {}),
    ...(dynamicMasks.length ? { dynamicMasks } : {}),
    prompt: settings.prompt,
    negativePrompt: settings.negativePrompt,
    model: settings.model,
    mode: settings.mode,
    duration: settings.duration,
    ...(cfgScale === undefined ? {} : { cfgScale }),
    ...(camera ? { camera } : {}),
    ...(voices.length ? { voices } : {}),
    ...(sound ? { sound } : {}),
  };
  return { request, settings, files, inputs, problems };
}
