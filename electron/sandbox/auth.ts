// The three credential kinds of the contract (API key, access key + secret key JWT, gateway token), each mapped to
// an account id. Tasks, external_task_id uniqueness and the parallel limit are all per account, so a test holding
// two credentials can check that one never sees the other's tasks.
import { verifyJwt } from '../kling/jwt';
import { KlingError } from './envelope';
import type { SandboxCredentials } from './types';

export interface Authenticated {
  account: string;
  kind: 'api-key' | 'jwt' | 'gateway-token';
}

const BEARER = /^Bearer ([^\s]+)$/;

/** True when the token has the shape of a JWT (three segments, the first a JSON header), so it is checked as one. */
function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null;
  } catch {
    return false;
  }
}

export function authenticate(
  authorization: string | string[] | undefined,
  viaGateway: boolean,
  credentials: SandboxCredentials,
  now: number,
): Authenticated {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  if (header === undefined || header.trim() === '') {
    throw new KlingError(1001, 'Authorization header is empty');
  }
  const match = BEARER.exec(header.trim());
  if (!match?.[1]) {
    throw new KlingError(1002, 'Authorization header is invalid: expected "Bearer <token>"');
  }
  const token = match[1];

  if (credentials.apiKeys?.includes(token)) return { account: `api-key:${token}`, kind: 'api-key' };

  if (credentials.gatewayTokens?.includes(token)) {
    // A gateway token means nothing to the official host; only the relay (the /kling prefix) knows it.
    if (!viaGateway) throw new KlingError(1000, 'authentication failed: gateway token used outside the /kling prefix');
    return { account: `gateway:${token}`, kind: 'gateway-token' };
  }

  if (looksLikeJwt(token)) {
    const secrets = new Map((credentials.accessKeys ?? []).map((p) => [p.accessKey, p.secretKey]));
    const result = verifyJwt(token, (ak) => secrets.get(ak), now);
    switch (result.kind) {
      case 'ok':
        return { account: `access-key:${result.claims.iss}`, kind: 'jwt' };
      case 'expired':
        throw new KlingError(1004, 'token expired');
      case 'not-yet-valid':
        throw new KlingError(1003, 'token not yet valid (nbf is in the future)');
      case 'invalid':
        throw new KlingError(1000, `authentication failed: ${result.reason}`);
    }
  }

  throw new KlingError(1000, 'authentication failed: unknown key');
}
