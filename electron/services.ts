// The composition of the plain-Node services behind the bridge. Electron's main.ts and the Chromium test host both
// build the app through this function, so everything but the few lines of Electron glue runs in tests.
import type { AppInfo, ProviderStatus, StudioEvents } from '../shared/ipc/contract';
import type { GenerationRecord } from '../shared/library/generation';
import { generationHandlers } from './ipc/generation-handlers';
import { createHandlerRegistry, type HandlerRegistry, type Sender } from './ipc/registry';
import { Library } from './library/library';
import { toView, type MediaUrl } from './library/media';
import { createTaskEngine, type TaskEngine } from './tasks/engine';
import type { ActiveProvider } from './tasks/provider';

export type Emit = <E extends keyof StudioEvents>(event: E, payload: StudioEvents[E]) => void;

export interface StudioServicesDeps {
  libraryRoot: string;
  app: Omit<AppInfo, 'libraryPath'>;
  /** The providers the person has configured; the first with a credential is used, else the sandbox. */
  providers(): ActiveProvider[];
  mediaUrl: MediaUrl;
  emit: Emit;
  fetch: typeof fetch;
  isTrustedSender(sender: Sender): boolean;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  now?(): Date;
  log?(message: string): void;
}

export interface StudioServices {
  library: Library;
  engine: TaskEngine;
  registry: HandlerRegistry;
  /** Pick up every unfinished generation (after a crash or a quit mid-flight). */
  start(): Promise<void>;
  stop(): void;
}

const SANDBOX_HINT = 'Offline and free: a simulator of the Kling API on this computer; every generation returns a sample clip.';

export function createStudioServices(deps: StudioServicesDeps): StudioServices {
  const now = deps.now ?? (() => new Date());
  const library = new Library({ root: deps.libraryRoot, now });
  const current = (): ActiveProvider => {
    const provider = deps.providers()[0];
    if (!provider) throw new Error('No provider is configured');
    return provider;
  };
  const onChange = (record: GenerationRecord) => deps.emit('generation.updated', toView(record, deps.mediaUrl));
  const engine = createTaskEngine({
    library,
    providerFor: (id) => deps.providers().find((p) => p.id === id),
    onChange,
    fetch: deps.fetch,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    now,
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
      'provider:status': async () => providerStatus(),
      ...generationHandlers({ library, engine, currentProvider: current, mediaUrl: deps.mediaUrl }),
    },
    { isTrustedSender: deps.isTrustedSender, ...(deps.log ? { log: deps.log } : {}) },
  );

  return {
    library,
    engine,
    registry,
    start: async () => void (await engine.resume()),
    stop: () => engine.stop(),
  };
}
