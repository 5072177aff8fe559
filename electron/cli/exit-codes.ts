// The command line's exit codes, and how a finished generation or an error maps onto them. Documented in README.md
// ("Command line") and in `kling --help`; scripts rely on them, so a change here is a breaking change.
import { klingErrorRow } from '../../shared/kling/errors';
import { isFinished, type GenerationRecord } from '../../shared/library/generation';
import { KlingApiError, KlingTransportError } from '../kling/errors';

export const EXIT = {
  ok: 0,
  /** A bug or an error nobody planned for (the message says what). */
  unexpected: 1,
  /** Bad flags, invalid input (every `field: message` printed), no credential, unknown generation. */
  usage: 2,
  /** Kling refused: authentication, credits, permission, policy (the error table's message plus Kling's own). */
  refused: 3,
  /** Kling accepted the task, then it failed there (task_status_msg). */
  taskFailed: 4,
  /** Ctrl+C, --timeout, or the network/server gave up; the record stays on disk for `resume`. */
  interrupted: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with how the command was called: printed with the command's usage hint, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Retryable codes (rate limit, 5xx, parallel limit) mean Kling never said no: the wait ended, not the request. */
const isRetryableCode = (code: number): boolean => {
  const action = klingErrorRow(code)?.action;
  return action === 'retry-backoff' || action === 'queue' || (action === undefined && code >= 5000);
};

export function exitCodeForRecord(record: GenerationRecord): ExitCode {
  if (record.status === 'succeed') return EXIT.ok;
  if (!isFinished(record.status)) return EXIT.interrupted;
  if (record.status === 'cancelled' || record.status === 'given-up') return EXIT.interrupted;
  const error = record.error;
  if (error?.code !== undefined) return isRetryableCode(error.code) ? EXIT.interrupted : EXIT.refused;
  // The engine records a task that ended `failed` on Kling with Kling's task_status_msg as `detail` and no code;
  // its own failures (a file it could not read, a download that was not a video) carry neither.
  if (error?.detail !== undefined) return EXIT.taskFailed;
  return EXIT.unexpected;
}

export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof KlingApiError) return error.retryable || error.row?.action === 'queue' ? EXIT.interrupted : EXIT.refused;
  if (error instanceof KlingTransportError) return EXIT.interrupted;
  return EXIT.unexpected;
}

/** The error table's plain words plus Kling's own `message`, as the app shows them. */
export function describeError(error: unknown): string {
  if (error instanceof KlingApiError) {
    const ours = error.row?.userMessage ?? `Kling answered with code ${error.code}.`;
    return `${ours} (Kling ${error.code}: ${error.serverMessage || 'no message'})`;
  }
  return (error as Error)?.message ?? String(error);
}
