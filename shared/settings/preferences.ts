// The person's preferences (Settings view), as data shared by main, which keeps them, and the renderer, which shows
// them. The schema is the one truth: main repairs a stored value field by field against it, and parses every change.
import { z } from 'zod';
import { LIMITS } from '../kling/limits';
import { DEFAULT_MODEL } from '../kling/models';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** How often running generations are checked on Kling (the sandbox, on this machine, is always checked often). */
export const POLLING = ['often', 'normal', 'relaxed'] as const;
export type Polling = (typeof POLLING)[number];

export const preferencesSchema = z.object({
  /** What a New document starts with (the composer remembers what was used last for the current one). */
  newDocument: z.object({
    model: z.string().trim().min(1).max(100),
    mode: z.enum(LIMITS.modes),
    duration: z.enum(LIMITS.durations),
  }),
  polling: z.enum(POLLING),
  /** Off: a finished clip stays on Kling (30 days) until the person asks for it, e.g. on a metered connection. */
  autoDownload: z.boolean(),
  notifications: z.object({
    /** A system notification when a generation finishes or fails while the window is in the background. */
    finished: z.boolean(),
    /** The number of generations in flight on the dock / taskbar icon. */
    badge: z.boolean(),
    /** The taskbar's progress bar while clips download. */
    progress: z.boolean(),
  }),
  theme: z.enum(THEMES),
});

export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
  newDocument: { model: DEFAULT_MODEL, mode: 'std', duration: '5' },
  polling: 'normal',
  autoDownload: true,
  notifications: { finished: true, badge: true, progress: true },
  theme: 'system',
};

/** A change from the Settings view: any subset of the fields, nested objects partly too. */
export const preferencesPatchSchema = z
  .object({
    newDocument: preferencesSchema.shape.newDocument.partial().strict(),
    polling: preferencesSchema.shape.polling,
    autoDownload: preferencesSchema.shape.autoDownload,
    notifications: preferencesSchema.shape.notifications.partial().strict(),
    theme: preferencesSchema.shape.theme,
  })
  .partial()
  .strict();

export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

export function applyPatch(current: Preferences, patch: PreferencesPatch): Preferences {
  return {
    ...current,
    ...patch,
    newDocument: { ...current.newDocument, ...patch.newDocument },
    notifications: { ...current.notifications, ...patch.notifications },
  };
}
