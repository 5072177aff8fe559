// The preload, run against a stand-in `electron`: it exposes one object, `studio`, and nothing else; the object is
// frozen, offers exactly the contract's channels (plus `on`), forwards each call to its own channel only, and
// subscribes only to the contract's events, never handing the renderer the IPC event (which carries `sender`).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, channelName } from '../shared/ipc/channels';

const fake = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (...args: unknown[]) => void>(),
  removed: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      fake.invoked.push([channel, request]);
      return { ok: true, value: null };
    },
    on: (event: string, listener: (...args: unknown[]) => void) => void fake.listeners.set(event, listener),
    removeListener: (event: string) => void fake.removed.push(event),
  },
}));

type Api = Record<string, Record<string, (request?: unknown) => Promise<unknown>>> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
};
let api: Api;
beforeAll(async () => {
  await import('./preload');
  api = fake.exposed[0]?.[1] as Api;
});

describe('the preload', () => {
  it('exposes one object, `studio`, and it is frozen all the way down', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['studio']);
    expect(Object.isFrozen(api)).toBe(true);
    for (const domain of Object.keys(CHANNELS)) expect(Object.isFrozen(api[domain]), domain).toBe(true);
  });

  it('offers exactly the contract’s channels, each calling its own channel and nothing else', async () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), 'on'].sort());
    for (const [domain, methods] of Object.entries(CHANNELS)) {
      expect(Object.keys(api[domain] ?? {}).sort(), domain).toEqual([...methods].sort());
      for (const method of methods) {
        fake.invoked.length = 0;
        await api[domain]?.[method]?.({ probe: method });
        expect(fake.invoked).toEqual([[channelName(domain, method), { probe: method }]]);
      }
    }
    // No way to name a channel: no generic invoke or send, no ipcRenderer.
    for (const name of ['invoke', 'send', 'ipcRenderer', 'sendSync', 'postMessage']) expect(api).not.toHaveProperty(name);
  });

  it('subscribes to the contract’s events only, passes the payload alone, and unsubscribes', () => {
    for (const event of EVENT_NAMES) {
      const listener = vi.fn();
      const off = api.on(event, listener);
      fake.listeners.get(event)?.({ sender: 'the IPC event, with its sender' }, { payload: event });
      expect(listener).toHaveBeenCalledWith({ payload: event });
      expect(listener.mock.calls[0]).toHaveLength(1);
      off();
      expect(fake.removed.at(-1)).toBe(event);
    }
    expect(() => api.on('ipc-internal-event', () => undefined)).toThrow(/Unknown event/);
  });
});
