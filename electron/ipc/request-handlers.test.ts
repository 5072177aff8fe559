// "Show request" over the real services and the sandbox: the body it shows is the body the engine then sends, for
// every kind of profile, and it names the endpoint and the kind of credential, never the credential.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestPreview } from '../../shared/ipc/contract';
import { decodeBase64 } from '../../shared/kling/base64';
import { IMAGE_HEAD_CHARS } from '../../shared/kling/request-preview';
import { encodePng } from '../../shared/kling/test-images';
import { API_PATH, type CreateTaskBody } from '../../shared/kling/wire';
import type { StudioServices } from '../services';
import { creates, makeRig, servicesOver, START_FRAME, startWorld, type World } from '../tasks/engine-harness';

let world: World;
let services: StudioServices;
const sender = { url: 'app://studio' };

beforeEach(async () => {
  world = await startWorld({
    credentials: {
      apiKeys: ['engine-test-key', 'sk-user-api-key-0001'],
      accessKeys: [{ accessKey: 'ak-access-key-0002', secretKey: 'sk-secret-key-0003' }],
      gatewayTokens: ['gw-token-0004'],
    },
  });
  services = servicesOver(world, makeRig(world));
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
    const save = (profile: object, credential: object) => call<{ profiles: { id: string; label: string }[] }>('profiles:save', { profile, credential });
    const base = { concurrency: 2 };
    await save({ ...base, kind: 'official', label: 'Key', region: 'custom', baseUrl: world.server.baseUrl, auth: 'api-key' }, { kind: 'api-key', apiKey: 'sk-user-api-key-0001' });
    await save({ ...base, kind: 'official', label: 'Pair', region: 'custom', baseUrl: world.server.baseUrl, auth: 'access-key' }, { kind: 'access-key', accessKey: 'ak-access-key-0002', secretKey: 'sk-secret-key-0003' });
    const state = await save({ ...base, kind: 'gateway', label: 'Relay', baseUrl: world.server.baseUrl, pathPrefix: '/kling', modelField: 'both' }, { kind: 'token', token: 'gw-token-0004' });
    const id = (label: string) => state.profiles.find((p) => p.label === label)!.id;

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
      for (const secret of ['sk-user-api-key-0001', 'ak-access-key-0002', 'sk-secret-key-0003', 'gw-token-0004', 'engine-test-key']) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('lists validation problems and still shows what it can', async () => {
    const shown = await call<RequestPreview>('composer:previewRequest', { ...composed, duration: '10' });
    expect(shown.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(shown.body?.duration).toBe('10');
  });
});
