// The composer's text and parameters come back after a restart: loaded from main once at start, saved (debounced)
// after each change. Frames and painting are the editor draft's business, not this.
import { useEffect } from 'react';
import type { ComposerSettings } from '../../shared/composer/composer-settings';
import { studio } from '../api';
import { PARAM_KEYS, useComposer, type ComposerState } from '../store/composer';

const SAVE_DELAY_MS = 250;

const paramsOf = (s: ComposerState): ComposerSettings =>
  Object.fromEntries(PARAM_KEYS.map((k) => [k, s[k]])) as unknown as ComposerSettings;

const sameParams = (a: ComposerState, b: ComposerState): boolean => PARAM_KEYS.every((k) => a[k] === b[k]);

export function usePersistedComposer(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    const save = () => {
      timer = undefined;
      void studio.composer.saveSettings(paramsOf(useComposer.getState())).catch(() => undefined);
    };
    void studio.composer
      .loadSettings({})
      .then((result) => {
        if (cancelled) return;
        // Only what was stored: what the person typed during the first milliseconds is not worth a race.
        if (result.ok) useComposer.setState(result.value);
        stop = useComposer.subscribe((next, previous) => {
          if (sameParams(next, previous)) return;
          if (timer) clearTimeout(timer);
          timer = setTimeout(save, SAVE_DELAY_MS);
        });
      })
      .catch(() => undefined);
    // Closing the window within the delay must not lose the last keystrokes.
    const flush = () => {
      if (!timer) return;
      clearTimeout(timer);
      save();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      stop?.();
      flush();
      window.removeEventListener('pagehide', flush);
    };
  }, []);
}
