// The composition of the plain-Node services behind the bridge. Electron's main.ts and the Chromium test host both
// build the app through this function, so everything but the few lines of Electron glue runs in tests.
import type { AppInfo, ProviderStatus, StudioEvents } from '../shared/ipc/contract';
import type { DesktopShell } from './desktop/desktop-shell';
import type { GenerationRecord } from '../shared/library/generation';
import { generationHandlers } from './ipc/generation-handlers';
import { replayHandlers } from './ipc/replay-handlers';
import { requestHandlers } from './ipc/request-handlers';
import { createHandlerRegistry, type HandlerRegistry, type Sender } from './ipc/registry';
import type { Library } from './library/library';
import { LibraryPlace } from './library/library-place';
import { isFolder, openingRoot } from './library/opening-root';
import { libraryLocationHandlers, WRITES_TO_LIBRARY } from './ipc/library-location-handlers';
import { UserFacingError } from './ipc/user-facing-error';
import { resolve } from 'node:path';
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
  /** The library in use now: read it when used (Settings ▸ Library ▸ Move switches it to another folder). */
  readonly library: Library;
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
  const sandbox = deps.sandbox;
  const store = deps.settings ?? new MemoryStore();
  // Migrations run here, before anything else reads the store.
  const settings = new AppSettings(store, deps.settingsNotice ? { notice: deps.settingsNotice } : {});
  const defaultLibraryRoot = resolve(deps.libraryRoot);
  // The library where the person moved it (Settings ▸ Library), else the default one in the data folder. Everything
  // below reads `place.library` when it uses it, so a move switches them all. A moved library missing at start (a
  // drive unplugged) leaves the default one in use for this run, and the window says so (settings.library.missing).
  const opening = openingRoot(settings.libraryPath(), defaultLibraryRoot);
  let missingLibrary = opening.missing;
  const missingProblem = () => opening.problem;
  if (missingLibrary) {
    deps.log?.(`library: ${missingLibrary} is missing${opening.problem ? ` (${opening.problem})` : ''}; the default library is used for now`);
  }
  const place = new LibraryPlace({
    root: opening.root,
    now,
    desktop: deps.desktop,
    // Generations another program adds or moves on while the app runs reach the grid without a restart: a changed
    // record updates its card (and the player open on it); only a change of the lists makes the window load its pages
    // again (not a download's progress, written a few times a second).
    onOutsideChange: ({ list, records }) => {
      for (const record of records) deps.emit('generation.updated', toView(record, deps.mediaUrl));
      if (!list) return;
      deps.emit('library.changed', {});
      // A generation another program finished leaves the badge's count (the engine never saw it end).
      void place.library.unfinished().then(
        (ids) => signals.sync(ids),
        () => undefined,
      );
    },
    ...(deps.log ? { log: deps.log } : {}),
  });
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
  const libraryRoot = () => place.library.root;
  const missing = () => missingLibrary;
  const currentSettings = () => settingsState({ settings, libraryRoot, defaultLibraryRoot, missingLibrary: missing, missingProblem });
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
  const current = () => providers.current();
  const onChange = (record: GenerationRecord) => {
    signals.observe(record);
    deps.emit('generation.updated', toView(record, deps.mediaUrl));
  };
  const engine = createTaskEngine({
    get library() {
      return place.library;
    },
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

  /** Bridge calls writing into the library, still running (a poster being saved): a move waits for them. */
  const writing = new Set<Promise<unknown>>();
  const location = libraryLocationHandlers({
    library: () => place.library,
    desktop: deps.desktop,
    handOverDeletions: () => place.deletion.handOver(),
    takeOverDeletions: (carried) => place.deletion.takeOver(carried),
    switchTo: async (root) => {
      await place.switchTo(root);
      settings.setLibraryPath(resolve(root) === defaultLibraryRoot ? undefined : resolve(root));
      missingLibrary = undefined; // opened again, or the library moved on to another place
      // Another set of generations: what is in flight there (a library joined) is counted and followed.
      signals.reset();
      signals.seed(await place.library.unfinished());
      await engine.resume();
      deps.emit('settings.changed', currentSettings());
      deps.emit('library.changed', {});
    },
    progress: (p) => deps.emit('library.moveProgress', p),
    writesDone: async () => void (await Promise.allSettled([...writing])),
    missing,
    isFolder,
    undoable: () => place.deletion.undoable,
    forgetMissing: () => {
      settings.setLibraryPath(undefined);
      missingLibrary = undefined;
      deps.emit('settings.changed', currentSettings());
    },
    state: currentSettings,
    ...(deps.log ? { log: deps.log } : {}),
  });
  /** What the handlers over the library need; `library` is read when they are called, so it is the one in use. */
  const over = {
    get library(): Library {
      return place.library;
    },
    engine,
    providers,
    profiles,
    vault,
    mediaUrl: deps.mediaUrl,
    desktop: deps.desktop,
    now,
  };
  const handlers = {
      'app:info': async (): Promise<AppInfo> => ({ ...deps.app, libraryPath: libraryRoot() }),
      'app:ready': async () => {
        launch.windowReady();
        return null;
      },
      'app:setMenu': async (state: MenuState) => {
        menu.update(state);
        return null;
      },
      ...settingsHandlers({ settings, profiles, vault, providers, engine, libraryRoot, defaultLibraryRoot, missingLibrary: missing, missingProblem }),
      ...location.handlers,
      'provider:status': async () => providerStatus(),
      ...linkHandlers({ desktop: deps.desktop }),
      ...saveImageHandlers({ desktop: deps.desktop }),
      ...generationHandlers(over),
      ...libraryHandlers({ library: () => place.library, engine, deletion: () => place.deletion, mediaUrl: deps.mediaUrl }),
      ...replayHandlers(over),
      ...requestHandlers({ providers, profiles, desktop: deps.desktop }),
      ...profileHandlers(over),
      ...composerHandlers({ store, newDocument: () => settings.preferences().newDocument }),
  };
  // While the library is being copied, what would write into it is refused (the copy would miss it), and what was
  // already writing is waited for before the copy starts.
  for (const name of WRITES_TO_LIBRARY) {
    const handler = handlers[name] as (request: never) => Promise<unknown>;
    (handlers as Record<string, unknown>)[name] = async (request: never) => {
      if (location.moving()) throw new UserFacingError('busy', 'The library is being moved; try again when it is done.');
      const call = handler(request);
      writing.add(call);
      try {
        return await call;
      } finally {
        writing.delete(call);
      }
    };
  }
  const registry = createHandlerRegistry(handlers, { isTrustedSender: deps.isTrustedSender, ...(deps.log ? { log: deps.log } : {}) });

  return {
    get library() {
      return place.library;
    },
    engine,
    registry,
    providers,
    settings,
    menu,
    launch,
    start: async () => {
      // The index answered pages while it loaded (a first build from the folders, or its file being checked against
      // them): if the load changed anything, the window asks again (counts, damaged folders, records changed outside).
      const { index } = place.library;
      void index.ready().then(() => {
        if (index.lastLoad?.changed) deps.emit('library.changed', {});
      }, () => undefined);
      // The badge counts what is in flight from the start, before the engine writes to those records again.
      signals.seed(await place.library.unfinished());
      await engine.resume();
      place.start();
      // Deletions a quit left waiting for their undo go to the system trash now (after the first screen's work).
      void place.deletion.flush().catch((error: Error) => deps.log?.(`deleted folders: ${error.message}`));
    },
    stop: () => {
      engine.stop();
      place.stop();
    },
  };
}
