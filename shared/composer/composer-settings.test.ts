import { describe, expect, it } from 'vitest';
import { composerSettingsSchema, DEFAULT_COMPOSER_SETTINGS, repairComposerSettings } from './composer-settings';

describe('repairComposerSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(repairComposerSettings(undefined)).toEqual(DEFAULT_COMPOSER_SETTINGS);
    expect(composerSettingsSchema.safeParse(DEFAULT_COMPOSER_SETTINGS).success).toBe(true);
  });

  it('keeps every field that parses and drops only the bad ones', () => {
    const stored = { ...DEFAULT_COMPOSER_SETTINGS, prompt: 'waves', model: 'kling-v2-6', cfgScale: 7, camera: { type: 'spin' }, extra: 1 };
    expect(repairComposerSettings(stored)).toEqual({ ...DEFAULT_COMPOSER_SETTINGS, prompt: 'waves', model: 'kling-v2-6' });
  });
});
