// What the composer keeps across restarts: the text and every parameter (not the frames or the painting, which the
// editor's draft keeps). Main stores it with the small settings; the schema is the one truth of its shape, and a
// stored value is repaired field by field, so one bad field (hand-edited, a newer app's) costs only itself.
import { z } from 'zod';
import { EXCLUSIVE_FEATURES } from '../kling/exclusive-features';
import { LIMITS } from '../kling/limits';
import { DEFAULT_MODEL } from '../kling/models';
import { CAMERA_AXES, CAMERA_TYPES } from '../kling/wire';

export const CAMERA_CHOICES = ['none', ...CAMERA_TYPES] as const;
export type CameraChoice = (typeof CAMERA_CHOICES)[number];

export const composerSettingsSchema = z
  .object({
    prompt: z.string().max(20_000),
    negativePrompt: z.string().max(20_000),
    model: z.string().trim().min(1).max(100),
    mode: z.enum(LIMITS.modes),
    duration: z.enum(LIMITS.durations),
    cfgScale: z.number().min(LIMITS.cfgScale.min).max(LIMITS.cfgScale.max),
    camera: z
      .object({
        type: z.enum(CAMERA_CHOICES),
        axis: z.enum(CAMERA_AXES),
        amount: z.number().min(LIMITS.camera.min).max(LIMITS.camera.max),
      })
      .strict(),
    /**
     * Which of end frame, motion brush and camera control the request uses; the others' work is kept, not sent.
     * null: none chosen yet, the first that has work is used (a setting stored before the choice existed).
     */
    feature: z.enum(EXCLUSIVE_FEATURES).nullable(),
    sound: z.boolean(),
    voices: z.tuple([z.string().max(200), z.string().max(200)]),
    variations: z.number().int().min(1).max(4),
  })
  .strict();

export type ComposerSettings = z.infer<typeof composerSettingsSchema>;

export const DEFAULT_COMPOSER_SETTINGS: ComposerSettings = {
  prompt: '',
  negativePrompt: '',
  model: DEFAULT_MODEL,
  mode: 'std',
  duration: '5',
  cfgScale: LIMITS.cfgScale.default,
  // Simple starts with a visible move, so choosing it alone makes a valid request.
  camera: { type: 'none', axis: 'zoom', amount: 5 },
  feature: null,
  sound: false,
  voices: ['', ''],
  variations: 1,
};

/** Each field of `value` that parses, over the defaults. */
export function repairComposerSettings(value: unknown): ComposerSettings {
  const out: Record<string, unknown> = structuredClone(DEFAULT_COMPOSER_SETTINGS);
  if (!value || typeof value !== 'object') return out as ComposerSettings;
  const stored = value as Record<string, unknown>;
  for (const [key, schema] of Object.entries(composerSettingsSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(stored[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as ComposerSettings;
}
