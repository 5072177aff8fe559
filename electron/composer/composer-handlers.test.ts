// The composer's parameters across restarts: the first start (nothing kept) takes Settings ▸ New documents; after
// that, what the person left wins.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSER_SETTINGS } from '../../shared/composer/composer-settings';
import type { Preferences } from '../../shared/settings/preferences';
import { MemoryStore } from '../settings/key-value';
import { composerHandlers } from './composer-handlers';

describe('composer settings', () => {
  const newDocument: Preferences['newDocument'] = { model: 'kling-v2-1', mode: 'pro', duration: '10' };

  it('start as Settings ▸ New documents says when nothing was kept yet', async () => {
    const handlers = composerHandlers({ store: new MemoryStore(), newDocument: () => newDocument });
    expect(await handlers['composer:loadSettings']()).toEqual({ ...DEFAULT_COMPOSER_SETTINGS, ...newDocument });
  });

  it('come back as they were left, whatever New documents says', async () => {
    const handlers = composerHandlers({ store: new MemoryStore(), newDocument: () => newDocument });
    const left = { ...DEFAULT_COMPOSER_SETTINGS, prompt: 'a cat', model: 'kling-v1-6' };
    await handlers['composer:saveSettings'](left);
    expect(await handlers['composer:loadSettings']()).toEqual(left);
  });
});
