// Download a finished clip into the library: into a `.part` file first, resumed with `Range` + `If-Range` after an
// interruption, checked to be an MP4, then renamed into place. Kling deletes result URLs after 30 days, so the file
// on disk is what the library keeps.
import { open, rename, rm, stat } from 'node:fs/promises';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes?: number;
}

export interface DownloadOptions {
  url: string;
  target: string;
  fetch: typeof fetch;
  /** The `ETag` or `Last-Modified` of the response a `.part` file came from, to resume only the same file. */
  validator?: string;
  onProgress?: (progress: DownloadProgress & { validator?: string }) => void;
  /** Give up on a connection that delivers nothing for this long (a stalled CDN would hold the card forever). */
  idleTimeoutMs?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** The URL answered that it is gone (Kling's signed URLs expire): get a fresh one by querying the task. */
export class ExpiredUrlError extends Error {
  constructor(readonly status: number) {
    super(`The clip's URL answered HTTP ${status}`);
    this.name = 'ExpiredUrlError';
  }
}

/**
 * The connection failed or the body was cut: nothing is wrong with the clip, only with the way to it. The `.part`
 * file keeps what arrived, and the engine keeps trying (a clip made and charged must not be given up over an outage).
 */
export class DownloadInterruptedError extends Error {
  constructor(message: string, cause?: unknown) {
    super(`The clip download was interrupted: ${message}`, { cause });
    this.name = 'DownloadInterruptedError';
  }
}

export class NotAVideoError extends Error {
  constructor() {
    super('The downloaded file is not an MP4 video');
    this.name = 'NotAVideoError';
  }
}

/** MP4 files start with a box whose type, at bytes 4–7, is `ftyp`. */
export function looksLikeMp4(head: Uint8Array): boolean {
  return head.length >= 8 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp';
}

export async function downloadFile(options: DownloadOptions): Promise<{ bytes: number }> {
  const part = `${options.target}.part`;
  const have = options.validator ? ((await stat(part).catch(() => undefined))?.size ?? 0) : 0;
  const headers: Record<string, string> = {};
  if (have > 0 && options.validator) {
    headers.Range = `bytes=${have}-`;
    headers['If-Range'] = options.validator;
  }
  // Aborts the request when nothing arrives for a while; re-armed on every chunk.
  const idle = new AbortController();
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  let timer = setTimeout(() => idle.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
  };
  try {
    return await receive(options, part, have, headers, idle.signal, rearm);
  } finally {
    clearTimeout(timer);
  }
}

async function receive(
  options: DownloadOptions,
  part: string,
  have: number,
  headers: Record<string, string>,
  signal: AbortSignal,
  rearm: () => void,
): Promise<{ bytes: number }> {
  const response = await options.fetch(options.url, { headers, signal }).catch((error: unknown) => {
    throw new DownloadInterruptedError((error as Error).message, error);
  });
  rearm(); // the headers arrived: the time allowed for the first chunk starts now
  if (response.status === 416) {
    // The .part is already whole (a crash between finishing and renaming it) or longer than the file: start over.
    await response.body?.cancel().catch(() => undefined);
    await rm(part, { force: true });
    return receive({ ...options, validator: undefined }, part, 0, {}, signal, rearm);
  }
  if ([401, 403, 404, 410].includes(response.status)) throw new ExpiredUrlError(response.status);
  // A CDN that is overloaded or briefly down says nothing about the clip: an interruption, not a failure.
  if (response.status === 429 || response.status >= 500) throw new DownloadInterruptedError(`the server answered HTTP ${response.status}`);
  if (response.status !== 200 && response.status !== 206) throw new Error(`The clip download answered HTTP ${response.status}`);
  if (!response.body) throw new Error('The clip download has no body');

  const resumed = response.status === 206;
  const validator = response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const totalBytes = Number.isFinite(length) ? (resumed ? have : 0) + length : undefined;
  let receivedBytes = resumed ? have : 0;

  const file = await open(part, resumed ? 'a' : 'w');
  try {
    options.onProgress?.({ receivedBytes, totalBytes, validator });
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        rearm();
        await file.write(chunk);
        receivedBytes += chunk.byteLength;
        options.onProgress?.({ receivedBytes, totalBytes, validator });
      }
    } catch (error) {
      throw new DownloadInterruptedError(`${(error as Error).message} after ${receivedBytes} bytes`, error);
    }
    await file.sync();
  } finally {
    await file.close();
  }
  if (totalBytes !== undefined && receivedBytes !== totalBytes) {
    throw new DownloadInterruptedError(`it ended early (${receivedBytes} of ${totalBytes} bytes)`);
  }
  const head = new Uint8Array(8);
  const check = await open(part, 'r');
  try {
    await check.read(head, 0, 8, 0);
  } finally {
    await check.close();
  }
  if (!looksLikeMp4(head)) {
    await rm(part, { force: true });
    throw new NotAVideoError();
  }
  await rename(part, options.target);
  return { bytes: receivedBytes };
}
