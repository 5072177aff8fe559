// Every bridge channel, fed malformed payloads from a fixed seed: wrong types, oversized, deeply nested, near-valid
// with one part broken, hostile ids. Each answers a typed error; nothing throws across, no handler runs on a payload
// its schema refuses, nothing is fetched or opened, no prototype is polluted, and not one byte on disk changes.
// Channels come from the contract, so a channel added later is fuzzed without touching this file.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChannels } from '../../shared/ipc/contract';
import type { BridgeResult } from '../../shared/ipc/result';
import { encodePng } from '../../shared/kling/test-images';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { byteFieldNames } from '../ipc/byte-fields';
import { payloadShapeProblem } from '../ipc/payload-shape';
import { mediaUrlWith } from '../library/media';
import { createStudioServices, type StudioServices } from '../services';
import { JsonFileStore } from '../settings/key-value';
import { sandboxProvider } from '../tasks/sandbox-provider';
import { malformedPayload, seededRng } from './payload-fuzz';

const SEED = 0x5eed_2026;
const PER_CHANNEL = 40;
const APP = { url: 'app://studio/index.html' };

let dir: string;
let services: StudioServices;
let settings: JsonFileStore;
const fetched: string[] = [];
const emitted: string[] = [];
const logged: string[] = [];
const desktop = new RecordingDesktopShell('/nonexistent/trash');

/** Every file and folder under `root`: path → content hash (or link target), to compare before and after. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const key = relative(root, full);
      // The library's index is a cache of the folders, written a moment after any change: not what the fuzz protects.
      if (entry.name.startsWith('.library-index.json')) continue;
      if (entry.isDirectory()) {
        out[key] = 'dir';
        await walk(full);
      } else if (entry.isSymbolicLink()) out[key] = `-> ${await readlink(full)}`;
      else out[key] = createHash('sha256').update(await readFile(full)).digest('hex');
    }
  }
  await walk(root);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-fuzz-'));
  await mkdir(join(dir, 'library'));
  settings = new JsonFileStore(join(dir, 'settings.json'));
  const blockedFetch = (async (input: string | URL | Request) => {
    fetched.push(String(input));
    throw new Error('no network in the fuzz test');
  }) as typeof fetch;
  services = createStudioServices({
    libraryRoot: join(dir, 'library'),
    app: { name: 'Kling Studio', version: 'fuzz', platform: process.platform },
    sandbox: sandboxProvider('http://127.0.0.1:9', 'fuzz-sandbox-key', blockedFetch),
    settings,
    mediaUrl: mediaUrlWith('studio-media://library/'),
    desktop,
    emit: (event) => void emitted.push(event),
    fetch: blockedFetch,
    isTrustedSender: (sender) => sender.url === APP.url,
    log: (message) => void logged.push(message),
  });
  // Something to damage: a profile with a credential, and a generation with its inputs.
  const saved = await services.registry.handle(
    'profiles:save',
    { profile: { kind: 'official', label: 'Mine', region: 'singapore', auth: 'api-key' }, credential: { kind: 'api-key', apiKey: 'fuzz-api-key-0001' } },
    APP,
  );
  expect(saved.ok).toBe(true);
  await services.library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'p', negativePrompt: '' },
    files: [{ name: 'start.png', bytes: encodePng({ width: 320, height: 320 }) }],
    inputs: { start: 'start.png' },
  });
  await services.engine.idle();
  await settings.flush();
  fetched.length = 0;
  emitted.length = 0;
});

afterAll(async () => {
  services.stop();
  await rm(dir, { recursive: true, force: true });
});

/** What Electron's IPC would deliver, or undefined when it cannot carry the value at all (it never reaches main). */
function overIpc(payload: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(payload) };
  } catch {
    return undefined;
  }
}

const isTypedError = (r: BridgeResult<unknown>) =>
  r.ok === false && typeof r.error.code === 'string' && typeof r.error.message === 'string' && r.error.message.length <= 500;

describe('the bridge under fuzz', () => {
  it('answers every malformed payload on every channel with invalid-request, and changes nothing', async () => {
    const before = await snapshot(dir);
    const rng = seededRng(SEED);
    const summary: Record<string, number> = {};
    for (const { name, request: schema } of listChannels()) {
      let sent = 0;
      for (let attempt = 0; sent < PER_CHANNEL && attempt < PER_CHANNEL * 20; attempt++) {
        const carried = overIpc(malformedPayload(schema, rng));
        // A payload the schema accepts is a valid request, not fuzz: handlers may act on those.
        if (!carried || carried.value === undefined || carried.value === null) continue;
        // A payload the schema accepts is a valid request, not fuzz: handlers may act on those. (The shape check first,
        // as the registry does: it keeps zod away from the huge ones.)
        if (payloadShapeProblem(carried.value, byteFieldNames(schema)) === undefined && schema.safeParse(carried.value).success) continue;
        sent++;
        const result = await services.registry.handle(name, carried.value, APP);
        expect(isTypedError(result), `${name}: ${JSON.stringify(result).slice(0, 300)}`).toBe(true);
        expect(result.ok === false && result.error.code, name).toBe('invalid-request');
      }
      summary[name] = sent;
    }
    for (const [name, sent] of Object.entries(summary)) expect(sent, `${name} got too few malformed payloads`).toBe(PER_CHANNEL);

    await services.engine.idle();
    await settings.flush();
    expect(await snapshot(dir)).toEqual(before);
    expect({ fetched, emitted, logged, opened: desktop.opened, trashed: desktop.trashed }).toEqual({ fetched: [], emitted: [], logged: [], opened: [], trashed: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers hostile ids on every channel that takes one with a typed error, never an internal one', async () => {
    const before = await snapshot(dir);
    const ids = ['../../../../etc/passwd', '..', '.', '/', '__proto__', 'constructor', '%2e%2e', 'x'.repeat(100), '\u0000', 'p-00000000'];
    const idChannels = listChannels().filter(({ request }) => request.safeParse({ id: 'x' }).success);
    expect(idChannels.length).toBeGreaterThan(0);
    for (const { name } of idChannels) {
      for (const id of ids) {
        const result = await services.registry.handle(name, { id }, APP);
        expect(isTypedError(result), `${name} ${id}: ${JSON.stringify(result)}`).toBe(true);
        expect(result.ok === false && result.error.code, `${name} ${id}`).not.toBe('internal');
      }
    }
    await services.engine.idle();
    await settings.flush();
    expect(await snapshot(dir)).toEqual(before);
    expect(fetched).toEqual([]);
  });

  it('refuses every channel to a stranger, whatever the payload', async () => {
    const rng = seededRng(SEED + 1);
    for (const { name, request: schema } of listChannels()) {
      for (const url of ['https://evil.example/', 'app://studio.evil.example/', 'file:///tmp/x.html', '', 'about:blank']) {
        const result = await services.registry.handle(name, malformedPayload(schema, rng), { url });
        expect(result.ok === false && result.error.code, `${name} from ${url}`).toBe('forbidden-sender');
      }
    }
  });
});
