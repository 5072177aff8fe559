// What most commands do first: find the library, read the connection and credential flags, and open the provider
// for the length of the command (closing the built-in simulator afterwards).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Credential } from '../../shared/settings/profiles';
import { openingRoot } from '../library/opening-root';
import { JsonFileStore } from '../settings/key-value';
import { defaultLibraryDir, defaultUserDataDir, SETTINGS_FILE } from '../settings/paths';
import { line, type CliIo } from './io';
import { createLifetime, type Lifetime } from './lifetime';
import { parseConnection, type Connection, type ConnectionFlags } from './parse-connection';
import { parseCredential, type CredentialFlags } from './parse-credentials';
import { openProvider, type OpenedProvider } from './provider';

/**
 * The --library folder; else where the app's Settings ▸ Library moved it (its settings.json says); else the default.
 * A moved library whose folder is missing (its drive unplugged) is not made again, empty: the default is used, as the
 * app does for that run, with a warning that names the missing place.
 */
export function libraryRoot(flag: string | undefined, io: Pick<CliIo, 'env' | 'stderr'>): string {
  if (flag !== undefined) return resolve(flag);
  const environment = { env: io.env, platform: process.platform, home: homedir() };
  const moved = new JsonFileStore(join(defaultUserDataDir(environment), SETTINGS_FILE)).get<unknown>('libraryPath');
  const { root, missing, problem } = openingRoot(typeof moved === 'string' && moved.length > 0 ? moved : undefined, defaultLibraryDir(environment));
  if (missing) {
    line(io.stderr, `warning: the library folder ${missing} cannot be ${problem ? `used (${problem}; is its drive connected?)` : 'found (is its drive connected?)'}; using the default library ${root} instead. Give --library to choose another.`);
  }
  return root;
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
