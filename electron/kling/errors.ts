import { klingErrorRow, type KlingErrorRow } from '../../shared/kling/errors';

/** Kling answered with a non-zero `code`: classified by the error table, never by HTTP status alone. */
export class KlingApiError extends Error {
  readonly row: KlingErrorRow | undefined;
  constructor(
    readonly code: number,
    readonly httpStatus: number,
    readonly serverMessage: string,
    readonly requestId?: string,
  ) {
    const row = klingErrorRow(code);
    super(row ? `${row.userMessage} (Kling ${code}: ${serverMessage})` : `Kling error ${code}: ${serverMessage}`);
    this.name = 'KlingApiError';
    this.row = row;
  }

  get retryable(): boolean {
    return this.row?.action === 'retry-backoff' || (!this.row && this.httpStatus >= 500);
  }
}

/**
 * The request failed below the API: connection refused or reset, a timeout, a body that is not the envelope.
 * For a create this means the outcome is unknown: the task may exist. Resolve it by `external_task_id`.
 */
export class KlingTransportError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'KlingTransportError';
  }
}
