// The sandbox simulator's HTTP plumbing: read the body, record the request, apply a queued fault, route, authenticate,
// handle, then write the reply (or, for some faults, cut or drop it). Handlers return a Reply instead of writing to
// the socket themselves, which is what lets "reset after the create was processed" and "cut the body after N bytes"
// apply to any endpoint.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { klingErrorRow } from '../../shared/kling/errors';
import { LIMITS } from '../../shared/kling/limits';
import { authenticate } from './auth';
import { KlingError, errorReply, type Reply } from './envelope';
import { FaultQueue } from './faults';
import { ResultUrls, clipFile, forbiddenReply, planDownload, type ClipFile } from './results';
import { handleCreate, handleList, handleQuery, resolveRoute, type ApiContext } from './routes';
import { TaskStore } from './tasks';
import type { Fault, ReceivedRequest, RefusedRequest, SandboxOptions, SandboxServer, SandboxSpeed, SandboxTiming } from './types';

export type * from './types';

export const SPEED_PRESETS: Record<SandboxSpeed, SandboxTiming> = {
  fast: { submittedMs: 150, processingMs: 300 },
  realistic: { submittedMs: 3_000, processingMs: 20_000 },
};

export const DEFAULT_PARALLEL_LIMIT = 5;

/** Bodies carry base64 images (10 MB each → ~13.4 MB of text), up to a start frame, an end frame and 7 masks. */
const MAX_BODY_BYTES = 160 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** TCP RST, so the client sees ECONNRESET rather than a polite end of stream. */
function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function writeReply(res: ServerResponse, reply: Reply, fault: Fault | undefined): void {
  if (fault?.kind === 'reset-after') {
    resetConnection(res);
    return;
  }
  if (fault?.kind === 'truncate' && fault.afterBytes < reply.body.length) {
    // Headers promise the whole body; a plain close (FIN, not RST) after the first bytes lets the client keep them.
    res.writeHead(reply.status, reply.headers);
    res.write(reply.body.subarray(0, Math.max(0, fault.afterBytes)), () => res.socket?.destroy());
    return;
  }
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function malformedReply(fault: Extract<Fault, { kind: 'malformed' }>): Reply {
  const body = Buffer.from(fault.body ?? '{"code":0,"message":"SUCCEED","request_id":"', 'utf8');
  return { status: fault.status ?? 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length }, body };
}

/** Kling's answers that say "later", not "invalid": not counted as refusals. */
const NOT_NOW = new Set([1302, 1303]);

export async function startSandboxServer(options: SandboxOptions): Promise<SandboxServer> {
  const now = options.now ?? Date.now;
  const timing = options.timing ?? SPEED_PRESETS[options.speed ?? 'realistic'];
  const extraModels = options.extraModels ?? [];
  const [bytes, info] = await Promise.all([readFile(options.sampleClipPath), stat(options.sampleClipPath)]);
  const clip: ClipFile = clipFile(bytes, info.mtime);
  const results = new ResultUrls(options.resultUrlTtlMs ?? LIMITS.resultUrlLifetimeMs);
  const store = new TaskStore(timing, options.parallelLimit ?? DEFAULT_PARALLEL_LIMIT, results, options.keepRequests ?? true);
  const faults = new FaultQueue();
  const received: ReceivedRequest[] = [];
  const refused: RefusedRequest[] = [];
  const keep = options.keepRequests ?? true;

  function handle(req: IncomingMessage, method: string, path: string, query: Record<string, string>, body: unknown): Reply {
    const route = resolveRoute(method, path);
    const at = now();
    if (route.kind === 'result') {
      const state = results.check(route.token, at);
      return state === 'ok' ? planDownload(req, clip) : forbiddenReply(state);
    }
    const { account } = authenticate(req.headers.authorization, route.viaGateway, options.credentials, at);
    const ctx: ApiContext = { account, now: at, store, extraModels };
    switch (route.kind) {
      case 'create':
        if (typeof body === 'string') throw new KlingError(1200, 'request body is not valid JSON');
        return handleCreate(ctx, body);
      case 'query':
        return handleQuery(ctx, route.id);
      case 'list':
        return handleList(ctx, query);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) writeReply(res, errorReply(new KlingError(1200, 'request body too large')), undefined);
      return;
    }
    const body = parseBody(raw);
    if (keep) received.push({ method, path, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, body, at: now() });

    const fault = faults.take(method, path);
    if (fault?.kind === 'reset-before') return resetConnection(res);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'kling-error') {
      return writeReply(res, errorReply(new KlingError(fault.code, fault.message ?? klingErrorRow(fault.code)?.meaning ?? 'injected fault')), undefined);
    }
    if (fault?.kind === 'malformed') return writeReply(res, malformedReply(fault), undefined);

    let reply: Reply;
    try {
      reply = handle(req, method, path, Object.fromEntries(url.searchParams), body);
    } catch (e) {
      if (!(e instanceof KlingError)) {
        console.error('[sandbox] unexpected error', e);
        reply = errorReply(new KlingError(5000, 'internal server error'));
      } else {
        reply = errorReply(e);
      }
      const error = e instanceof KlingError ? e : new KlingError(5000, 'internal server error');
      // "Not now" (rate or parallel-task limit) is Kling's normal answer to a valid request; the app waits and retries.
      if (keep && !NOT_NOW.has(error.code)) refused.push({ method, path, code: error.code, message: error.message, at: now() });
    }
    writeReply(res, reply, fault);
  }

  const server = createServer((req, res) => {
    void onRequest(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;
  results.baseUrl = baseUrl;

  return {
    baseUrl,
    received,
    refused,
    faults: { inject: (f) => faults.inject(f), clear: () => faults.clear(), pending: () => faults.pending() },
    tasks: () => store.snapshot(now()),
    expireResultUrls: () => results.expireAll(),
    failNextTask: (message) => store.failNext(message),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (fetch keeps them) would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
