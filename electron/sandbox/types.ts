// The public shapes of the sandbox simulator: what a caller passes in, what it gets back, and what it can inspect.
// Kept apart from the implementation so tests and the app's provider code import types without pulling in node:http.
import type { TaskStatus } from '../../shared/kling/wire';

export interface AccessKeyPair {
  accessKey: string;
  secretKey: string;
}

export interface SandboxCredentials {
  /** Current official API keys, sent as `Bearer <key>`. */
  apiKeys?: string[];
  /** Older official accounts: the client signs an HS256 JWT with the secret key, `iss` = access key. */
  accessKeys?: AccessKeyPair[];
  /** Gateway tokens; accepted only under the `/kling` path prefix, as a relay would. */
  gatewayTokens?: string[];
}

export interface SandboxTiming {
  /** How long a task stays `submitted` after creation. */
  submittedMs: number;
  /** How long it then stays `processing` before it ends. */
  processingMs: number;
}

export type SandboxSpeed = 'fast' | 'realistic';

export interface SandboxOptions {
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  /** Default 0: the OS picks a free port (read it back from `baseUrl`). */
  port?: number;
  credentials: SandboxCredentials;
  /** The MP4 served as every task's result. Read once at start. */
  sampleClipPath: string;
  /** Explicit timing; wins over `speed`. */
  timing?: SandboxTiming;
  /** Timing preset when `timing` is not given; default `realistic`. */
  speed?: SandboxSpeed;
  /** Lifetime of a handed-out result URL; default LIMITS.resultUrlLifetimeMs (30 days). */
  resultUrlTtlMs?: number;
  /** Tasks in flight (submitted/processing) per account; one more is refused with 429/1303. Default 5. */
  parallelLimit?: number;
  /** Models accepted besides KNOWN_MODELS, as a gateway that adds e.g. `kling-v3` would. */
  extraModels?: string[];
  /**
   * Keep every request (`received`) and every create body (`tasks()[i].body`) for inspection. On by default for tests;
   * off where the sandbox runs for real (the app, `npm run sandbox`), where they would grow without bound: every poll
   * and every base64 frame and mask.
   */
  keepRequests?: boolean;
  /** Clock in ms since epoch; inject to drive the life cycle and expiry without waiting. */
  now?: () => number;
}

export interface ReceivedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Parsed query string. */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  /** Clock value when the request arrived. */
  at: number;
}

/** Which requests a fault applies to, and how many times before it is used up. */
export interface FaultMatch {
  /** e.g. `POST`; any method when left out. */
  method?: string;
  /**
   * Matched against the request path and also against the path without the `/kling` gateway prefix, so
   * `/v1/videos/image2video` covers both path forms. Any path when left out.
   */
  pathPrefix?: string;
  /** How many matching requests the fault hits; default 1. */
  times?: number;
}

export type FaultKind =
  /** Answer with this Kling code and its HTTP status from shared/kling/errors.ts; nothing is processed. */
  | { kind: 'kling-error'; code: number; message?: string }
  /** Drop the connection (TCP RST) before the request is processed. */
  | { kind: 'reset-before' }
  /** Process the request (a create makes its task), then drop the connection: the client's "unknown outcome". */
  | { kind: 'reset-after' }
  /** Wait this long, then handle the request normally. */
  | { kind: 'delay'; ms: number }
  /** Answer with a body that is not JSON (default: a truncated JSON envelope, status 200, JSON content type). */
  | { kind: 'malformed'; status?: number; body?: string }
  /** Send headers (with the full Content-Length) and only this many body bytes, then close: a cut download. */
  | { kind: 'truncate'; afterBytes: number };

export type Fault = FaultMatch & FaultKind;

export interface SandboxTask {
  taskId: string;
  /** The account (one per credential) that owns the task. */
  account: string;
  externalTaskId?: string;
  /** The model the task actually runs on (kling-v1 when the body used the old `model` field). */
  effectiveModel: string;
  /** The value of the old `model` field when it was sent without `model_name` and therefore ignored. */
  ignoredModelField?: string;
  mode: string;
  duration: string;
  createdAt: number;
  /** Status at the moment `tasks()` was called. */
  status: TaskStatus;
  /** Set when the task will end (or ended) `failed`. */
  failureMessage?: string;
  /** The create body as received. */
  body: Record<string, unknown>;
}

/**
 * A request the sandbox answered with a Kling error of its own (not an injected fault, not a rate or parallel-task
 * limit, which say "later" to a valid request): what Kling would refuse.
 */
export interface RefusedRequest {
  method: string;
  path: string;
  code: number;
  message: string;
  at: number;
}

export interface SandboxServer {
  baseUrl: string;
  close(): Promise<void>;
  /** Every request, in arrival order. */
  received: ReceivedRequest[];
  /** Every request the sandbox itself refused, in arrival order (kept like `received`). */
  refused: RefusedRequest[];
  faults: { inject(fault: Fault): void; clear(): void; pending(): readonly Fault[] };
  tasks(): SandboxTask[];
  /** Every result URL handed out so far answers 403 from now on; querying the task again hands out a fresh one. */
  expireResultUrls(): void;
  /** The next task created will end `failed` with this `task_status_msg`. */
  failNextTask(message: string): void;
}
