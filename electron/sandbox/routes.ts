// Which endpoint a request is for, and the three API handlers (create, query, list). Routing happens before auth:
// an unknown path or method is 404/1202 whoever asks, which is what helps a user who typed the wrong base URL.
import { LIMITS } from '../../shared/kling/limits';
import { API_PATH, GATEWAY_PREFIX } from '../../shared/kling/wire';
import { KlingError, invalidParam, okReply, type Reply } from './envelope';
import { RESULT_PATH } from './results';
import type { TaskStore } from './tasks';
import { validateCreate } from './validate-create';

export type Route =
  | { kind: 'create'; viaGateway: boolean }
  | { kind: 'list'; viaGateway: boolean }
  | { kind: 'query'; viaGateway: boolean; id: string }
  | { kind: 'result'; token: string };

/** A malformed %-escape is kept as typed; it then simply finds no task. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function resolveRoute(method: string, path: string): Route {
  const result = RESULT_PATH.exec(path);
  if (result?.[1] !== undefined && (method === 'GET' || method === 'HEAD')) return { kind: 'result', token: result[1] };

  const viaGateway = path.startsWith(`${GATEWAY_PREFIX}/`);
  const bare = viaGateway ? path.slice(GATEWAY_PREFIX.length) : path;
  if (bare === API_PATH) {
    if (method === 'POST') return { kind: 'create', viaGateway };
    if (method === 'GET') return { kind: 'list', viaGateway };
  } else if (bare.startsWith(`${API_PATH}/`)) {
    const id = bare.slice(API_PATH.length + 1);
    if (method === 'GET' && id !== '' && !id.includes('/')) return { kind: 'query', viaGateway, id: safeDecode(id) };
  }
  throw new KlingError(1202, `no such endpoint: ${method} ${path}`);
}

export interface ApiContext {
  account: string;
  now: number;
  store: TaskStore;
  extraModels: readonly string[];
}

export function handleCreate(ctx: ApiContext, body: unknown): Reply {
  const accepted = validateCreate(body, ctx.extraModels);
  const task = ctx.store.create(ctx.account, accepted, body as Record<string, unknown>, ctx.now);
  return okReply(ctx.store.toWire(task, ctx.now));
}

export function handleQuery(ctx: ApiContext, id: string): Reply {
  const task = ctx.store.find(ctx.account, id);
  if (task === undefined) throw new KlingError(1203, `task not found: ${id}`);
  return okReply(ctx.store.toWire(task, ctx.now));
}

function pageParam(field: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw invalidParam(field, `must be an integer from ${min} to ${max} (got "${value}")`);
  return n;
}

export function handleList(ctx: ApiContext, query: Record<string, string>): Reply {
  const { numMin, numMax, sizeMin, sizeMax } = LIMITS.listPage;
  const pageNum = pageParam('pageNum', query.pageNum, numMin, numMax, 1);
  const pageSize = pageParam('pageSize', query.pageSize, sizeMin, sizeMax, 30);
  return okReply(ctx.store.list(ctx.account, pageNum, pageSize).map((t) => ctx.store.toWire(t, ctx.now)));
}
