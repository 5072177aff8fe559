// Authorization headers for the three kinds of credential (../shared/kling-api.md, "Authentication").
import { createHash } from 'node:crypto';
import type { Credential } from '../../shared/settings/profiles';
import { LIMITS } from '../../shared/kling/limits';
import type { KlingAuth } from './client';
import { signJwt } from './jwt';

/** Re-sign well before expiry, so a token never dies between signing and Kling checking it. */
const RENEW_MARGIN_SEC = 300;

/** Access key + secret key: an HS256 JWT, cached and signed again with a wide margin before it expires. */
export function accessKeyAuth(accessKey: string, secretKey: string, now: () => number = Date.now): KlingAuth {
  return signedAuth(() => ({ kind: 'access-key', accessKey, secretKey }), now);
}

/**
 * A stored credential, read (decrypted) at the moment a request is signed and not kept: only the JWT it signs is
 * cached, never the key. `read` answers undefined when the key can no longer be read (another keyring, removed).
 */
export function signedAuth(read: () => Credential | undefined, now: () => number = Date.now): KlingAuth {
  let cached: { token: string; signedAt: number } | undefined;
  const credential = () => {
    const c = read();
    if (!c) throw new Error('The stored credential can no longer be read; enter it again in Settings');
    return c;
  };
  return {
    header() {
      const ageSec = cached ? (now() - cached.signedAt) / 1000 : Infinity;
      if (cached && ageSec <= LIMITS.jwt.lifetimeSec - RENEW_MARGIN_SEC) return `Bearer ${cached.token}`;
      const c = credential();
      if (c.kind !== 'access-key') return `Bearer ${c.kind === 'api-key' ? c.apiKey : c.token}`;
      cached = { token: signJwt({ accessKey: c.accessKey, secretKey: c.secretKey, now: now() }), signedAt: now() };
      return `Bearer ${cached.token}`;
    },
    renew() {
      const renewable = cached !== undefined;
      cached = undefined;
      return renewable;
    },
  };
}

/** A credential held by the caller for one command (the command line): the same signing, nothing stored. */
export function authFor(credential: Credential, now?: () => number): KlingAuth {
  return signedAuth(() => credential, now);
}

/** A short, one-way fingerprint of which account a credential reaches (its public part, or the key itself, hashed). */
export function accountOf(credential: Credential): string {
  const identity =
    credential.kind === 'api-key' ? credential.apiKey : credential.kind === 'token' ? credential.token : credential.accessKey;
  // Salted with the app's name, so the stored value cannot be matched against hashes of keys computed elsewhere.
  return createHash('sha256').update(`kling-studio/account:${credential.kind}:${identity.trim()}`).digest('hex').slice(0, 16);
}
