import type { KlingClient } from '../kling/client';
import type { ProviderKind } from '../../shared/library/generation';
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
  /** How many of our tasks may be in flight at once on this profile. */
  concurrency: number;
  poll: Schedule;
  retry: Schedule;
}
