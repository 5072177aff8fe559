// The composition of the plain-Node services behind the bridge. Electron's main.ts and the Chromium test host both
// build the app through this function, so everything but the few lines of Electron glue runs in tests.
import type { AppInfo, ProviderStatus, StudioEvents } from '../shared/ipc/contract';
import type { DesktopShell } from './desktop/desktop-shell';
import type { GenerationRecord } from '../shared/library/generation';
import { generationHandlers } from './ipc/generation-handlers';
import { replayHandlers } from './ipc/replay-handlers';
import { requestHandlers } from './ipc/request-handlers';
import { createHandlerRegistry, type HandlerRegistry, type Sender } from './ipc/registry';
import { Library } from './library/library';
import { Deletion } from './library/deletion';
import { LibraryWatcher } from './library/library-watcher';
import { libraryHandlers } from './ipc/library-handlers';
import { toView, type MediaUrl } from './library/media';
import { createTaskEngine, type TaskEngine } from './tasks/engine';
import { reaches, type ActiveProvider } from './tasks/provider';
import { createProviderRegistry, type ProviderRegistry } from './tasks/providers';
import { profileHandlers } from './ipc/profile-handlers';
import { linkHandlers } from './ipc/link-handlers';
import { saveImageHandlers } from './ipc/save-image-handlers';
import { composerHandlers } from './composer/composer-handlers';
import { MemoryStore, type KeyValueStore } from './settings/key-value';
import { ProfileStore } from './settings/profile-store';
import { CredentialVault, plainBox, type SecretBox } from './settings/credential-vault';
import { AppSettings } from './settings/app-settings';
import { settingsHandlers, settingsState } from './ipc/settings-handlers';
import { POLL_SCHEDULES } from './tasks/backoff';
import { RecordingWindowShell, type WindowShell } from './desktop/window-shell';
import { createAppMenu, type AppMenu } from './desktop/app-menu';
import type { MenuEnvironment } from './desktop/menu-template';
import type { MenuState } from '../shared/desktop/menu';
import { createLaunchFiles, type LaunchFiles } from './desktop/launch-files';
import { createDesktopSignals } from './desktop/desktop-signals';

export type Emit = <E extends keyof StudioEvents>(event: E, payload: StudioEvents[E]) => void;

export interface StudioServicesDeps {
  libraryRoot: string;
  app: Omit<AppInfo, 'libraryPath'>;
  /** The built-in (or an external) sandbox: always usable, the default while no other profile has a credential. */
  sandbox: ActiveProvider;
  /** Small settings: preferences, profiles and (encrypted) credentials. In memory when left out. */
  settings?: KeyValueStore;
  /** What went wrong with the settings file at start (it was moved aside): told to the person once. */
  settingsNotice?: string;
  /** How credentials are encrypted at rest; Electron's safeStorage in the app. */
  secretBox?: SecretBox;
  mediaUrl: MediaUrl;
  /** The trash, the file manager and save dialogs: Electron's in the app, a recording stand-in in tests. */
  desktop: DesktopShell;
  /** The menu, notifications, badge, focus and native theme: Electron's in the app; a recording one when left out. */
  windowShell?: WindowShell;
  /** Platform conventions of the application menu (macOS app menu, developer items). */
  menu?: Omit<MenuEnvironment, 'appName'>;
  emit: Emit;
  fetch: typeof fetch;
  isTrustedSender(sender: Sender): boolean;
  sleep?(ms: number): Promise<void>;
  /** A timer (notifications of generations ending together are gathered); setTimeout when left out. */
  schedule?(run: () => void, ms: number): { cancel(): void };
  random?(): number;
  now?(): Date;
  log?(message: string): void;
}

export interface StudioServices {
  library: Library;
  engine: TaskEngine;
  registry: HandlerRegistry;
  providers: ProviderRegistry;
  settings: AppSettings;
  menu: AppMenu;
  /** Images given at launch or by a second launch, handed to the window as the start frame. */
  launch: LaunchFiles;
  /** Pick up every unfinished generation (after a crash or a quit mid-flight). */
  start(): Promise<void>;
  stop(): void;
}

const SANDBOX_HINT = 'Offline and free: every generation returns a sample clip. Add your Kling key in Settings to make real videos.';

export function createStudioServices(deps: StudioServicesDeps): StudioServices {
  const now = deps.now ?? (() => new Date());
  const library = new Library({ root: deps.libraryRoot, now });
  const sandbox = deps.sandbox;
  const store = deps.settings ?? new MemoryStore();
  // Migrations run here, before anything else reads the store.
  const settings = new AppSettings(store, deps.settingsNotice ? { notice: deps.settingsNotice } : {});
  const profiles = new ProfileStore(store);
  const vault = new CredentialVault(store, deps.secretBox ?? plainBox);
  const providers = createProviderRegistry({
    profiles,
    vault,
    sandbox,
    fetch: deps.fetch,
    now: () => now().getTime(),
    pollSchedule: () => POLL_SCHEDULES[settings.preferences().polling],
  });
  const windowShell = deps.windowShell ?? new RecordingWindowShell();
  const launch = createLaunchFiles({
    deliver: (file) => deps.emit('app.openFile', file),
    focus: () => windowShell.focus(),
    ...(deps.log ? { log: deps.log } : {}),
  });
  const menu = createAppMenu({
    shell: windowShell,
    env: { platform: process.platform, developer: false, ...deps.menu, appName: deps.app.name },
    run: (id) => deps.emit('app.command', { id }),
  });
  const defaultLibraryRoot = library.root;
  const deletion = new Deletion({ library, desktop: deps.desktop, ...(deps.log ? { log: deps.log } : {}) });
  const currentSettings = () => settingsState({ settings, libraryRoot: () => library.root, defaultLibraryRoot });
  windowShell.setTheme(settings.preferences().theme);
  const signals = createDesktopSignals({
    shell: windowShell,
    preferences: () => settings.preferences().notifications,
    showGeneration: (id) => deps.emit('app.showGeneration', { id }),
    schedule:
      deps.schedule ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        return { cancel: () => clearTimeout(timer) };
      }),
  });
  settings.onChange((next, previous) => {
    if (next.theme !== previous.theme) windowShell.setTheme(next.theme);
    signals.refresh();
    deps.emit('settings.changed', currentSettings());
  });
  // Generations another program adds or moves on while the app runs reach the grid without a restart.
  const watcher = new LibraryWatcher({ index: library.index, onChange: () => deps.emit('library.changed', {}), ...(deps.log ? { log: deps.log } : {}) });
  const current = () => providers.current();
  const onChange = (record: GenerationRecord) => {
    signals.observe(record);
    deps.emit('generation.updated', toView(record, deps.mediaUrl));
  };
  const engine = createTaskEngine({
    library,
    providerFor: (id, named) => providers.byId(id) ?? (named ? providers.usable().find((p) => reaches(p, named)) : undefined),
    onChange,
    fetch: deps.fetch,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    now,
    autoDownload: () => settings.preferences().autoDownload,
    ...(deps.log ? { log: deps.log } : {}),
  });

  const providerStatus = (): ProviderStatus => {
    const p = current();
    return {
      kind: p.kind,
      label: p.label,
      simulated: p.kind === 'sandbox',
      baseUrl: p.baseUrl,
      hint: p.kind === 'sandbox' ? SANDBOX_HINT : `Generations are sent to ${p.label} and use its credits.`,
    };
  };

  const registry = createHandlerRegistry(
    {
      'app:info': async (): Promise<AppInfo> => ({ ...deps.app, libraryPath: library.root }),
      'app:ready': async () => {
        launch.windowReady();
        return null;
      },
      'app:setMenu': async (state: MenuState) => {
        menu.update(state);
        return null;
      },
      ...settingsHandlers({ settings, profiles, vault, providers, engine, libraryRoot: () => library.root, defaultLibraryRoot }),
      'provider:status': async () => providerStatus(),
      ...linkHandlers({ desktop: deps.desktop }),
      ...saveImageHandlers({ desktop: deps.desktop }),
      ...generationHandlers({ library, engine, providers, mediaUrl: deps.mediaUrl }),
      ...libraryHandlers({ library: () => library, engine, deletion: () => deletion, mediaUrl: deps.mediaUrl }),
      ...replayHandlers({ library, engine, providers, mediaUrl: deps.mediaUrl, desktop: deps.desktop, now }),
      ...requestHandlers({ providers, profiles, desktop: deps.desktop }),
      ...profileHandlers({ profiles, vault, providers, library, engine }),
      ...composerHandlers({ store, newDocument: () => settings.preferences().newDocument }),
    },
    { isTrustedSender: deps.isTrustedSender, ...(deps.log ? { log: deps.log } : {}) },
  );

  return {
    library,
    engine,
    registry,
    providers,
    settings,
    menu,
    launch,
    start: async () => {
      // A library indexed from its folders (first start, or the index file lost) answered the newest pages while it was
      // read: once it is whole, the window asks again (counts, damaged folders, the order of late records).
      void library.index.ready().then(() => {
        if (library.index.lastLoad?.rebuilt) deps.emit('library.changed', {});
      }, () => undefined);
      // The badge counts what is in flight from the start, before the engine writes to those records again.
      signals.seed(await library.unfinished());
      await engine.resume();
      watcher.start();
      // Deletions a quit left waiting for their undo go to the system trash now (after the first screen's work).
      void deletion.flush().catch((error: Error) => deps.log?.(`deleted folders: ${error.message}`));
    },
    stop: () => {
      engine.stop();
      watcher.stop();
      void library.index.save().catch(() => undefined);
    },
  };
}
