// Where the command line sends requests, and in which form: the official API by region or base URL, a gateway
// (path prefix, token, which model field), or the built-in simulator. Pure: flags in, a description out.
import { OFFICIAL_WIRE, type WireOptions } from '../../shared/kling/request';
import { GATEWAY_PREFIX } from '../../shared/kling/wire';
import { REGION_BASE_URLS, type ModelField } from '../../shared/settings/profiles';
import type { ProviderKind } from '../../shared/library/generation';
import { UsageError } from './exit-codes';

export interface ConnectionFlags {
  sandbox?: boolean;
  'base-url'?: string;
  region?: string;
  gateway?: boolean;
  'path-prefix'?: string;
  'model-field'?: string;
  'send-aspect-ratio'?: boolean;
}

export type Connection =
  | { kind: 'sandbox'; wire: WireOptions }
  | { kind: Exclude<ProviderKind, 'sandbox'>; baseUrl: string; pathPrefix: string; wire: WireOptions };

const MODEL_FIELDS: readonly ModelField[] = ['model_name', 'model', 'both'];

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url must be a URL such as ${REGION_BASE_URLS.singapore}, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http(s), not "${value}"`);
  return value.replace(/\/+$/, '');
}

function parsePathPrefix(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function parseConnection(flags: ConnectionFlags): Connection {
  const gatewayOnly = (['path-prefix', 'model-field', 'send-aspect-ratio'] as const).filter((f) => flags[f] !== undefined);
  if (!flags.gateway && gatewayOnly.length > 0) {
    // The official API reads `model` as an empty model_name and runs kling-v1 (the "model trap"): only gateways choose.
    throw new UsageError(`--${gatewayOnly[0]} is for gateways; add --gateway (the official API always gets model_name)`);
  }
  if (flags.sandbox) {
    if (flags.gateway || flags['base-url'] !== undefined || flags.region !== undefined) {
      throw new UsageError('--sandbox runs the simulator on this machine; it does not take --gateway, --base-url or --region');
    }
    return { kind: 'sandbox', wire: OFFICIAL_WIRE };
  }
  if (flags.region !== undefined && flags['base-url'] !== undefined) throw new UsageError('give --region or --base-url, not both');
  if (flags.gateway) {
    if (flags.region !== undefined) throw new UsageError('--region names an official host; a gateway needs its own --base-url');
    if (flags['base-url'] === undefined) throw new UsageError("--gateway needs the gateway's --base-url");
    const modelField = flags['model-field'] ?? 'model_name';
    if (!(MODEL_FIELDS as readonly string[]).includes(modelField)) {
      throw new UsageError(`--model-field must be one of ${MODEL_FIELDS.join(', ')}, not "${modelField}"`);
    }
    return {
      kind: 'gateway',
      baseUrl: parseBaseUrl(flags['base-url']),
      pathPrefix: parsePathPrefix(flags['path-prefix'] ?? GATEWAY_PREFIX),
      wire: { modelField: modelField as ModelField, sendAspectRatio: flags['send-aspect-ratio'] ?? false },
    };
  }
  let baseUrl: string = REGION_BASE_URLS.singapore;
  if (flags.region !== undefined) {
    const region = flags.region as keyof typeof REGION_BASE_URLS;
    if (!(region in REGION_BASE_URLS)) {
      throw new UsageError(`--region must be one of ${Object.keys(REGION_BASE_URLS).join(', ')}, not "${flags.region}"`);
    }
    baseUrl = REGION_BASE_URLS[region];
  }
  if (flags['base-url'] !== undefined) baseUrl = parseBaseUrl(flags['base-url']);
  return { kind: 'official', baseUrl, pathPrefix: '', wire: OFFICIAL_WIRE };
}
