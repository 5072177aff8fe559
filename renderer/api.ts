// The one caller of the bridge. Everything in the renderer reaches main through `studio`.
import type { StudioApi } from '../shared/ipc/api';
import type { BridgeError, BridgeResult } from '../shared/ipc/result';

declare global {
  interface Window {
    studio?: StudioApi;
  }
}

function bridge(): StudioApi {
  if (!window.studio) throw new Error('The Kling Studio bridge is missing: this page must run inside the app.');
  return window.studio;
}

export const studio: StudioApi = new Proxy({} as StudioApi, {
  get: (_target, key) => bridge()[key as keyof StudioApi],
});

/** A failed bridge call, carried as an exception inside the renderer where that reads better. */
export class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
    this.name = 'BridgeFailure';
  }
}

export async function unwrap<T>(call: Promise<BridgeResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new BridgeFailure(result.error);
  return result.value;
}
