// "Show request" over the real services and the sandbox: the body it shows is the body the engine then sends, for
// every kind of profile, and it names the endpoint and the kind of credential, never the credential.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestPreview } from '../../shared/ipc/contract';
import { decodeBase64 } from '../../shared/kling/base64';
import { IMAGE_HEAD_CHARS } from '../../shared/kling/request-preview';
import { encodePng } from '../../shared/kling/test-images';
import { API_PATH, type CreateTaskBody } from '../../shared/kling/wire';
import type { StudioServices } from '../services';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CurlCommand } from '../../shared/ipc/contract';
import { creates, makeRig, servicesOver, START_FRAME, startWorld, type World } from '../tasks/engine-harness';

let world: World;
let services: StudioServices;
let desktop: RecordingDesktopShell;
const sender = { url: 'app://studio' };

beforeEach(async () => {
  world = await startWorld({
    credentials: {
      apiKeys: ['engine-test-key', 'sk-user-api-key-0001'],
      accessKeys: [{ accessKey: 'ak-access-key-0002', secretKey: 'sk-secret-key-0003' }],
      gatewayTokens: ['gw-token-0004'],
    },
  });
  desktop = new RecordingDesktopShell(join(world.root, '..', 'trash'));
  services = servicesOver(world, makeRig(world), () => undefined, desktop);
});
afterEach(async () => {
  await services.engine.idle();
  services.stop();
  await world.close();
});

async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await services.registry.handle(channel, request, sender);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const MASK = encodePng({ width: 640, height: 360, pixel: (x) => [x < 200 ? 255 : 0] });
const composed = {
  startFrame: { fileName: 'cat.png', bytes: START_FRAME },
  dynamicMasks: [{ mask: MASK, trajectory: [{ x: 10, y: 20 }, { x: 300, y: 200 }] }],
  prompt: 'a cat walks',
  negativePrompt: 'blur',
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
  cfgScale: 0.3,
};
const SECRETS = ['sk-user-api-key-0001', 'ak-access-key-0002', 'sk-secret-key-0003', 'gw-token-0004', 'engine-test-key'];

/** One profile of each kind on the sandbox; returns a profile's id by its label (Key, Pair, Relay). */
async function addProfiles(): Promise<(label: string) => string> {
  const save = (profile: object, credential: object) => call<{ profiles: { id: string; label: string }[] }>('profiles:save', { profile, credential });
  const base = { concurrency: 2 };
  await save({ ...base, kind: 'official', label: 'Key', region: 'custom', baseUrl: world.server.baseUrl, auth: 'api-key' }, { kind: 'api-key', apiKey: 'sk-user-api-key-0001' });
  await save({ ...base, kind: 'official', label: 'Pair', region: 'custom', baseUrl: world.server.baseUrl, auth: 'access-key' }, { kind: 'access-key', accessKey: 'ak-access-key-0002', secretKey: 'sk-secret-key-0003' });
  const state = await save({ ...base, kind: 'gateway', label: 'Relay', baseUrl: world.server.baseUrl, pathPrefix: '/kling', modelField: 'both' }, { kind: 'token', token: 'gw-token-0004' });
  return (label) => state.profiles.find((p) => p.label === label)!.id;
}

/** Run a copied command in bash, as a person would paste it, with `env` set; the sandbox's last create. */
async function runInShell(command: string, env: Record<string, string>): Promise<CreateTaskBody> {
  // Asynchronously: the sandbox answering curl runs in this very process.
  await promisify(execFile)('bash', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 1 << 20 });
  return world.server.received.filter((r) => r.method === 'POST' && r.path.endsWith(API_PATH)).at(-1)?.body as CreateTaskBody;
}

const withoutId = (body: CreateTaskBody | undefined) => ({ ...body, external_task_id: undefined });

describe('composer:previewRequest', () => {
  it('folds images to their first characters and their size, and shows them whole when asked', async () => {
    const folded = await call<RequestPreview>('composer:previewRequest', composed);
    expect(folded.images).toEqual([
      { path: 'image', bytes: START_FRAME.length, chars: Math.ceil(START_FRAME.length / 3) * 4, full: false },
      { path: 'dynamic_masks.0.mask', bytes: MASK.length, chars: Math.ceil(MASK.length / 3) * 4, full: false },
    ]);
    expect(folded.body?.image).toHaveLength(IMAGE_HEAD_CHARS);
    expect(folded.body?.external_task_id).toMatch(/^ks-[0-9a-f-]{36}$/);
    expect(folded.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const whole = await call<RequestPreview>('composer:previewRequest', { ...composed, expand: ['image'] });
    expect(decodeBase64(whole.body!.image!)).toEqual(START_FRAME);
    expect(whole.body?.image?.startsWith(folded.body!.image!)).toBe(true);
    expect(whole.body?.dynamic_masks?.[0]?.mask).toHaveLength(IMAGE_HEAD_CHARS);
  });

  it('shows exactly the body the engine then sends (but for the id each task gets)', async () => {
    const shown = await call<RequestPreview>('composer:previewRequest', { ...composed, expand: ['image', 'dynamic_masks.0.mask'] });
    expect(shown).toMatchObject({ method: 'POST', endpoint: `${world.server.baseUrl}${API_PATH}`, auth: 'api-key', profile: { kind: 'sandbox' } });
    await call('generations:create', composed);
    await services.engine.idle();
    const [sent] = creates(world.server);
    expect(withoutId(sent?.body as CreateTaskBody)).toEqual(withoutId(shown.body));
  });

  it('names the endpoint and the kind of credential of each profile kind, and no secret', async () => {
    const id = await addProfiles();

    const shown = async (label: string) => call<RequestPreview>('composer:previewRequest', { ...composed, profileId: id(label), expand: ['image'] });
    const key = await shown('Key');
    const pair = await shown('Pair');
    const relay = await shown('Relay');
    expect([key.auth, pair.auth, relay.auth]).toEqual(['api-key', 'access-key', 'token']);
    expect(key.endpoint).toBe(`${world.server.baseUrl}${API_PATH}`);
    expect(relay.endpoint).toBe(`${world.server.baseUrl}/kling${API_PATH}`);
    // The gateway's wire options shape the body, as they do for the engine.
    expect(relay.body).toMatchObject({ model: 'kling-v1', model_name: 'kling-v1' });
    for (const preview of [key, pair, relay]) {
      const text = JSON.stringify(preview);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('lists validation problems and still shows what it can', async () => {
    const shown = await call<RequestPreview>('composer:previewRequest', { ...composed, duration: '10' });
    expect(shown.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(shown.body?.duration).toBe('10');
  });
});

describe('composer:copyAsCurl', () => {
  const ALL = ['image', 'dynamic_masks.0.mask'];

  it('holds no secret for any profile kind, and run in a shell sends the body Show request shows', async () => {
    const id = await addProfiles();
    // The signing line reads the real clock; the sandbox checks the JWT against its own (virtual) one.
    world.clock.t = Date.now();
    const keys: Record<string, Record<string, string>> = {
      Key: { KLING_API_KEY: 'sk-user-api-key-0001' },
      Relay: { KLING_API_KEY: 'gw-token-0004' },
    };
    for (const label of ['Key', 'Pair', 'Relay']) {
      const curl = await call<CurlCommand>('composer:copyAsCurl', { ...composed, profileId: id(label), images: 'inline' });
      if (!('command' in curl)) throw new Error('cancelled');
      for (const secret of SECRETS) expect(curl.command).not.toContain(secret);
      expect(curl.command).toContain('Authorization: Bearer $KLING_API_KEY');
      let env = keys[label];
      if (label === 'Pair') {
        // The note's own signing line, run as written, makes the token the sandbox checks.
        expect(curl.command).toMatch(/signs a JWT/);
        const sign = /export KLING_API_KEY="\$\(node -e '(.+)'\)"/.exec(curl.command)?.[1];
        const token = execFileSync(process.execPath, ['-e', sign!], {
          env: { KLING_ACCESS_KEY: 'ak-access-key-0002', KLING_SECRET_KEY: 'sk-secret-key-0003' },
        }).toString().trim();
        env = { KLING_API_KEY: token };
      }
      const shown = await call<RequestPreview>('composer:previewRequest', { ...composed, profileId: id(label), expand: ALL });
      const before = world.server.tasks().length;
      const sent = await runInShell(curl.command, env!);
      // The sandbox checked the credential and made the task.
      expect(world.server.tasks()).toHaveLength(before + 1);
      expect(withoutId(sent)).toEqual(withoutId(shown.body));
    }
  });

  it('with images as files: writes them beside the saved script, which sends the same bytes', async () => {
    const script = join(world.root, '..', `curl-${Date.now()}`, 'my-request.sh');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(script, '..'), { recursive: true }));
    desktop.nextSavePath = script;
    const curl = await call<CurlCommand>('composer:copyAsCurl', { ...composed, images: 'files' });
    if (!('command' in curl)) throw new Error('cancelled');
    expect(curl.savedTo).toBe(script);
    expect(curl.files?.map((f) => f.split('/').pop())).toEqual(['my-request-start.png', 'my-request-dynamic_mask_1.png']);
    expect(await readFile(script, 'utf8')).toBe(curl.command);
    expect(curl.command).not.toContain(Buffer.from(START_FRAME).toString('base64').slice(0, 40));
    const sent = await runInShell(curl.command, { KLING_API_KEY: 'engine-test-key' });
    const shown = await call<RequestPreview>('composer:previewRequest', { ...composed, expand: ALL });
    expect(withoutId(sent)).toEqual(withoutId(shown.body));
    expect(decodeBase64(sent.image!)).toEqual(START_FRAME);
  });

  it('says so when the person cancels the save dialog', async () => {
    expect(await call('composer:copyAsCurl', { ...composed, images: 'files' })).toEqual({ cancelled: true });
  });
});
