// Shared by the engine tests (test-only; nothing in the app imports it): a sandbox on a virtual clock that the
// engine's `sleep` advances, so polling and backoff cost no real time and the task life cycle is exact; a temp
// library; engines built over both; and counters that say how many creates reached the sandbox.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../../shared/kling/test-images';
import { API_PATH } from '../../shared/kling/wire';
import type { GenerationRecord, GenerationSettings, GenerationStatus } from '../../shared/library/generation';
import { Library, RECORD_FILE } from '../library/library';
import { startSandboxServer } from '../sandbox/server';
import { CLIP_PATH } from '../sandbox/test-helpers';
import type { SandboxOptions, SandboxServer } from '../sandbox/types';
import { createTaskEngine, type TaskEngine } from './engine';
import { createStudioServices, type Emit, type StudioServices, type StudioServicesDeps } from '../services';
import { mediaUrlWith } from '../library/media';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import type { KeyValueStore } from '../settings/key-value';
import type { ActiveProvider } from './provider';
import { sandboxProvider } from './sandbox-provider';

export const KEY = 'engine-test-key';
export const START_FRAME = encodePng({ width: 640, height: 360 });
export const LIFE = { submittedMs: 1_000, processingMs: 2_000 };

export interface World {
  server: SandboxServer;
  clock: { t: number };
  root: string;
  close(): Promise<void>;
}

export async function startWorld(overrides: Partial<SandboxOptions> = {}): Promise<World> {
  const clock = { t: Date.UTC(2026, 10, 21, 10, 0, 0) };
  const server = await startSandboxServer({
    credentials: { apiKeys: [KEY] },
    sampleClipPath: CLIP_PATH,
    timing: LIFE,
    now: () => clock.t,
    ...overrides,
  });
  const root = await mkdtemp(join(tmpdir(), 'ks-engine-'));
  return {
    server,
    clock,
    root,
    close: async () => {
      await server.close();
      // The library may still be writing its index file (the first load writes it when done, and nothing waits for
      // that): a removal racing it finds the folder not empty (ENOTEMPTY), so it is tried again a few times.
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
  };
}

export interface Rig {
  engine: TaskEngine;
  library: Library;
  provider: ActiveProvider;
  /** Every status the engine reported, per generation, in order. */
  seen: Map<string, GenerationStatus[]>;
}

export interface RigOptions {
  concurrency?: number;
  /** Wraps the real fetch: watch requests, stall them, or cut them. */
  fetch?: typeof fetch;
  log?: (message: string) => void;
  /** Called with every record the engine saves, after `seen` is updated. */
  onChange?: (record: GenerationRecord) => void;
  /** How the library waits while another process writes a record (see Library's `pause`). */
  recordPause?: (ms: number) => Promise<void>;
}

/** An engine over the world's library folder, its provider and a sleep that moves the sandbox's clock. */
export function makeRig(world: World, options: RigOptions = {}): Rig {
  const library = new Library({ root: world.root, now: () => new Date(world.clock.t), ...(options.recordPause ? { pause: options.recordPause } : {}) });
  const fetchImpl = options.fetch ?? fetch;
  const provider = { ...sandboxProvider(world.server.baseUrl, KEY, fetchImpl), concurrency: options.concurrency ?? 3 };
  const seen = new Map<string, GenerationStatus[]>();
  const engine = createTaskEngine({
    library,
    providerFor: (id) => (id === provider.id ? provider : undefined),
    onChange: (record) => {
      const list = seen.get(record.id) ?? [];
      if (list.at(-1) !== record.status) list.push(record.status);
      seen.set(record.id, list);
      options.onChange?.(record);
    },
    fetch: fetchImpl,
    // Virtual time: a wait moves the sandbox's clock, then yields to real I/O once.
    sleep: (ms) => {
      world.clock.t += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
    random: () => 0.5,
    now: () => new Date(world.clock.t),
    log: options.log ?? (() => undefined),
  });
  return { engine, library, provider, seen };
}

/** The app's services over the world's library and the rig's provider, on the world's virtual clock. */
export function servicesOver(
  world: World,
  rig: Rig,
  emit: Emit = () => undefined,
  desktop = new RecordingDesktopShell(join(world.root, '..', 'trash')),
  settings?: KeyValueStore,
  more: Partial<StudioServicesDeps> = {},
): StudioServices {
  return createStudioServices({
    libraryRoot: world.root,
    ...(settings ? { settings } : {}),
    app: { name: 'Kling Studio', version: '0.0.0', platform: 'test' },
    sandbox: rig.provider,
    mediaUrl: mediaUrlWith('media://library/'),
    desktop,
    emit,
    fetch,
    isTrustedSender: () => true,
    sleep: (ms) => {
      world.clock.t += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
    random: () => 0.5,
    now: () => new Date(world.clock.t),
    ...more,
  });
}

export const DEFAULT_SETTINGS: GenerationSettings = { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'a cat walks', negativePrompt: '' };

export function addGeneration(library: Library, settings: Partial<GenerationSettings> = {}): Promise<GenerationRecord> {
  return library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { ...DEFAULT_SETTINGS, ...settings },
    files: [{ name: 'start.png', bytes: START_FRAME }],
    inputs: { start: 'start.png' },
  });
}

/** Start one generation and wait until the engine has nothing left to do; the record as it ended on disk. */
export async function runOne(rig: Rig, settings: Partial<GenerationSettings> = {}): Promise<GenerationRecord> {
  const { id } = await addGeneration(rig.library, settings);
  rig.engine.start(id);
  await rig.engine.idle();
  return (await readRecordFromDisk(rig.library.root, id))!;
}

/** The record as a fresh process would read it: no cache. */
export function readRecordFromDisk(root: string, id: string): Promise<GenerationRecord | undefined> {
  return new Library({ root }).get(id);
}

export const creates = (server: SandboxServer) => server.received.filter((r) => r.method === 'POST' && r.path === API_PATH);
export const downloads = (server: SandboxServer) => server.received.filter((r) => r.path.startsWith('/results/'));

/** Files left in a generation folder (to check that no `.part` or temp file stays behind). */
export async function folderFiles(root: string, record: GenerationRecord): Promise<string[]> {
  return (await readdir(join(root, record.folder))).sort();
}

export async function readResult(root: string, record: GenerationRecord): Promise<Buffer> {
  return readFile(join(root, record.folder, record.result?.file ?? 'result.mp4'));
}

export async function readRecordFile(root: string, folder: string): Promise<GenerationRecord> {
  return JSON.parse(await readFile(join(root, folder, RECORD_FILE), 'utf8')) as GenerationRecord;
}

/** Whether a fetch call is a create. */
export function isCreate(input: Parameters<typeof fetch>[0], init?: RequestInit): boolean {
  return init?.method === 'POST' && String(input).endsWith(API_PATH);
}
