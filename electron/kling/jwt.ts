// HS256 JWTs for Kling's access-key + secret-key accounts (../../../shared/kling-api.md, "Authentication").
// The app's client signs with `signJwt`; the sandbox simulator checks with `verifyJwt`. node:crypto only, so nothing
// third-party ever touches the secret key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LIMITS } from '../../shared/kling/limits';

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

export interface JwtClaims {
  iss: string;
  /** Seconds since epoch. */
  exp: number;
  /** Seconds since epoch. */
  nbf: number;
}

export interface SignJwtInput {
  accessKey: string;
  secretKey: string;
  /** Clock in milliseconds since epoch (Date.now() by default); injectable for tests and clock-skew handling. */
  now?: number;
}

export type VerifyJwtResult =
  | { kind: 'ok'; claims: JwtClaims }
  | { kind: 'expired'; claims: JwtClaims }
  | { kind: 'not-yet-valid'; claims: JwtClaims }
  | { kind: 'invalid'; reason: string };

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function hmac(secretKey: string, signingInput: string): Buffer {
  return createHmac('sha256', secretKey).update(signingInput).digest();
}

export function signJwt({ accessKey, secretKey, now = Date.now() }: SignJwtInput): string {
  const nowSec = Math.floor(now / 1000);
  const claims: JwtClaims = {
    iss: accessKey,
    exp: nowSec + LIMITS.jwt.lifetimeSec,
    nbf: nowSec - LIMITS.jwt.notBeforeSkewSec,
  };
  const signingInput = `${base64url(JSON.stringify(HEADER))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(hmac(secretKey, signingInput))}`;
}

/** Seconds left before the token's `exp` at `now` (ms); negative once expired. Lets a client cache with a margin. */
export function jwtSecondsLeft(claims: JwtClaims, now: number = Date.now()): number {
  return claims.exp - Math.floor(now / 1000);
}

function parseJsonSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a token's form, header, signature (against the secret of the access key named in `iss`) and time claims,
 * in that order: the time claims only mean something once the signature proves who wrote them.
 * `secretLookup` returns the secret key for an access key, or undefined when the access key is unknown.
 */
export function verifyJwt(
  token: string,
  secretLookup: (accessKey: string) => string | undefined,
  now: number = Date.now(),
): VerifyJwtResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { kind: 'invalid', reason: 'not three dot-separated segments' };
  const [headerSeg, claimsSeg, sigSeg] = parts as [string, string, string];

  const header = parseJsonSegment(headerSeg);
  if (!isRecord(header) || header.alg !== 'HS256') return { kind: 'invalid', reason: 'header alg is not HS256' };

  const claims = parseJsonSegment(claimsSeg);
  if (!isRecord(claims) || typeof claims.iss !== 'string') return { kind: 'invalid', reason: 'claims lack iss' };

  const secret = secretLookup(claims.iss);
  if (secret === undefined) return { kind: 'invalid', reason: 'unknown access key' };

  const expected = hmac(secret, `${headerSeg}.${claimsSeg}`);
  const given = Buffer.from(sigSeg, 'base64url');
  // timingSafeEqual throws on unequal lengths; the length of an HMAC-SHA256 is public, so checking it first leaks nothing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { kind: 'invalid', reason: 'bad signature' };
  }

  if (typeof claims.exp !== 'number' || typeof claims.nbf !== 'number') {
    return { kind: 'invalid', reason: 'claims lack numeric exp/nbf' };
  }
  const typed: JwtClaims = { iss: claims.iss, exp: claims.exp, nbf: claims.nbf };
  const nowSec = Math.floor(now / 1000);
  if (nowSec >= typed.exp) return { kind: 'expired', claims: typed };
  if (nowSec < typed.nbf) return { kind: 'not-yet-valid', claims: typed };
  return { kind: 'ok', claims: typed };
}
