// The one settings service for preferences (Settings view) and where the library lives, over whichever store backs it (electron-store in the app, a JSON file in the test host). Reads repair field
// by field: a value this version cannot use (hand-edited, written by a newer app) falls back to its default instead
// of breaking the app, and the rest of the person's choices are kept.
import { z } from 'zod';
import {
  applyPatch,
  DEFAULT_PREFERENCES,
  preferencesPatchSchema,
  preferencesSchema,
  type Preferences,
  type PreferencesPatch,
} from '../../shared/settings/preferences';
import type { KeyValueStore } from './key-value';
import { migrateSettings } from './migrations';

const PREFERENCES = 'preferences';
const LIBRARY_PATH = 'libraryPath';

type Listener = (preferences: Preferences, previous: Preferences) => void;

/** Each field of `value` that parses, over the defaults: one bad field does not cost the others. */
function repair(value: unknown): Preferences {
  if (!value || typeof value !== 'object') return structuredClone(DEFAULT_PREFERENCES);
  const stored = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(preferencesSchema.shape)) {
    const fallback = DEFAULT_PREFERENCES[key as keyof Preferences];
    const whole = schema.safeParse(stored[key]);
    if (whole.success) {
      out[key] = whole.data;
      continue;
    }
    // A nested group (notifications, newDocument): keep the fields that parse.
    const group = stored[key];
    if (schema instanceof z.ZodObject && group && typeof group === 'object') {
      const fields = schema.shape as Record<string, z.ZodType>;
      out[key] = Object.fromEntries(
        Object.entries(fallback as Record<string, unknown>).map(([field, def]) => {
          const v = (group as Record<string, unknown>)[field];
          return [field, fields[field]?.safeParse(v).success ? v : def];
        }),
      );
    } else {
      out[key] = structuredClone(fallback);
    }
  }
  return out as Preferences;
}

export class AppSettings {
  private readonly listeners = new Set<Listener>();
  private notice: string | undefined;

  constructor(
    private readonly store: KeyValueStore,
    options: { notice?: string } = {},
  ) {
    migrateSettings(store);
    this.notice = options.notice;
  }

  preferences(): Preferences {
    return repair(this.store.get(PREFERENCES));
  }

  /** Parse and apply a change; listeners hear the new preferences. Throws the parser's error on a bad patch. */
  update(patch: PreferencesPatch): Preferences {
    const parsed = preferencesPatchSchema.parse(patch);
    const previous = this.preferences();
    const next = applyPatch(previous, parsed);
    this.store.set(PREFERENCES, next);
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The library folder the person moved the library to; undefined = the default one in the data folder. */
  libraryPath(): string | undefined {
    const path = this.store.get<unknown>(LIBRARY_PATH);
    return typeof path === 'string' && path.length > 0 ? path : undefined;
  }

  setLibraryPath(path: string | undefined): void {
    this.store.set(LIBRARY_PATH, path);
  }

  /** What went wrong with the settings file at start, said once: until the person dismisses it. */
  pendingNotice(): string | undefined {
    return this.notice;
  }

  dismissNotice(): void {
    this.notice = undefined;
  }
}
