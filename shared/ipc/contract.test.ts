// What the bridge takes for a profile and its key.
// The profile's base URL: it is echoed back to the renderer and kept in every record, so a URL that carries a secret
// (userinfo, a query, a fragment) is refused with a message that says where the secret belongs.
import { describe, expect, it } from 'vitest';
import { credentialSchema, profileInputSchema } from './contract';

const gateway = (baseUrl: string) => profileInputSchema.safeParse({ kind: 'gateway', label: 'Relay', baseUrl });
const custom = (baseUrl: string) =>
  profileInputSchema.safeParse({ kind: 'official', label: 'Kling', region: 'custom', baseUrl, auth: 'api-key' });
const firstMessage = (r: ReturnType<typeof gateway>) => (r.success ? undefined : r.error.issues[0]?.message);

describe('base URL', () => {
  it.each(['https://relay.example.com', 'https://relay.example.com/', 'http://127.0.0.1:8080', 'https://relay.example.com/api/v2', ' https://x.example '])(
    'accepts %j',
    (url) => {
      expect(gateway(url).success).toBe(true);
      expect(custom(url).success).toBe(true);
    },
  );

  it.each([
    ['https://sk-secret@relay.example.com', /user name or token/],
    ['https://user:pass@relay.example.com/kling', /user name or token/],
    ['http://token@127.0.0.1:8080', /user name or token/],
    ['https://relay.example.com/?key=sk-secret', /no query/],
    ['https://relay.example.com?token=x', /no query/],
    ['https://relay.example.com/#sk-secret', /fragment/],
    ['https://relay.example.com/?', /no query/],
    ['ftp://relay.example.com', /https:\/\//],
    ['relay.example.com', /https:\/\//],
  ])('refuses %j', (url, message) => {
    for (const r of [gateway(url), custom(url)]) {
      expect(r.success).toBe(false);
      expect(firstMessage(r)).toMatch(message);
      expect(r.success ? [] : r.error.issues[0]?.path).toEqual(['baseUrl']);
    }
  });

  it('a path with an @ after the host is not userinfo', () => {
    expect(gateway('https://relay.example.com/@team/kling').success).toBe(true);
  });
});

describe('credential', () => {
  it('takes keys as Kling and gateways issue them, trimmed', () => {
    expect(credentialSchema.parse({ kind: 'api-key', apiKey: '  sk-Abc_123.456-xyz=  ' })).toEqual({ kind: 'api-key', apiKey: 'sk-Abc_123.456-xyz=' });
  });

  it.each(['sk-abc\ndef', 'sk-abc def', 'sk-abc\tdef', 'sk-abcé', 'sk-abc\u200bdef', 'sk-abc€'])('refuses %j in words, before it can reach a header', (apiKey) => {
    const result = credentialSchema.safeParse({ kind: 'api-key', apiKey });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/check what was pasted/);
  });
});
