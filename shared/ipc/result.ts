import type { Problem } from '../kling/problems';

/** Errors cross the bridge as data, never as thrown exceptions. */
export interface BridgeError {
  /** `invalid-request` (failed the schema), `invalid-input` (broke a rule), `not-found`, `forbidden-sender`, `internal`, … */
  code: string;
  message: string;
  field?: string;
  problems?: Problem[];
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });
export const fail = (error: BridgeError): BridgeResult<never> => ({ ok: false, error });
