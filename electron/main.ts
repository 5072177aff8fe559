// The composition root: the only file (with platform/) that touches Electron. Everything it wires is a plain-Node
// service built by createStudioServices, which the Chromium test host builds the same way.
import { app, BrowserWindow, ipcMain, nativeTheme, protocol } from 'electron';
import Store from 'electron-store';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicyFor } from './http/csp';
import { APP_ORIGIN, APP_SCHEME, MEDIA_ORIGIN, MEDIA_SCHEME } from './http/origins';
import { staticResponse } from './http/static-response';
import { mediaResponse, mediaUrlWith } from './library/media';
import { safeStorageBox } from './platform/secret-box';
import { electronDesktopShell } from './platform/desktop-shell';
import { electronWindowShell } from './platform/window-shell';
import { MemoryStore, type KeyValueStore } from './settings/key-value';
import { describeProblem, setAsideUnreadableSettings } from './settings/settings-file';
import { LIBRARY_FOLDER, SETTINGS_FILE, USER_DATA_ENV } from './settings/paths';
import { hardenApp } from './platform/security';
import { claimSingleInstance } from './platform/single-instance';
import { initialBounds, trackWindowState, type WindowState } from './platform/window-state';
import { createStudioServices, type StudioServices } from './services';
import { sandboxProvider, startBuiltInSandbox } from './tasks/sandbox-provider';
import type { ActiveProvider } from './tasks/provider';
import { listChannels } from '../shared/ipc/contract';

const here = dirname(fileURLToPath(import.meta.url));
// The folder of package.json, in development and inside the packaged app alike.
const appRoot = app.getAppPath();
const rendererRoot = join(appRoot, 'dist', 'renderer');
// The dev server and an external sandbox are for development and tests: a packaged app never trusts a page or a
// server named by its environment.
const devOnly = (name: string): string | undefined => (app.isPackaged ? undefined : process.env[name]);
const devServerUrl = devOnly('VITE_DEV_SERVER_URL');

// Tests and power users can give the app its own data folder (the command line honours the same variable).
if (process.env[USER_DATA_ENV]) app.setPath('userData', process.env[USER_DATA_ENV]);

// One instance: a second launch focuses this one's window and hands over its image path, then quits.
const instance = claimSingleInstance(app);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);

/**
 * Compared by scheme and host, not by prefix: `http://localhost:5173.evil.example/` must not pass for the dev server.
 * (Not `URL.origin`: Node gives custom schemes such as app: an opaque origin, "null".)
 */
const originOf = (url: string): string | undefined => {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
};
const trustedOrigins = new Set([APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)] : [])]);
const isAppUrl = (url: string) => {
  const origin = originOf(url);
  return origin !== undefined && trustedOrigins.has(origin);
};

let services: StudioServices | undefined;
let closeSandbox: (() => Promise<void>) | undefined;
let mainWindow: BrowserWindow | undefined;

async function sandbox(): Promise<ActiveProvider> {
  const external = devOnly('KLING_STUDIO_SANDBOX_URL');
  const key = devOnly('KLING_STUDIO_SANDBOX_KEY');
  if (external && key) return sandboxProvider(external, key, fetch);
  const started = await startBuiltInSandbox({ sampleClipPath: join(appRoot, 'assets', 'sample-clip.mp4'), fetch });
  closeSandbox = started.close;
  return started.provider;
}

/**
 * electron-store over `settings.json`, after moving an unreadable file aside (electron-store would throw on it). If
 * even that fails (a read-only data folder), settings live in memory for this session: the app still starts.
 */
function openSettings(): { store: KeyValueStore; notice?: string } {
  const problem = setAsideUnreadableSettings(join(app.getPath('userData'), SETTINGS_FILE));
  const notice = problem ? describeProblem(problem) : undefined;
  try {
    const store = new Store<Record<string, unknown>>({ name: 'settings', defaults: { window: {} } });
    return { store: { get: <T>(key: string) => store.get(key) as T | undefined, set: (key, value) => store.set(key, value) }, ...(notice ? { notice } : {}) };
  } catch (error) {
    return {
      store: new MemoryStore(),
      notice: `Settings could not be opened (${(error as Error).message}); changes made now last until Kling Studio quits.`,
    };
  }
}

async function ready(): Promise<void> {
  const desktop = electronDesktopShell(() => mainWindow);
  hardenApp({ isAppUrl, openInBrowser: (url) => desktop.openInBrowser(url), log: (message) => console.error(message) });
  const { store: settings, notice: settingsNotice } = openSettings();
  const provider = await sandbox();
  const studio = createStudioServices({
    libraryRoot: join(app.getPath('userData'), LIBRARY_FOLDER),
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    sandbox: provider,
    settings,
    ...(settingsNotice ? { settingsNotice } : {}),
    secretBox: safeStorageBox(),
    mediaUrl: mediaUrlWith(`${MEDIA_ORIGIN}/`),
    desktop,
    windowShell: electronWindowShell(() => mainWindow),
    menu: { platform: process.platform, developer: !app.isPackaged },
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    fetch,
    isTrustedSender: (sender) => isAppUrl(sender.url),
    log: (message) => console.error(message),
  });
  services = studio;
  instance.attach(studio.launch);
  void studio.launch.firstLaunch(process.argv, process.cwd());

  protocol.handle(APP_SCHEME, (request) => {
    const path = new URL(request.url).pathname;
    return staticResponse(rendererRoot, path, request, { 'Content-Security-Policy': contentSecurityPolicyFor(path, MEDIA_ORIGIN) });
  });
  protocol.handle(MEDIA_SCHEME, (request) => mediaResponse(studio.library, new URL(request.url).pathname, request));
  for (const { name } of listChannels()) {
    // Only the top frame of the app's own page may call: a subframe, or a frame already gone, counts as a stranger.
    ipcMain.handle(name, (event, request: unknown) => {
      const frame = event.senderFrame;
      const url = frame && frame === event.sender.mainFrame ? frame.url : '';
      return studio.registry.handle(name, request, { url });
    });
  }

  const windowState = { get: () => settings.get<WindowState>('window') ?? {}, set: (s: WindowState) => settings.set('window', s) };
  const saved = windowState.get();
  mainWindow = new BrowserWindow({
    ...initialBounds(saved),
    minWidth: 900,
    minHeight: 600,
    title: 'Kling Studio',
    icon: join(appRoot, 'assets', 'icon.png'),
    // The page's background in the theme in use (set from Settings above), so no flash of the other one at start.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1115' : '#f6f7fa',
    show: false,
    // Every item stated, not left to defaults, so the intent reads here and scanners assuming older defaults agree.
    webPreferences: {
      preload: join(here, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: our own preload, exposing only the contract-built `studio` object
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      safeDialogs: true,
      // Today's Chromium has no Auxclick feature left to disable: middle-click on a link is stopped by the window-open
      // handler (platform/security.ts) and the renderer's link guard. Stated for scanners that look for it.
      disableBlinkFeatures: 'Auxclick',
      // @ts-expect-error Electron removed `remote` (and this option) in v14; stated for scanners assuming older defaults.
      enableRemoteModule: false,
      spellcheck: true,
    },
  });
  if (saved.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, windowState);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  await studio.start();
}

if (instance.primary) {
  app.whenReady().then(ready, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  services?.stop();
  void closeSandbox?.();
});
