// `npm run sandbox -- --port 8787 --api-key K --access-key A --secret-key S [--gateway-token T] [--speed fast]`
// Runs the simulator on its own so the app (or curl) can be pointed at it. Missing keys get random ones, printed,
// so a bare `npm run sandbox` is usable at once.
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SPEED_PRESETS, startSandboxServer } from './server';
import type { SandboxCredentials, SandboxSpeed } from './types';

const USAGE = `Usage: npm run sandbox -- [--host 127.0.0.1] [--port 8787] [--api-key K] [--access-key A --secret-key S]
                          [--gateway-token T] [--speed fast|realistic] [--parallel 5] [--clip path.mp4]`;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        'api-key': { type: 'string' },
        'access-key': { type: 'string' },
        'secret-key': { type: 'string' },
        'gateway-token': { type: 'string' },
        speed: { type: 'string', default: 'realistic' },
        parallel: { type: 'string', default: '5' },
        clip: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got ${values.port}`);
  const parallel = Number(values.parallel);
  if (!Number.isInteger(parallel) || parallel < 1) fail(`--parallel must be a positive integer, got ${values.parallel}`);
  if (!(values.speed in SPEED_PRESETS)) fail(`--speed must be fast or realistic, got ${values.speed}`);
  if ((values['access-key'] === undefined) !== (values['secret-key'] === undefined)) fail('--access-key and --secret-key go together');

  const generated: string[] = [];
  const apiKey = values['api-key'] ?? `sk-sandbox-${randomBytes(12).toString('hex')}`;
  if (values['api-key'] === undefined) generated.push('api key');
  const credentials: SandboxCredentials = { apiKeys: [apiKey] };
  if (values['access-key'] !== undefined && values['secret-key'] !== undefined) {
    credentials.accessKeys = [{ accessKey: values['access-key'], secretKey: values['secret-key'] }];
  }
  const gatewayToken = values['gateway-token'] ?? `gw-sandbox-${randomBytes(12).toString('hex')}`;
  if (values['gateway-token'] === undefined) generated.push('gateway token');
  credentials.gatewayTokens = [gatewayToken];

  const server = await startSandboxServer({
    host: values.host,
    port,
    credentials,
    sampleClipPath: values.clip ?? resolve(REPO_ROOT, 'assets', 'sample-clip.mp4'),
    speed: values.speed as SandboxSpeed,
    parallelLimit: parallel,
    // Serves until stopped: keeping every request and body would grow without bound.
    keepRequests: false,
  });

  const timing = SPEED_PRESETS[values.speed as SandboxSpeed];
  console.log(`Kling sandbox listening on ${server.baseUrl}  (speed ${values.speed}: submitted ${timing.submittedMs} ms, processing ${timing.processingMs} ms)`);
  console.log(`  API key:        ${apiKey}${generated.includes('api key') ? '  (random)' : ''}`);
  console.log(`  gateway token:  ${gatewayToken}${generated.includes('gateway token') ? '  (random)' : ''}  — use ${server.baseUrl}/kling`);
  if (credentials.accessKeys) console.log(`  access key:     ${credentials.accessKeys[0]?.accessKey} (+ secret key, HS256 JWT)`);
  console.log('\nTry:');
  console.log(
    `  curl -s -X POST ${server.baseUrl}/v1/videos/image2video -H 'Authorization: Bearer ${apiKey}' ` +
      `-H 'Content-Type: application/json' -d '{"model_name":"kling-v1","image":"https://example.com/a.jpg","duration":"5","external_task_id":"demo-1"}'`,
  );
  console.log(`  curl -s ${server.baseUrl}/v1/videos/image2video/demo-1 -H 'Authorization: Bearer ${apiKey}'`);
  console.log('\nCtrl+C to stop.');

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing sandbox`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
