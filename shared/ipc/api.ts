// The shape of `window.studio`, built from the contract. The same builder runs in the Electron preload and in the
// Chromium test host, so the renderer cannot tell them apart.
import type { z } from 'zod';
import { CHANNELS, channelName } from './channels';
import type { Contract, StudioEvents } from './contract';
import type { BridgeResult } from './result';

type Method<D> = D extends { request: infer S extends z.ZodType; response: infer R }
  ? (request: z.input<S>) => Promise<BridgeResult<R>>
  : never;

export type StudioApi = { [D in keyof Contract]: { [M in keyof Contract[D]]: Method<Contract[D][M]> } } & {
  /** Subscribe to an event from main; returns the unsubscribe function. */
  on<E extends keyof StudioEvents>(event: E, listener: (payload: StudioEvents[E]) => void): () => void;
};

export type Invoke = (channel: string, request: unknown) => Promise<BridgeResult<unknown>>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export function createStudioApi(invoke: Invoke, subscribe: Subscribe): StudioApi {
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(CHANNELS)) {
    const group: Record<string, (request: unknown) => Promise<BridgeResult<unknown>>> = {};
    for (const method of methods) {
      const name = channelName(domain, method);
      group[method] = (request: unknown) => invoke(name, request ?? {});
    }
    api[domain] = Object.freeze(group);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.freeze(api) as unknown as StudioApi;
}
