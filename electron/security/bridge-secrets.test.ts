// No credential leaves main by any channel of the bridge. A profile of each kind (API key, access key + secret key,
// gateway token) holds a canary credential; every channel of the contract is then called with a valid request, as the
// window would (generations made and followed on the sandbox, Show request, Copy as curl, the library moved, …), and
// no answer, no event, no log line, no dialog, no notification and no file outside the encrypted store holds any
// spelling of any canary. A channel added to the contract fails here until it has a request below.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSER_SETTINGS } from '../../shared/composer/composer-settings';
import { listChannels, type ProfilesState } from '../../shared/ipc/contract';
import type { GenerationRecord } from '../../shared/library/generation';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { RecordingWindowShell } from '../desktop/window-shell';
import type { StudioServices } from '../services';
import type { SecretBox } from '../settings/credential-vault';
import { JsonFileStore } from '../settings/key-value';
import { KEY, makeRig, servicesOver, START_FRAME, startWorld, type World } from '../tasks/engine-harness';

const API_KEY = 'sk-CANARY-api-7f3a9c2e5b8d1046';
const ACCESS_KEY = 'ak-CANARY-access-51c0de';
const SECRET_KEY = 'CANARY-secret-key-0a9b8c7d6e5f';
const TOKEN = 'gw-CANARY-token-3e4f5a6b';
const CANARIES = [API_KEY, ACCESS_KEY, SECRET_KEY, TOKEN];
const spellings = (s: string) => [s, Buffer.from(s).toString('base64'), encodeURIComponent(s), s.slice(3, 18)];
const APP = { url: 'app://studio/index.html' };

/** safeStorage's stand-in: real encryption under a key held only here, as the OS keyring holds it. */
const keyring: SecretBox = (() => {
  const key = randomBytes(32);
  return {
    protection: 'keyring',
    encrypt: (plain) => {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-ctr', key, iv);
      return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
    },
    decrypt: (sealed) => {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-ctr', key, bytes.subarray(0, 16));
      return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
    },
  };
})();

let world: World;
let dir: string;
let services: StudioServices;
let settings: JsonFileStore;
const seen: string[] = [];
const desktop = new RecordingDesktopShell('/nonexistent/trash');
const window = new RecordingWindowShell();
const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));

beforeAll(async () => {
  world = await startWorld({
    credentials: { apiKeys: [KEY, API_KEY], accessKeys: [{ accessKey: ACCESS_KEY, secretKey: SECRET_KEY }], gatewayTokens: [TOKEN] },
  });
  dir = await mkdtemp(join(tmpdir(), 'ks-secrets-'));
  settings = new JsonFileStore(join(dir, 'settings.json'));
  services = servicesOver(world, makeRig(world), (event, payload) => void seen.push(`event ${event}: ${text(payload)}`), desktop, settings, {
    secretBox: keyring,
    windowShell: window,
    log: (message) => void seen.push(`log: ${message}`),
  });
});

afterAll(async () => {
  services.stop();
  await world.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(name: string, request: unknown): Promise<unknown> {
  const result = await services.registry.handle(name, request, APP);
  seen.push(`${name}: ${text(result)}`);
  return result.ok ? result.value : undefined;
}

const generation = (profileId: string, prompt: string) => ({
  profileId,
  startFrame: { fileName: 'cat.png', bytes: START_FRAME },
  prompt,
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
});

describe('credentials and the bridge', () => {
  it('no channel answers, emits, logs or writes any spelling of a credential of any profile kind', async () => {
    const called = new Set<string>();
    const run = async (name: string, request: unknown) => {
      called.add(name);
      return call(name, request);
    };
    const save = async (profile: unknown, credential: unknown) =>
      ((await run('profiles:save', { profile, credential })) as ProfilesState).profiles.at(-1)!.id;
    const base = { baseUrl: world.server.baseUrl, concurrency: 2 };
    const ids = [
      await save({ kind: 'official', label: 'Key', region: 'custom', auth: 'api-key', ...base }, { kind: 'api-key', apiKey: API_KEY }),
      await save({ kind: 'official', label: 'Signed', region: 'custom', auth: 'access-key', ...base }, { kind: 'access-key', accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
      await save({ kind: 'gateway', label: 'Gateway', ...base }, { kind: 'token', token: TOKEN }),
    ];

    const made: GenerationRecord[] = [];
    for (const id of ids) {
      await run('profiles:select', { id });
      expect(await run('profiles:testConnection', { id }), id).toMatchObject({ ok: true });
      await run('provider:status', {});
      await run('composer:previewRequest', { ...generation(id, 'preview'), expand: ['image'] });
      await run('composer:copyAsCurl', { ...generation(id, 'curl'), images: 'inline' });
      desktop.nextSavePath = join(dir, `kling-${id}.sh`);
      await run('composer:copyAsCurl', { ...generation(id, 'curl'), images: 'files' });
      made.push((await run('generations:create', generation(id, `made with ${id}`))) as GenerationRecord);
      await run('profiles:importTasks', { id });
    }
    await services.engine.idle();
    expect(world.server.tasks().length).toBeGreaterThanOrEqual(3);

    const [first] = made;
    const gen = { id: first!.id };
    await run('generations:details', gen);
    await run('library:get', gen);
    await run('library:page', { query: {}, offset: 0, limit: 50 });
    await run('library:damaged', {});
    await run('library:lastPrice', { model: 'kling-v1', mode: 'std', duration: '5', sound: 'off', voices: false });
    await run('generations:savePoster', { id: first!.id, jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) });
    await run('generations:reveal', gen);
    desktop.nextSavePath = join(dir, 'clip.mp4');
    await run('generations:saveVideo', gen);
    await run('generations:redownload', gen);
    await run('generations:cancel', gen);
    await run('library:giveUp', gen);
    await run('generations:again', gen);
    await services.engine.idle();
    const deleted = (await run('library:delete', { ids: [made[1]!.id] })) as { undoToken: string };
    await run('library:undoDelete', { token: deleted.undoToken });
    await run('app:info', {});
    await run('app:ready', {});
    await run('app:setMenu', { commands: [], textFocus: false });
    await run('app:openLink', { url: 'https://app.klingai.com/global/dev/document-api' });
    desktop.nextSavePath = join(dir, 'mask.png');
    await run('app:saveImage', { name: 'mask.png', png: START_FRAME });
    await run('composer:saveSettings', DEFAULT_COMPOSER_SETTINGS);
    await run('composer:loadSettings', {});
    await run('settings:get', {});
    await run('settings:update', { autoDownload: true });
    await run('settings:dismissNotice', {});
    await run('settings:setConcurrency', { id: ids[0], concurrency: 3 });
    desktop.nextFolder = join(dir, 'Moved Library');
    expect(await run('settings:moveLibrary', {})).toMatchObject({ moved: true });
    await run('settings:reopenLibrary', {});
    await run('settings:useDefaultLibrary', {});
    await run('profiles:list', {});
    await run('profiles:remove', { id: ids[2] });
    await services.engine.idle();
    await settings.flush();

    expect([...listChannels().map((c) => c.name)].filter((name) => !called.has(name)), 'channels without a request here').toEqual([]);
    const everywhere = [...seen, text(window.notifications), text(desktop)].join('\n');
    expect(everywhere).toContain('made with'); // what passed through was recorded
    for (const canary of CANARIES) for (const s of spellings(canary)) expect(everywhere.includes(s), `a channel, event or log holds ${s}`).toBe(false);

    // Files: the library where it is now (request.json, records, the curl script and its images, saved copies) and
    // the settings file, whose credentials are sealed by the keyring.
    const files = [...(await readdir(dir, { recursive: true, withFileTypes: true }))].filter((e) => e.isFile());
    expect(files.some((e) => e.name === 'request.json')).toBe(true);
    expect(files.some((e) => e.name.endsWith('.sh'))).toBe(true);
    for (const entry of files) {
      const content = (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
      for (const canary of CANARIES) for (const s of spellings(canary)) expect(content.includes(s), `${entry.name} holds ${s}`).toBe(false);
    }
  });
});
