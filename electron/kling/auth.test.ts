// Access-key accounts: a JWT signed with a wide margin, cached between requests, signed again (once) when Kling says
// it expired (1004), and a not-yet-valid token (1003) explained as a clock problem.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_PATH } from '../sandbox/test-helpers';
import { startSandboxServer, type SandboxServer } from '../sandbox/server';
import { accessKeyAuth, accountOf } from './auth';
import { createKlingClient } from './client';
import { KlingApiError } from './errors';

const AK = 'ak-test';
const SK = 'sk-test-0123456789';
let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sandboxAt(now: () => number) {
  server = await startSandboxServer({ credentials: { accessKeys: [{ accessKey: AK, secretKey: SK }] }, sampleClipPath: CLIP_PATH, now });
  return server;
}

const claimsOf = (header: string) => JSON.parse(Buffer.from(header.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; nbf: number };

describe('accessKeyAuth', () => {
  it('reuses a token while it has a wide margin left, and signs a new one before it runs out', () => {
    let t = 1_800_000_000_000;
    const auth = accessKeyAuth(AK, SK, () => t);
    const first = auth.header();
    t += 1000 * 1000; // 1000 s later: 800 s left, well over the margin
    expect(auth.header()).toBe(first);
    t += 600 * 1000; // 1600 s after signing: under 300 s left
    const second = auth.header();
    expect(second).not.toBe(first);
    expect(claimsOf(second).exp - claimsOf(first).exp).toBe(1600);
  });

  it('signs again on renew()', () => {
    let t = 1_800_000_000_000;
    const auth = accessKeyAuth(AK, SK, () => t);
    const first = auth.header();
    t += 5000;
    expect(auth.renew()).toBe(true);
    expect(auth.header()).not.toBe(first);
  });
});

describe('the client with an access key', () => {
  it('signs again and retries once when Kling answers 1004, then succeeds', async () => {
    const s = await sandboxAt(() => Date.now());
    s.faults.inject({ kind: 'kling-error', code: 1004, method: 'GET' });
    const client = createKlingClient({ baseUrl: s.baseUrl, pathPrefix: '', auth: accessKeyAuth(AK, SK), fetch });
    await expect(client.listTasks(1, 1)).resolves.toEqual([]);
    expect(s.received.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('retries only once: a clock so far behind that every token has expired ends in 1004', async () => {
    // Kling's clock is 40 minutes ahead of ours: each freshly signed token is already past its exp there.
    const s = await sandboxAt(() => Date.now() + 40 * 60 * 1000);
    const client = createKlingClient({ baseUrl: s.baseUrl, pathPrefix: '', auth: accessKeyAuth(AK, SK), fetch });
    const error = await client.listTasks(1, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlingApiError);
    expect((error as KlingApiError).code).toBe(1004);
    expect(s.received).toHaveLength(2);
  });

  it('explains 1003 (token not yet valid) as a clock problem', async () => {
    const s = await sandboxAt(() => Date.now() - 10 * 60 * 1000); // Kling's clock behind ours
    const client = createKlingClient({ baseUrl: s.baseUrl, pathPrefix: '', auth: accessKeyAuth(AK, SK), fetch });
    const error = (await client.listTasks(1, 1).catch((e: unknown) => e)) as KlingApiError;
    expect(error.code).toBe(1003);
    expect(error.message).toMatch(/clock/);
  });
});

describe('accountOf', () => {
  it('is a short one-way fingerprint: the same for the same key, different across keys and kinds, never the secret', () => {
    const a = accountOf({ kind: 'api-key', apiKey: 'key-one' });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(accountOf({ kind: 'api-key', apiKey: ' key-one ' })).toBe(a);
    expect(accountOf({ kind: 'api-key', apiKey: 'key-two' })).not.toBe(a);
    expect(accountOf({ kind: 'token', token: 'key-one' })).not.toBe(a);
    expect(accountOf({ kind: 'access-key', accessKey: AK, secretKey: SK })).toBe(accountOf({ kind: 'access-key', accessKey: AK, secretKey: 'other' }));
    expect(a).not.toContain('key-one');
  });
});
