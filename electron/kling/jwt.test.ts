import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwtSecondsLeft, signJwt, verifyJwt } from './jwt';

const NOW = 1_700_000_000_000; // ms
const NOW_SEC = NOW / 1000;
const lookup = (ak: string): string | undefined => (ak === 'AK' ? 'SK' : undefined);

const decode = (seg: string): unknown => JSON.parse(Buffer.from(seg, 'base64url').toString('utf8'));

describe('signJwt', () => {
  it('writes the documented header and claims', () => {
    const [h, c, s] = signJwt({ accessKey: 'AK', secretKey: 'SK', now: NOW }).split('.');
    expect(decode(h!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(c!)).toEqual({ iss: 'AK', exp: NOW_SEC + 1800, nbf: NOW_SEC - 5 });
    // Independent HMAC so the test does not just repeat the implementation's helper.
    const expected = createHmac('sha256', 'SK').update(`${h}.${c}`).digest('base64url');
    expect(s).toBe(expected);
  });

  it('floors sub-second clocks to whole seconds', () => {
    const [, c] = signJwt({ accessKey: 'AK', secretKey: 'SK', now: NOW + 999 }).split('.');
    expect((decode(c!) as { exp: number }).exp).toBe(NOW_SEC + 1800);
  });
});

describe('verifyJwt', () => {
  const token = signJwt({ accessKey: 'AK', secretKey: 'SK', now: NOW });

  it('accepts a fresh token and returns its claims', () => {
    const r = verifyJwt(token, lookup, NOW);
    expect(r).toEqual({ kind: 'ok', claims: { iss: 'AK', exp: NOW_SEC + 1800, nbf: NOW_SEC - 5 } });
    if (r.kind === 'ok') expect(jwtSecondsLeft(r.claims, NOW + 60_000)).toBe(1740);
  });

  it('accepts within the 5 s nbf skew', () => {
    expect(verifyJwt(token, lookup, NOW - 5000).kind).toBe('ok');
  });

  it('reports expired at and after exp', () => {
    expect(verifyJwt(token, lookup, NOW + 1800 * 1000 - 1000).kind).toBe('ok');
    expect(verifyJwt(token, lookup, NOW + 1800 * 1000).kind).toBe('expired');
  });

  it('reports not-yet-valid before nbf', () => {
    expect(verifyJwt(token, lookup, NOW - 6000).kind).toBe('not-yet-valid');
  });

  it('refuses a wrong secret, an unknown iss, tampered claims and garbage', () => {
    expect(verifyJwt(signJwt({ accessKey: 'AK', secretKey: 'nope', now: NOW }), lookup, NOW)).toMatchObject({
      kind: 'invalid',
      reason: 'bad signature',
    });
    expect(verifyJwt(signJwt({ accessKey: 'XX', secretKey: 'SK', now: NOW }), lookup, NOW)).toMatchObject({
      kind: 'invalid',
      reason: 'unknown access key',
    });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ iss: 'AK', exp: NOW_SEC + 99999, nbf: 0 })).toString('base64url');
    expect(verifyJwt(`${h}.${forged}.${s}`, lookup, NOW).kind).toBe('invalid');
    expect(verifyJwt('a.b', lookup, NOW).kind).toBe('invalid');
    expect(verifyJwt('not-a-jwt', lookup, NOW).kind).toBe('invalid');
    expect(verifyJwt(`${h}.${token.split('.')[1]}.short`, lookup, NOW).kind).toBe('invalid');
  });

  it('refuses alg other than HS256 (e.g. "none")', () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const [, c] = token.split('.');
    expect(verifyJwt(`${none}.${c}.`, lookup, NOW)).toMatchObject({ kind: 'invalid' });
  });
});
