// The HTTP client for the Kling image-to-video contract (../shared/kling-api.md). It knows paths, the envelope and
// the error table; retries, queues and recovery belong to the task engine, except the one retry the contract
// prescribes here: a JWT that expired (1004) is signed again and the request sent once more.
import { API_PATH, type CreateTaskBody, type Envelope, type TaskData } from '../../shared/kling/wire';
import { KlingApiError, KlingTransportError } from './errors';

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
  const root = `${options.baseUrl.replace(/\/+$/, '')}${options.pathPrefix}${API_PATH}`;
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function send<T>(method: 'GET' | 'POST', url: string, body?: unknown, renewed = false): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(url, {
        method,
        headers: {
          Authorization: options.auth.header(),
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new KlingTransportError(`Could not reach Kling at ${options.baseUrl}: ${(error as Error).message}`, error);
    }
    let envelope: Envelope<T>;
    try {
      envelope = JSON.parse(text) as Envelope<T>;
    } catch {
      throw new KlingTransportError(`Kling answered HTTP ${response.status} with a body that is not JSON`);
    }
    if (typeof envelope?.code !== 'number') {
      throw new KlingTransportError(`Kling answered HTTP ${response.status} without a result code`);
    }
    if (envelope.code !== 0) {
      if (envelope.code === 1004 && !renewed && options.auth.renew()) return send<T>(method, url, body, true);
      throw new KlingApiError(envelope.code, response.status, envelope.message ?? '', envelope.request_id);
    }
    return envelope.data as T;
  }

  return {
    createTask: (body) => send<TaskData>('POST', root, body),
    getTask: (id) => send<TaskData>('GET', `${root}/${encodeURIComponent(id)}`),
    listTasks: (pageNum, pageSize) => send<TaskData[]>('GET', `${root}?pageNum=${pageNum}&pageSize=${pageSize}`),
  };
}

/** The Authorization of a plain key: an official API key or a gateway token. */
export function bearerAuth(token: string): KlingAuth {
  return { header: () => `Bearer ${token}`, renew: () => false };
}
