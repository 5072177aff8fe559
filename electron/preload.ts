// The preload exposes exactly one object, `window.studio`, built from the bridge contract. The renderer never sees
// ipcRenderer, and can only call the channels the contract names.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createStudioApi } from '../shared/ipc/api';
import { EVENT_NAMES } from '../shared/ipc/channels';

const api = createStudioApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
);

contextBridge.exposeInMainWorld('studio', api);
