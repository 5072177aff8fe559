// The few lines of Electron glue, run against a stand-in `electron` module: the window is hardened, every bridge
// channel is registered, only the app's own pages may use the bridge, and the renderer is served with its CSP.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../shared/ipc/contract';

const fake = vi.hoisted(() => ({
  /** The last application menu, as the template handed to Menu.buildFromTemplate. */
  menu: [] as { label?: string; role?: string; submenu?: { label?: string; role?: string; accelerator?: string; enabled?: boolean; click?: () => void; type?: string }[] }[],
  sent: [] as { channel: string; payload: unknown }[],
  themeSource: 'system',
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  appEvents: new Map<string, () => void>(),
  ready: undefined as undefined | (() => void),
  userData: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      send: (channel: string, payload: unknown) => void fake.sent.push({ channel, payload }),
      undo: () => void fake.sent.push({ channel: 'native:undo', payload: null }),
      redo: () => void fake.sent.push({ channel: 'native:redo', payload: null }),
    };
    record: { options: Record<string, unknown>; loaded?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      fake.windows.push(this.record);
    }
    on() {}
    once() {}
    maximize() {}
    show() {}
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1360, height: 860 };
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
  }
  const readyPromise = new Promise<void>((resolve) => (fake.ready = resolve));
  return {
    app: {
      isPackaged: false,
      setPath: () => undefined,
      getPath: () => fake.userData,
      getAppPath: () => process.cwd(),
      getName: () => 'Kling Studio',
      getVersion: () => '0.0.0',
      whenReady: () => readyPromise,
      on: (event: string, listener: () => void) => void fake.appEvents.set(event, listener),
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: typeof fake.menu) => template,
      setApplicationMenu: (menu: typeof fake.menu) => void (fake.menu = menu),
    },
    nativeTheme: {
      get shouldUseDarkColors() {
        return fake.themeSource !== 'light';
      },
      get themeSource() {
        return fake.themeSource;
      },
      set themeSource(value: string) {
        fake.themeSource = value;
      },
    },
    nativeImage: { createFromBitmap: () => ({}) },
    Notification: class {
      static isSupported() {
        return false;
      }
    },
    dialog: { showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    ipcMain: { handle: (channel: string, f: (...args: unknown[]) => unknown) => void fake.handlers.set(channel, f), on: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, f: (request: Request) => Promise<Response>) => void fake.protocols.set(scheme, f),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    shell: { openExternal: () => undefined },
  };
});

vi.mock('electron-store', () => ({
  default: class {
    private data = new Map<string, unknown>();
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
  },
}));

beforeAll(async () => {
  fake.userData = await mkdtemp(join(tmpdir(), 'kling-main-'));
  await import('./main');
  fake.ready?.();
  await vi.waitFor(() => expect(fake.windows[0]?.loaded).toBeDefined(), { timeout: 10_000 });
});

afterAll(() => fake.appEvents.get('before-quit')?.());

const invoke = (channel: string, url: string, request: unknown = {}) =>
  fake.handlers.get(channel)?.({ senderFrame: { url } }, request) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const APP_PAGE = 'app://studio/index.html';
const menuItem = (label: string) => fake.menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === label);

describe('the Electron composition root', () => {
  it('opens one hardened window on the app protocol', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(fake.windows[0]?.loaded).toBe('app://studio/index.html');
  });

  it('registers a handler for every channel of the contract', () => {
    for (const { name } of listChannels()) expect(fake.handlers.has(name), name).toBe(true);
  });

  it('answers the app’s own pages and refuses any other sender', async () => {
    expect((await invoke('profiles:list', 'app://studio/index.html')).ok).toBe(true);
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'not a url']) {
      expect((await invoke('profiles:list', url)).error?.code, url).toBe('forbidden-sender');
    }
  });

  it('serves the renderer with the Content-Security-Policy and refuses paths out of it', async () => {
    const serve = fake.protocols.get('app');
    const page = await serve?.(new Request('app://studio/index.html'));
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await serve?.(new Request('app://studio/../../package.json')))?.status).toBe(404);
    expect(fake.protocols.has('studio-media')).toBe(true);
  });

  it('builds the application menu from the commands the page reports, and a click runs the command in the page', async () => {
    // Before the page says anything: the standard menus, with Edit's clipboard roles.
    expect(fake.menu.map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Generation', 'Window', 'Help']);
    expect(fake.menu[1]?.submenu?.map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);

    const answer = await invoke('app:setMenu', APP_PAGE, {
      commands: [
        { id: 'frame.open', label: 'Open image…', shortcut: 'Mod+O', menu: 'file', enabled: true },
        { id: 'generation.submit', label: 'Generate', shortcut: 'Mod+Enter', menu: 'generation', enabled: false },
        { id: 'editor.undo', label: 'Undo', shortcut: 'Mod+Z', menu: 'edit', enabled: true },
      ],
      textFocus: false,
    });
    expect(answer.ok).toBe(true);
    expect(menuItem('Open image…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', enabled: true });
    expect(menuItem('Generate')).toMatchObject({ accelerator: 'CmdOrCtrl+Enter', enabled: false });
    fake.sent.length = 0;
    menuItem('Open image…')?.click?.();
    expect(fake.sent).toEqual([{ channel: 'app.command', payload: { id: 'frame.open' } }]);
    menuItem('Undo')?.click?.();
    expect(fake.sent.at(-1)).toEqual({ channel: 'app.command', payload: { id: 'editor.undo' } });
  });

  it('Edit ▸ Undo acts on the typing while a text field has the focus', async () => {
    await invoke('app:setMenu', APP_PAGE, {
      commands: [{ id: 'editor.undo', label: 'Undo', shortcut: 'Mod+Z', menu: 'edit', enabled: false }],
      textFocus: true,
    });
    fake.sent.length = 0;
    expect(menuItem('Undo')?.enabled).toBe(true);
    menuItem('Undo')?.click?.();
    expect(fake.sent).toEqual([{ channel: 'native:undo', payload: null }]);
  });

  it('refuses a menu the schema does not allow', async () => {
    const answer = await invoke('app:setMenu', APP_PAGE, { commands: [{ id: 'x', label: 'X', menu: 'secret', enabled: true }], textFocus: false });
    expect(answer.error?.code).toBe('invalid-request');
  });

  it('sets the native theme from Settings', async () => {
    expect((await invoke('settings:update', APP_PAGE, { theme: 'light' })).ok).toBe(true);
    expect(fake.themeSource).toBe('light');
    await invoke('settings:update', APP_PAGE, { theme: 'system' });
    expect(fake.themeSource).toBe('system');
  });
});
