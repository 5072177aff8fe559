// The built-in Sandbox: the simulator on a loopback port, used while no real credential is configured, so a newcomer
// can go through the whole flow offline and at no cost. It can also point at a sandbox already running elsewhere
// (`npm run sandbox`), which is how end-to-end tests watch what the app sends.
import { OFFICIAL_WIRE } from '../../shared/kling/request';
import { randomBytes } from 'node:crypto';
import { accountOf } from '../kling/auth';
import { bearerAuth, createKlingClient } from '../kling/client';
import { startSandboxServer, type SandboxTiming } from '../sandbox/server';
import { RETRY_SCHEDULE, type Schedule } from './backoff';
import type { ActiveProvider } from './provider';

export const SANDBOX_PROVIDER_ID = 'sandbox';

/** A simulator on this machine needs no politeness: poll it often so the flow feels immediate. */
const SANDBOX_POLL: Schedule = { initialMs: 400, factor: 1.4, maxMs: 2000, jitter: 0.1 };

/** Long enough to watch submitted → processing → ready happen, short enough not to bore. */
export const DEMO_TIMING: SandboxTiming = { submittedMs: 1500, processingMs: 5000 };

export function sandboxProvider(baseUrl: string, apiKey: string, fetchImpl: typeof fetch): ActiveProvider {
  return {
    id: SANDBOX_PROVIDER_ID,
    kind: 'sandbox',
    label: 'Sandbox',
    baseUrl,
    account: accountOf({ kind: 'api-key', apiKey }),
    client: createKlingClient({ baseUrl, pathPrefix: '', auth: bearerAuth(apiKey), fetch: fetchImpl }),
    wire: OFFICIAL_WIRE,
    concurrency: 3,
    poll: SANDBOX_POLL,
    retry: { ...RETRY_SCHEDULE, initialMs: 300, maxMs: 3000 },
  };
}

export async function startBuiltInSandbox(options: {
  sampleClipPath: string;
  fetch: typeof fetch;
  timing?: SandboxTiming;
}): Promise<{ provider: ActiveProvider; close(): Promise<void> }> {
  const apiKey = `sandbox-${randomBytes(12).toString('hex')}`;
  const server = await startSandboxServer({
    credentials: { apiKeys: [apiKey] },
    sampleClipPath: options.sampleClipPath,
    timing: options.timing ?? DEMO_TIMING,
    keepRequests: false,
  });
  return { provider: sandboxProvider(server.baseUrl, apiKey, options.fetch), close: () => server.close() };
}
