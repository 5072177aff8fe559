// Which credential the command line uses: flags first, then environment variables. Pure: no I/O, never logs a secret.
import type { Credential } from '../../shared/settings/profiles';
import { UsageError } from './exit-codes';

export interface CredentialFlags {
  'api-key'?: string;
  'access-key'?: string;
  'secret-key'?: string;
  token?: string;
}

export const CREDENTIAL_ENV = {
  apiKey: 'KLING_API_KEY',
  accessKey: 'KLING_ACCESS_KEY',
  secretKey: 'KLING_SECRET_KEY',
  token: 'KLING_GATEWAY_TOKEN',
} as const;

export const NO_CREDENTIAL_MESSAGE = `No Kling credential. Give one of:
  --api-key KEY                      or the environment variable ${CREDENTIAL_ENV.apiKey}
  --access-key AK --secret-key SK    or ${CREDENTIAL_ENV.accessKey} + ${CREDENTIAL_ENV.secretKey}
  --gateway --token TOKEN            or --gateway with ${CREDENTIAL_ENV.token}
or try it offline and free with --sandbox (a Kling simulator on this machine that returns a sample clip).`;

interface Source {
  apiKey?: string;
  accessKey?: string;
  secretKey?: string;
  token?: string;
  name: string;
}

const present = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

function fromSource(source: Source, gateway: boolean): Credential | undefined {
  const { apiKey, accessKey, secretKey, token } = source;
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new UsageError(`${source.name}: the access key and the secret key go together; one of them is missing`);
  }
  if (gateway) {
    // A gateway takes a bearer token; an API key given for it is sent the same way.
    const bearer = token ?? apiKey;
    return bearer === undefined ? undefined : { kind: 'token', token: bearer };
  }
  if (apiKey !== undefined) return { kind: 'api-key', apiKey };
  if (accessKey !== undefined && secretKey !== undefined) return { kind: 'access-key', accessKey, secretKey };
  if (token !== undefined) throw new UsageError(`${source.name}: a gateway token needs --gateway (and the gateway's --base-url)`);
  return undefined;
}

/** The credential to use, or undefined when none is given (the caller decides whether that is an error). */
export function parseCredential(flags: CredentialFlags, env: Record<string, string | undefined>, gateway: boolean): Credential | undefined {
  const fromFlags = fromSource(
    {
      name: 'flags',
      apiKey: present(flags['api-key']),
      accessKey: present(flags['access-key']),
      secretKey: present(flags['secret-key']),
      token: present(flags.token),
    },
    gateway,
  );
  if (fromFlags) return fromFlags;
  return fromSource(
    {
      name: 'environment',
      apiKey: present(env[CREDENTIAL_ENV.apiKey]),
      accessKey: present(env[CREDENTIAL_ENV.accessKey]),
      secretKey: present(env[CREDENTIAL_ENV.secretKey]),
      token: gateway ? present(env[CREDENTIAL_ENV.token]) : undefined,
    },
    gateway,
  );
}
