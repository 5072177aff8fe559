import type { KlingClient } from '../kling/client';
import type { GenerationRecord, ProviderKind } from '../../shared/library/generation';
import type { WireOptions } from '../../shared/kling/request';
import type { Schedule } from './backoff';

/** A configured way to reach Kling, ready to use: the sandbox, an official account or a gateway. */
export interface ActiveProvider {
  id: string;
  kind: ProviderKind;
  label: string;
  baseUrl: string;
  client: KlingClient;
  wire: WireOptions;
  /**
   * Which account it reaches: a short hash of the credential's identity (API key, access key or token), never the
   * secret itself. Records keep it, so a generation is only ever finished through the account that made it.
   */
  account: string;
  /** How many of our tasks may be in flight at once on this profile. */
  concurrency: number;
  poll: Schedule;
  retry: Schedule;
}

/** `record.provider` for a generation sent through `provider`: enough for another front end to finish it. */
export function providerRef(provider: ActiveProvider): GenerationRecord['provider'] {
  return { id: provider.id, kind: provider.kind, label: provider.label, baseUrl: provider.baseUrl, account: provider.account };
}

export const sameBaseUrl = (a: string | undefined, b: string): boolean => a !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Whether `provider` can finish a generation recorded with `named` although its profile id differs (made by the CLI,
 * or by a profile since removed): only the same kind, at the same base URL, on the same account. Another account
 * would not find the task and would create it again, on the wrong bill.
 */
export const reaches = (provider: ActiveProvider, named: GenerationRecord['provider']): boolean =>
  named.kind === provider.kind &&
  sameBaseUrl(named.baseUrl, provider.baseUrl) &&
  named.account !== undefined &&
  named.account === provider.account;
