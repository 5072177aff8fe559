// What most commands do first: find the library, read the connection and credential flags, and open the provider
// for the length of the command (closing the built-in simulator afterwards).
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Credential } from '../../shared/settings/profiles';
import { defaultLibraryDir } from '../settings/paths';
import type { CliIo } from './io';
import { createLifetime, type Lifetime } from './lifetime';
import { parseConnection, type Connection, type ConnectionFlags } from './parse-connection';
import { parseCredential, type CredentialFlags } from './parse-credentials';
import { openProvider, type OpenedProvider } from './provider';

export function libraryRoot(flag: string | undefined, env: CliIo['env']): string {
  return flag !== undefined ? resolve(flag) : defaultLibraryDir({ env, platform: process.platform, home: homedir() });
}

export interface Remote {
  connection: Connection;
  credential: Credential | undefined;
}

export function readRemote(flags: ConnectionFlags & CredentialFlags, env: CliIo['env']): Remote {
  const connection = parseConnection(flags);
  return { connection, credential: parseCredential(flags, env, connection.kind === 'gateway') };
}

/** Run `body` with a lifetime (Ctrl+C, --timeout) and an open provider; both are cleaned up however it ends. */
export async function withProvider<T>(
  remote: Remote,
  io: CliIo,
  options: { timeoutMs?: number },
  body: (opened: OpenedProvider, lifetime: Lifetime) => Promise<T>,
): Promise<T> {
  const lifetime = createLifetime({ fetch: io.fetch ?? fetch, ...(io.signal ? { signal: io.signal } : {}), ...options });
  try {
    const opened = await openProvider(remote.connection, remote.credential, lifetime, io);
    try {
      return await body(opened, lifetime);
    } finally {
      await opened.close();
    }
  } finally {
    lifetime.dispose();
  }
}
