// The HTTP client for the Kling image-to-video contract (../shared/kling-api.md). It knows paths, the envelope and
// the error table; retries, queues and recovery belong to the task engine, except the one retry the contract
// prescribes here: a JWT that expired (1004) is signed again and the request sent once more.
import { taskEndpoint, type CreateTaskBody, type Envelope, type TaskData, type TaskStatus } from '../../shared/kling/wire';
import { KlingApiError, KlingTransportError } from './errors';
import { redact } from './redact';

/**
 * `task_status` as sent → ours. New-style routes and some gateways answer `succeeded` where the classic route says
 * `succeed` (../shared/kling-api.md, last section); both mean the same and the rest of the app knows only `succeed`.
 */
const STATUS_ON_WIRE: Readonly<Record<string, TaskStatus>> = {
  submitted: 'submitted',
  processing: 'processing',
  succeed: 'succeed',
  succeeded: 'succeed',
  failed: 'failed',
};

/**
 * A `code: 0` answer whose `data` is not a task we can act on (missing, no string `task_id`, a status we do not know)
 * is treated like a body that is not the envelope: a transport error, so for a create the outcome counts as unknown
 * and the engine resolves it by `external_task_id` instead of saving junk. Only the fields the app decides on are
 * checked; the rest is passed through as sent.
 */
function toTask(value: unknown, what: string): TaskData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KlingTransportError(`Kling answered code 0 without task data (${what})`);
  }
  const task = value as Record<string, unknown>;
  if (typeof task.task_id !== 'string' || task.task_id === '') {
    throw new KlingTransportError(`Kling answered code 0 with task data that has no task_id (${what})`);
  }
  const status = typeof task.task_status === 'string' ? STATUS_ON_WIRE[task.task_status] : undefined;
  if (status === undefined) {
    throw new KlingTransportError(`Kling answered task ${task.task_id} with an unknown task_status ${JSON.stringify(task.task_status)} (${what})`);
  }
  // A success must carry its clip: without `task_result.videos[].url` the record could not download it. Reading it as
  // an unknown outcome makes the engine ask again rather than trip over the missing field.
  if (status === 'succeed') {
    const videos = (task.task_result as { videos?: unknown } | undefined)?.videos;
    const ok = Array.isArray(videos) && videos.length > 0 && videos.every((v) => typeof (v as { url?: unknown })?.url === 'string');
    if (!ok) throw new KlingTransportError(`Kling answered task ${task.task_id} as succeeded without a video URL (${what})`);
  }
  return { ...(task as unknown as TaskData), task_status: status };
}

/**
 * The list must be an array of tasks. One bad element fails the whole page rather than being skipped: a skipped
 * element would hide a task from the import without a word, and a page shorter than asked for reads as the last
 * page to a caller that pages (tasks/import-tasks.ts), so the tasks after it would be silently left out too.
 */
function toTaskList(value: unknown): TaskData[] {
  if (!Array.isArray(value)) throw new KlingTransportError('Kling answered the task list with data that is not a list');
  return value.map((item, i) => toTask(item, `list item ${i}`));
}

export interface KlingAuth {
  /** The value of the Authorization header for the next request. */
  header(): string;
  /** Forget a cached signature so `header()` signs a new one; false when there is nothing to re-sign (API keys). */
  renew(): boolean;
}

export interface KlingClientOptions {
  baseUrl: string;
  /** '' for the official API, '/kling' (or another prefix) for gateways. */
  pathPrefix: string;
  auth: KlingAuth;
  fetch: typeof fetch;
  timeoutMs?: number;
}

export interface KlingClient {
  createTask(body: CreateTaskBody): Promise<TaskData>;
  /** By `task_id` or `external_task_id`. */
  getTask(id: string): Promise<TaskData>;
  listTasks(pageNum: number, pageSize: number): Promise<TaskData[]>;
}

export function createKlingClient(options: KlingClientOptions): KlingClient {
  const root = taskEndpoint(options.baseUrl, options.pathPrefix);
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function send(method: 'GET' | 'POST', url: string, body?: unknown, renewed = false): Promise<unknown> {
    let response: Response;
    let text: string;
    const authorization = options.auth.header();
    // What must not appear in any message this request produces: the header, and the key or token inside it.
    const clean = (message: string) => redact(message, [authorization, authorization.replace(/^Bearer\s+/i, '')]);
    try {
      response = await options.fetch(url, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // The original error is not kept as the cause: its message (and a logger printing the cause) may quote the key.
      throw new KlingTransportError(`Could not reach Kling at ${options.baseUrl}: ${clean((error as Error).message)}`);
    }
    let envelope: Envelope<unknown>;
    try {
      envelope = JSON.parse(text) as Envelope<unknown>;
    } catch {
      throw new KlingTransportError(`Kling answered HTTP ${response.status} with a body that is not JSON`);
    }
    if (typeof envelope?.code !== 'number') {
      throw new KlingTransportError(`Kling answered HTTP ${response.status} without a result code`);
    }
    if (envelope.code !== 0) {
      if (envelope.code === 1004 && !renewed && options.auth.renew()) return send(method, url, body, true);
      throw new KlingApiError(envelope.code, response.status, clean(String(envelope.message ?? '')), envelope.request_id);
    }
    return envelope.data;
  }

  return {
    createTask: async (body) => toTask(await send('POST', root, body), 'create'),
    getTask: async (id) => toTask(await send('GET', `${root}/${encodeURIComponent(id)}`), `query ${id}`),
    listTasks: async (pageNum, pageSize) => toTaskList(await send('GET', `${root}?pageNum=${pageNum}&pageSize=${pageSize}`)),
  };
}

/** The Authorization of a plain key: an official API key or a gateway token. */
export function bearerAuth(token: string): KlingAuth {
  return { header: () => `Bearer ${token}`, renew: () => false };
}
