// Flags shared by several commands, as node:util parseArgs option tables, and the one wrapper that turns parseArgs'
// own errors (unknown flag, missing value) into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Where Kling is and who we are there. */
export const CONNECTION_OPTIONS = {
  sandbox: { type: 'boolean' },
  'base-url': { type: 'string' },
  region: { type: 'string' },
  gateway: { type: 'boolean' },
  'path-prefix': { type: 'string' },
  'model-field': { type: 'string' },
  'send-aspect-ratio': { type: 'boolean' },
  'api-key': { type: 'string' },
  'access-key': { type: 'string' },
  'secret-key': { type: 'string' },
  token: { type: 'string' },
} as const satisfies Options;

/** For commands that follow tasks to the end. */
export const WAIT_OPTIONS = {
  timeout: { type: 'string' },
} as const satisfies Options;

export const CONNECTION_HELP = `Connection (every command that talks to Kling):
  --sandbox                 use the built-in simulator on this machine: offline, free, returns a sample clip
  --base-url URL            default https://api-singapore.klingai.com (official, outside China)
  --region singapore|beijing  official host by region (instead of --base-url)
  --gateway                 a gateway relaying the Kling API: path prefix /kling, token auth (needs --base-url)
  --path-prefix P           the gateway's path prefix (default /kling; '' for none)
  --model-field F           model_name | model | both: which field a gateway wants (default model_name)
  --send-aspect-ratio       add aspect_ratio (16:9, 9:16, 1:1) for gateways that document it
Credentials (flags win over environment variables):
  --api-key KEY                      or KLING_API_KEY
  --access-key AK --secret-key SK    or KLING_ACCESS_KEY + KLING_SECRET_KEY (a JWT is signed per request)
  --token TOKEN                      or KLING_GATEWAY_TOKEN (with --gateway)`;

export const COMMON_HELP = `Common:
  --library DIR             the library folder (default: the app's, where Settings moved it, else <userData>/library)
  --json                    print the result as JSON on stdout
  -h, --help                this help`;

export function parseFlags<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A positive number of seconds, or undefined when the flag was not given. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds greater than 0, not "${value}"`);
  return seconds * 1000;
}
