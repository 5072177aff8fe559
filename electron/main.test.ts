// The few lines of Electron glue, run against a stand-in `electron` module: the window is hardened, every bridge
// channel is registered, only the app's own top frame may use the bridge, the renderer is served with its CSP, and
// navigation, new windows (window.open, target=_blank, middle-click), <webview> and permissions are refused.
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../shared/ipc/contract';
import { KLING_LINKS } from '../shared/security/external-links';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({
  /** The last application menu, as the template handed to Menu.buildFromTemplate. */
  menu: [] as { label?: string; role?: string; submenu?: { label?: string; role?: string; accelerator?: string; enabled?: boolean; click?: () => void; type?: string }[] }[],
  sent: [] as { channel: string; payload: unknown }[],
  themeSource: 'system',
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  session: {} as Record<string, (...args: unknown[]) => unknown>,
  opened: [] as string[],
  ready: undefined as undefined | (() => void),
  userData: '',
  focused: 0,
  badge: 0,
  progress: [] as number[],
  notes: [] as { options: { title: string; body: string }; shown: boolean; listeners: Map<string, () => void> }[],
  /** What dialog.showSaveDialog was called with (owner window, options), and the path it answers (none: cancel). */
  saveDialogs: [] as unknown[][],
  saveAnswer: undefined as string | undefined,
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
    focus() {
      fake.focused += 1;
    }
    isMinimized() {
      return false;
    }
    isFocused() {
      return false;
    }
    setProgressBar(value: number) {
      fake.progress.push(value);
    }
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
  const recordSession = (name: string) => (handler: (...args: unknown[]) => unknown) => void (fake.session[name] = handler);
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
      requestSingleInstanceLock: () => true,
      exit: () => undefined,
      setBadgeCount: (count: number) => void (fake.badge = count),
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
        return true;
      }
      record: (typeof fake.notes)[number];
      constructor(options: { title: string; body: string }) {
        this.record = { options, shown: false, listeners: new Map() };
        fake.notes.push(this.record);
      }
      on(event: string, listener: () => void) {
        this.record.listeners.set(event, listener);
      }
      show() {
        this.record.shown = true;
      }
    },
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        fake.saveDialogs.push(args);
        return fake.saveAnswer ? { canceled: false, filePath: fake.saveAnswer } : { canceled: true };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
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
    session: {
      defaultSession: {
        setPermissionRequestHandler: recordSession('request'),
        setPermissionCheckHandler: recordSession('check'),
        setDevicePermissionHandler: recordSession('device'),
      },
    },
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
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
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('./main');
  fake.ready?.();
  await vi.waitFor(() => expect(fake.windows[0]?.loaded).toBeDefined(), { timeout: 10_000 });
});

afterAll(() => fake.appEvents.get('before-quit')?.());

const APP_PAGE = 'app://studio/index.html';

/** A web contents as Electron hands it to `web-contents-created`, recording what main attaches to it. */
function createdContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  fake.appEvents.get('web-contents-created')?.({}, contents);
  const event = (url = '') => ({ url, preventDefault: vi.fn() });
  return {
    listeners,
    /** Fire a navigation-type event; true when main refused it. */
    refuses(name: string, url: string): boolean {
      const e = event(url);
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no ${name} listener`);
      if (name === 'will-frame-navigate') listener(e);
      else listener(e, url);
      return e.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

/** A bridge call as ipcMain hands it over: from the top frame of a page at `url`, or from the event given. */
const fromTopFrame = (url: string) => {
  const frame = { url };
  return { senderFrame: frame, sender: { mainFrame: frame } };
};
const invokeAs = (channel: string, event: unknown, request: unknown = {}) =>
  fake.handlers.get(channel)?.(event, request) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const invoke = (channel: string, url: string, request: unknown = {}) => invokeAs(channel, fromTopFrame(url), request);
const menuItem = (label: string) => fake.menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === label);

describe('the Electron composition root', () => {
  it('opens one window on the app protocol with every hardening preference stated', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      enableRemoteModule: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(fake.windows[0]?.loaded).toBe(APP_PAGE);
  });

  it('registers a handler for every channel of the contract', () => {
    for (const { name } of listChannels()) expect(fake.handlers.has(name), name).toBe(true);
  });

  it('answers the app’s own top frame and refuses any other sender', async () => {
    expect((await invoke('profiles:list', APP_PAGE)).ok).toBe(true);
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'not a url', 'app://studio.evil/x']) {
      expect((await invoke('profiles:list', url)).error?.code, url).toBe('forbidden-sender');
    }
  });

  it('refuses a subframe, even one on the app’s origin, and a frame that is gone', async () => {
    const subframe = { senderFrame: { url: APP_PAGE }, sender: { mainFrame: { url: APP_PAGE } } };
    expect((await invokeAs('profiles:list', subframe)).error?.code).toBe('forbidden-sender');
    expect((await invokeAs('profiles:list', { senderFrame: null, sender: { mainFrame: null } })).error?.code).toBe('forbidden-sender');
  });

  it('serves the renderer with the Content-Security-Policy and refuses paths out of it', async () => {
    const serve = fake.protocols.get('app');
    const page = await serve?.(new Request(APP_PAGE));
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page?.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
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

  it('carries out notifications, the badge and the taskbar bar through Electron', async () => {
    const { electronWindowShell } = await import('./platform/window-shell');
    const { BrowserWindow } = await import('electron');
    const window = new BrowserWindow({});
    const shell = electronWindowShell(() => window);
    let clicked = 0;
    shell.notify({ title: 'Video ready', body: 'a cat' }, () => void (clicked += 1));
    const note = fake.notes.at(-1);
    expect(note).toMatchObject({ options: { title: 'Video ready', body: 'a cat' }, shown: true });
    note?.listeners.get('click')?.();
    expect(clicked).toBe(1);
    if (process.platform !== 'win32') {
      shell.setBadgeCount(3);
      expect(fake.badge).toBe(3);
    }
    shell.setProgress(0.25);
    shell.setProgress(undefined);
    expect(fake.progress.slice(-2)).toEqual([0.25, -1]);
    expect(shell.isFocused()).toBe(false);
  });

  it('sets the native theme from Settings', async () => {
    expect((await invoke('settings:update', APP_PAGE, { theme: 'light' })).ok).toBe(true);
    expect(fake.themeSource).toBe('light');
    await invoke('settings:update', APP_PAGE, { theme: 'system' });
    expect(fake.themeSource).toBe('system');
  });
});

describe('every web contents the app creates', () => {
  it('stays on the app: navigation, frame navigation and redirects elsewhere are refused', () => {
    const contents = createdContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.refuses(name, APP_PAGE), `${name} to the app`).toBe(false);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://localhost:5173.evil.example/', 'app://other/', 'javascript:alert(1)']) {
        expect(contents.refuses(name, url), `${name} ${url}`).toBe(true);
      }
    }
  });

  it('refuses to attach a <webview>', () => {
    expect(createdContents().refuses('will-attach-webview', '')).toBe(true);
  });

  it('opens no new window: an allowed link goes to the browser, anything else nowhere', async () => {
    const contents = createdContents();
    fake.opened.length = 0;
    for (const url of ['https://evil.example/', 'http://app.klingai.com/', 'file:///etc/passwd', APP_PAGE, 'about:blank', 'smb://host/share']) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(contents.open(KLING_LINKS.docs)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.opened).toEqual([KLING_LINKS.docs]));
  });

  it('turns a click on an allowed link into the browser, and refuses other links without opening anything', async () => {
    const contents = createdContents();
    fake.opened.length = 0;
    expect(contents.refuses('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.refuses('will-navigate', KLING_LINKS.console)).toBe(true);
    await vi.waitFor(() => expect(fake.opened).toEqual([KLING_LINKS.console]));
  });
});

describe('permissions', () => {
  const request = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    fake.session.request?.({}, permission, callback, { requestingUrl });
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const check = (permission: string, origin: string) => fake.session.check?.({}, permission, origin, {}) as boolean;

  it('refuses every permission the app does not use', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'window-management', 'unknown']) {
      expect(request(permission, APP_PAGE), permission).toBe(false);
      expect(check(permission, 'app://studio'), permission).toBe(false);
    }
    expect(fake.session.device?.({ deviceType: 'usb', origin: 'app://studio' })).toBe(false);
  });

  it('grants clipboard writing and full screen to the app’s own page only', () => {
    for (const permission of ['clipboard-sanitized-write', 'fullscreen']) {
      expect(request(permission, APP_PAGE), permission).toBe(true);
      expect(check(permission, 'app://studio'), permission).toBe(true);
      expect(request(permission, 'https://evil.example/'), permission).toBe(false);
      expect(check(permission, 'https://evil.example'), permission).toBe(false);
    }
  });

  it('takes the single-instance lock: a second launch focuses the window and its image becomes the start frame', async () => {
    const photo = join(fake.userData, 'holiday.png');
    await writeFile(photo, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const focusedBefore = fake.focused;
    fake.appEvents.get('second-instance')?.({}, ['/opt/kling-studio', 'holiday.png'], fake.userData);
    await expect(invoke('app:ready', APP_PAGE)).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.sent.find((s) => s.channel === 'app.openFile')).toBeDefined());
    expect(fake.focused).toBe(focusedBefore + 1);
    const sent = fake.sent.find((s) => s.channel === 'app.openFile')?.payload as { fileName: string; bytes: Uint8Array };
    expect(sent.fileName).toBe('holiday.png');
    expect([...sent.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('saving what the page made (Export mask)', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it('asks in the window’s own save dialog, suggesting the name with PNG as the type, and writes the bytes there', async () => {
    const target = join(fake.userData, 'exported', 'motion-1.png');
    await mkdir(join(fake.userData, 'exported'), { recursive: true });
    fake.saveAnswer = target;
    const answer = await invoke('app:saveImage', APP_PAGE, { name: 'dynamic_mask_1.png', png });
    expect(answer).toEqual({ ok: true, value: target });
    expect([...(await readFile(target))]).toEqual([...png]);
    const [owner, options] = fake.saveDialogs.at(-1) ?? [];
    expect((owner as { record?: unknown }).record).toBe(fake.windows[0]);
    expect(options).toEqual({ defaultPath: 'dynamic_mask_1.png', filters: [{ name: 'PNG image', extensions: ['png'] }] });
  });

  it('writes nothing when the dialog is cancelled, and refuses what is no PNG or a name with a folder in it', async () => {
    fake.saveAnswer = undefined;
    const dialogs = fake.saveDialogs.length;
    expect(await invoke('app:saveImage', APP_PAGE, { name: 'static_mask.png', png })).toEqual({ ok: true, value: null });
    expect(fake.saveDialogs).toHaveLength(dialogs + 1);
    expect(await readdir(join(fake.userData, 'exported'))).toEqual(['motion-1.png']);

    fake.saveAnswer = join(fake.userData, 'exported', 'never.png');
    const script = new TextEncoder().encode('#!/bin/sh');
    expect((await invoke('app:saveImage', APP_PAGE, { name: 'x.png', png: script })).error?.code).toBe('invalid-input');
    for (const name of ['../escape.png', '/etc/x.png', 'mask.sh', '.png']) {
      expect((await invoke('app:saveImage', APP_PAGE, { name, png })).error?.code, name).toBe('invalid-request');
    }
    expect(fake.saveDialogs).toHaveLength(dialogs + 1);
    fake.saveAnswer = undefined;
  });
});
