// A key never comes back in an error: fetch quotes a header value it refuses, and a gateway may echo what it got.
import { describe, expect, it } from 'vitest';
import { signedAuth } from './auth';
import { bearerAuth, createKlingClient } from './client';
import { KlingApiError, KlingTransportError } from './errors';
import { redact, REDACTED } from './redact';

const KEY = 'sk-LEAKY-0123456789';

describe('redact', () => {
  it('removes a secret as sent, JSON-escaped and URL-encoded, the longest form first', () => {
    const multi = 'sk-a\nb"c/d';
    const text = `as sent: Bearer ${multi} | escaped: ${JSON.stringify(multi)} | encoded: ${encodeURIComponent(multi)}`;
    const out = redact(text, [`Bearer ${multi}`, multi]);
    expect(out).not.toContain('sk-a');
    expect(out).toBe(`as sent: ${REDACTED} | escaped: "${REDACTED}" | encoded: ${REDACTED}`);
  });

  it('leaves text alone when a "secret" is too short to tell from ordinary words', () => {
    expect(redact('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('the client never quotes the key it sends', () => {
  it('when fetch refuses the header (a line break inside a pasted key)', async () => {
    const client = createKlingClient({ baseUrl: 'http://127.0.0.1:9', pathPrefix: '', auth: bearerAuth(`${KEY}\nrest`), fetch });
    const error = await client.listTasks(1, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlingTransportError);
    expect((error as Error).message).toContain('invalid header value');
    expect((error as Error).message).not.toContain('LEAKY');
    expect((error as Error).cause).toBeUndefined();
  });

  it('when a gateway echoes the Authorization header in its answer', async () => {
    const echoing = (async (_url: string, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get('authorization');
      return new Response(JSON.stringify({ code: 1002, message: `bad header: ${authorization}`, request_id: 'r' }), { status: 401 });
    }) as typeof fetch;
    for (const auth of [bearerAuth(KEY), signedAuth(() => ({ kind: 'access-key', accessKey: 'AK-LEAKY-1', secretKey: 'SK-LEAKY-2' }))]) {
      const client = createKlingClient({ baseUrl: 'https://gw.example', pathPrefix: '/kling', auth, fetch: echoing });
      const error = (await client.listTasks(1, 1).catch((e: unknown) => e)) as KlingApiError;
      expect(error).toBeInstanceOf(KlingApiError);
      expect(`${error.message} ${error.serverMessage}`).not.toMatch(/LEAKY|eyJ/);
      expect(error.serverMessage).toBe(`bad header: ${REDACTED}`);
    }
  });
});
