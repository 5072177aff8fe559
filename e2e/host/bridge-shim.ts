// Runs in the page (bundled by the host and added as an init script): installs `window.studio` exactly as the
// Electron preload does, from the same contract and the same builder, over Playwright's binding instead of IPC.
import { createStudioApi } from '../../shared/ipc/api';
import type { BridgeResult } from '../../shared/ipc/result';
import { decodeBytes, encodeBytes } from './bytes-codec';

type Listener = (payload: unknown) => void;

declare global {
  interface Window {
    __studioInvoke(channel: string, request: unknown): Promise<BridgeResult<unknown>>;
    __studioEmit(event: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<Listener>>();

window.__studioEmit = (event, payload) => {
  const decoded = decodeBytes(payload);
  for (const listener of listeners.get(event) ?? []) listener(decoded);
};

const api = createStudioApi(
  (channel, request) => window.__studioInvoke(channel, encodeBytes(request)),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  },
);

Object.defineProperty(window, 'studio', { value: api, writable: false, configurable: false });
