// Authorization headers for the three kinds of credential (../shared/kling-api.md, "Authentication").
import { createHash } from 'node:crypto';
import type { Credential } from '../../shared/settings/profiles';
import { LIMITS } from '../../shared/kling/limits';
import { bearerAuth, type KlingAuth } from './client';
import { signJwt } from './jwt';

/** Re-sign well before expiry, so a token never dies between signing and Kling checking it. */
const RENEW_MARGIN_SEC = 300;

/** Access key + secret key: an HS256 JWT, cached and signed again with a wide margin before it expires. */
export function accessKeyAuth(accessKey: string, secretKey: string, now: () => number = Date.now): KlingAuth {
  let cached: { token: string; signedAt: number } | undefined;
  return {
    header() {
      const ageSec = cached ? (now() - cached.signedAt) / 1000 : Infinity;
      if (!cached || ageSec > LIMITS.jwt.lifetimeSec - RENEW_MARGIN_SEC) {
        cached = { token: signJwt({ accessKey, secretKey, now: now() }), signedAt: now() };
      }
      return `Bearer ${cached.token}`;
    },
    renew() {
      cached = undefined;
      return true;
    },
  };
}

export function authFor(credential: Credential, now?: () => number): KlingAuth {
  switch (credential.kind) {
    case 'api-key':
      return bearerAuth(credential.apiKey);
    case 'token':
      return bearerAuth(credential.token);
    case 'access-key':
      return accessKeyAuth(credential.accessKey, credential.secretKey, now);
  }
}

/** A short, one-way fingerprint of which account a credential reaches (its public part, or the key itself, hashed). */
export function accountOf(credential: Credential): string {
  const identity =
    credential.kind === 'api-key' ? credential.apiKey : credential.kind === 'token' ? credential.token : credential.accessKey;
  // Salted with the app's name, so the stored value cannot be matched against hashes of keys computed elsewhere.
  return createHash('sha256').update(`kling-studio/account:${credential.kind}:${identity.trim()}`).digest('hex').slice(0, 16);
}
