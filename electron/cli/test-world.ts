// Shared by the command-line tests (test-only; nothing in the app imports it): a sandbox simulator on loopback with
// every kind of credential, a temp library, input images on disk, and `run`, which calls runCli in-process with
// captured output, a counting fetch and schedules fast enough for a simulator that answers in milliseconds.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../../shared/kling/test-images';
import { API_PATH } from '../../shared/kling/wire';
import type { GenerationRecord } from '../../shared/library/generation';
import { Library } from '../library/library';
import { startSandboxServer } from '../sandbox/server';
import { CLIP_PATH } from '../sandbox/test-helpers';
import type { SandboxServer, SandboxTiming } from '../sandbox/types';
import type { Schedule } from '../tasks/backoff';
import type { CliIo } from './io';
import { runCli } from './run-cli';

export const API_KEY = 'cli-test-key';
export const ACCESS = { accessKey: 'AK-cli', secretKey: 'SK-cli' };
export const GATEWAY_TOKEN = 'gw-cli';
export const FAST_TIMING: SandboxTiming = { submittedMs: 40, processingMs: 80 };
const FAST: Schedule = { initialMs: 15, factor: 1, maxMs: 15, jitter: 0 };

export interface World {
  server: SandboxServer;
  root: string;
  dir: string;
  /** A 1000 × 600 PNG start frame, and a dynamic mask of the same size. */
  start: string;
  mask: string;
  /** Every request runCli's fetch made (to the simulator or anywhere else). */
  requests: string[];
  run(args: string[], options?: { env?: Record<string, string>; signal?: AbortSignal }): Promise<RunResult>;
  /** The common flags that point a command at this world's simulator and library. */
  official: string[];
  records(): Promise<GenerationRecord[]>;
  close(): Promise<void>;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function startWorld(): Promise<World> {
  const server = await startSandboxServer({
    credentials: { apiKeys: [API_KEY], accessKeys: [ACCESS], gatewayTokens: [GATEWAY_TOKEN] },
    sampleClipPath: CLIP_PATH,
    timing: FAST_TIMING,
  });
  const dir = await mkdtemp(join(tmpdir(), 'ks-cli-'));
  const root = join(dir, 'library');
  const start = join(dir, 'start.png');
  const mask = join(dir, 'mask.png');
  await writeFile(start, encodePng({ width: 1000, height: 600, pixel: () => [128] }));
  await writeFile(mask, encodePng({ width: 1000, height: 600, pixel: (x) => [x < 200 ? 255 : 0] }));
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`);
    return fetch(input, init);
  };

  const run: World['run'] = async (args, options = {}) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: options.env ?? {},
      fetch: countingFetch,
      ...(options.signal ? { signal: options.signal } : {}),
      tuneProvider: (p) => ({ ...p, poll: FAST, retry: FAST }),
      sandboxTiming: FAST_TIMING,
    };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  };

  return {
    server,
    root,
    dir,
    start,
    mask,
    requests,
    run,
    official: ['--base-url', server.baseUrl, '--library', root],
    records: async () => (await new Library({ root }).list()).items,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const creates = (server: SandboxServer) => server.received.filter((r) => r.method === 'POST' && r.path.endsWith(API_PATH));

export const readClip = () => readFile(CLIP_PATH);
