// Auth kinds and auth errors, both path forms, routing errors, and account isolation, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../kling/jwt';
import { ACCESS, API, API_KEY, GATEWAY_TOKEN, GOOD_IMAGE, OTHER_API_KEY, startHarness, type Harness } from './test-helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.server.close());

const jwt = (now: number, secretKey = ACCESS.secretKey, accessKey = ACCESS.accessKey): string => signJwt({ accessKey, secretKey, now });

describe('credentials that work', () => {
  it('accepts an API key on both path forms', async () => {
    expect((await h.call('GET', API)).json.code).toBe(0);
    expect((await h.call('GET', `/kling${API}`)).json.code).toBe(0);
  });

  it('accepts a JWT signed with the secret key (iss = access key)', async () => {
    const r = await h.call('GET', API, { token: jwt(h.clock.t) });
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(0);
    expect(typeof r.json.request_id).toBe('string');
  });

  it('accepts a gateway token under /kling only', async () => {
    expect((await h.call('GET', `/kling${API}`, { token: GATEWAY_TOKEN })).json.code).toBe(0);
    const official = await h.call('GET', API, { token: GATEWAY_TOKEN });
    expect([official.status, official.json.code]).toEqual([401, 1000]);
  });
});

describe('auth errors', () => {
  const cases: [string, Record<string, string> | null, () => string | null, number][] = [
    ['missing header → 1001', null, () => null, 1001],
    ['not "Bearer x" → 1002', { Authorization: `Basic ${API_KEY}` }, () => null, 1002],
    ['bearer with spaces → 1002', { Authorization: 'Bearer a b' }, () => null, 1002],
    ['unknown key → 1000', null, () => 'key-nobody', 1000],
    ['JWT with wrong secret → 1000', null, () => jwt(h.clock.t, 'wrong'), 1000],
    ['JWT with unknown iss → 1000', null, () => jwt(h.clock.t, ACCESS.secretKey, 'AK-unknown'), 1000],
    ['expired JWT → 1004', null, () => jwt(h.clock.t - 1801_000), 1004],
    ['JWT not yet valid → 1003', null, () => jwt(h.clock.t + 60_000), 1003],
  ];
  it.each(cases)('%s', async (_name, headers, token, code) => {
    const r = await h.call('GET', API, { token: token(), headers: headers ?? {} });
    expect(r.status).toBe(401);
    expect(r.json.code).toBe(code);
    expect(r.json.data).toBeUndefined();
  });
});

describe('routing', () => {
  it('unknown path or method → 404/1202 on both forms', async () => {
    for (const [method, path] of [
      ['GET', '/v1/videos/text2video'],
      ['DELETE', API],
      ['PUT', `/kling${API}`],
      ['POST', `${API}/abc`],
      ['GET', `/kling${API}/a/b`],
    ] as const) {
      const r = await h.call(method, path);
      expect([method, path, r.status, r.json.code]).toEqual([method, path, 404, 1202]);
    }
  });

  it('creates and queries on the gateway path form', async () => {
    const created = await h.call('POST', `/kling${API}`, { token: GATEWAY_TOKEN, body: { image: GOOD_IMAGE, external_task_id: 'gw-1' } });
    expect(created.json.code).toBe(0);
    const q = await h.call('GET', `/kling${API}/gw-1`, { token: GATEWAY_TOKEN });
    expect(q.json.data?.task_id).toBe(created.json.data?.task_id);
  });
});

describe('accounts', () => {
  it('each credential sees only its own tasks', async () => {
    const a = await h.call('POST', API, { body: { image: GOOD_IMAGE, external_task_id: 'shared-name' } });
    expect(a.json.code).toBe(0);
    // The same external_task_id is fine in another account…
    const b = await h.call('POST', API, { token: OTHER_API_KEY, body: { image: GOOD_IMAGE, external_task_id: 'shared-name' } });
    expect(b.json.code).toBe(0);
    // …and each finds its own.
    const qa = await h.call('GET', `${API}/shared-name`);
    const qb = await h.call('GET', `${API}/shared-name`, { token: OTHER_API_KEY });
    expect(qa.json.data?.task_id).toBe(a.json.data?.task_id);
    expect(qb.json.data?.task_id).toBe(b.json.data?.task_id);
    // The JWT account cannot see alice's task by id.
    const other = await h.call('GET', `${API}/${a.json.data?.task_id}`, { token: jwt(h.clock.t) });
    expect([other.status, other.json.code]).toEqual([404, 1203]);
    const accounts = new Set(h.server.tasks().map((t) => t.account));
    expect(accounts).toEqual(new Set([`api-key:${API_KEY}`, `api-key:${OTHER_API_KEY}`, `gateway:${GATEWAY_TOKEN}`]));
  });
});
