// The command line's provider: one ActiveProvider built from the flags (or the built-in simulator for --sandbox),
// with the id and label its records carry so the app can tell them apart and resume them with a matching profile.
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY, type Credential } from '../../shared/settings/profiles';
import { accountOf, authFor } from '../kling/auth';
import { createKlingClient } from '../kling/client';
import { POLL_SCHEDULE, RETRY_SCHEDULE } from '../tasks/backoff';
import type { ActiveProvider } from '../tasks/provider';
import { startBuiltInSandbox } from '../tasks/sandbox-provider';
import { UsageError } from './exit-codes';
import type { CliIo } from './io';
import type { Lifetime } from './lifetime';
import { NO_CREDENTIAL_MESSAGE } from './parse-credentials';
import type { Connection } from './parse-connection';

export const CLI_PROVIDER_ID = 'cli';
export const CLI_PROVIDER_LABEL = 'Command line';

const SAMPLE_CLIP = fileURLToPath(new URL('../../assets/sample-clip.mp4', import.meta.url));

export interface OpenedProvider {
  provider: ActiveProvider;
  close(): Promise<void>;
}

export async function openProvider(
  connection: Connection,
  credential: Credential | undefined,
  lifetime: Lifetime,
  io: Pick<CliIo, 'tuneProvider' | 'sandboxTiming'>,
): Promise<OpenedProvider> {
  const tune = io.tuneProvider ?? ((p: ActiveProvider) => p);
  if (connection.kind === 'sandbox') {
    const started = await startBuiltInSandbox({
      sampleClipPath: SAMPLE_CLIP,
      fetch: lifetime.fetch,
      ...(io.sandboxTiming ? { timing: io.sandboxTiming } : {}),
    });
    return { provider: tune({ ...started.provider, id: CLI_PROVIDER_ID, label: CLI_PROVIDER_LABEL }), close: started.close };
  }
  if (!credential) throw new UsageError(NO_CREDENTIAL_MESSAGE);
  const provider: ActiveProvider = {
    id: CLI_PROVIDER_ID,
    kind: connection.kind,
    label: CLI_PROVIDER_LABEL,
    baseUrl: connection.baseUrl,
    account: accountOf(credential),
    client: createKlingClient({ baseUrl: connection.baseUrl, pathPrefix: connection.pathPrefix, auth: authFor(credential), fetch: lifetime.fetch }),
    wire: connection.wire,
    concurrency: DEFAULT_CONCURRENCY,
    poll: POLL_SCHEDULE,
    retry: RETRY_SCHEDULE,
  };
  return { provider: tune(provider), close: async () => undefined };
}
