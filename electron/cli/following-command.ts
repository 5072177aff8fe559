// The frame shared by the commands that follow generations with a connection (`resume`, `import`): their flags,
// --help, the provider from flags or environment, and a session over the library.
import { libraryRoot, readRemote, withProvider } from './context';
import { EXIT, type ExitCode } from './exit-codes';
import { line, type CliIo } from './io';
import type { Lifetime } from './lifetime';
import { COMMON_OPTIONS, CONNECTION_OPTIONS, parseFlags, parseTimeout, WAIT_OPTIONS } from './options';
import { openSession, type Session } from './session';

const OPTIONS = { ...COMMON_OPTIONS, ...CONNECTION_OPTIONS, ...WAIT_OPTIONS } as const;

export interface FollowingContext {
  session: Session;
  root: string;
  json: boolean;
  lifetime: Lifetime;
}

export async function runFollowingCommand(
  argv: string[],
  io: CliIo,
  usage: string,
  body: (context: FollowingContext) => Promise<ExitCode>,
): Promise<ExitCode> {
  const { values } = parseFlags(argv, OPTIONS);
  if (values.help) {
    line(io.stdout, usage);
    return EXIT.ok;
  }
  const remote = readRemote(values, io.env);
  const timeoutMs = parseTimeout(values.timeout);
  const root = libraryRoot(values.library, io);
  const json = values.json ?? false;
  return withProvider(remote, io, timeoutMs === undefined ? {} : { timeoutMs }, async ({ provider }, lifetime) =>
    body({ session: openSession({ libraryRoot: root, provider, lifetime, stderr: io.stderr }), root, json, lifetime }),
  );
}
