// Result URLs and the download they point at. Kling's URLs are unauthenticated CDN links that stop working after
// 30 days; here each is a random token with an expiry, so clients can test "download before it is gone" and
// resumable downloads (Range / If-Range / 206) against the same sample clip.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Reply } from './envelope';
import { parseRange } from '../http/file-response';

interface Token {
  taskId: string;
  expiresAt: number;
  revoked: boolean;
}

export const RESULT_PATH = /^\/results\/([A-Za-z0-9_-]+)\/video\.mp4$/;

export class ResultUrls {
  private readonly tokens = new Map<string, Token>();
  /** The URL currently handed out per task, reused until it stops working. */
  private readonly current = new Map<string, string>();
  baseUrl = '';

  constructor(private readonly ttlMs: number) {}

  private valid(token: Token | undefined, now: number): token is Token {
    return token !== undefined && !token.revoked && now < token.expiresAt;
  }

  /** The task's URL; a fresh one once the previous expired or was revoked (querying again "renews" it). */
  urlFor(taskId: string, now: number): string {
    let token = this.current.get(taskId);
    if (token === undefined || !this.valid(this.tokens.get(token), now)) {
      token = randomBytes(18).toString('base64url');
      this.tokens.set(token, { taskId, expiresAt: now + this.ttlMs, revoked: false });
      this.current.set(taskId, token);
    }
    return `${this.baseUrl}/results/${token}/video.mp4`;
  }

  expireAll(): void {
    for (const t of this.tokens.values()) t.revoked = true;
  }

  check(token: string, now: number): 'ok' | 'expired' | 'unknown' {
    const t = this.tokens.get(token);
    if (t === undefined) return 'unknown';
    return this.valid(t, now) ? 'ok' : 'expired';
  }
}

export interface ClipFile {
  bytes: Buffer;
  etag: string;
  lastModified: string;
}

export function clipFile(bytes: Buffer, mtime: Date): ClipFile {
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { bytes, etag, lastModified: mtime.toUTCString() };
}

/** If-Range holds when it names the current ETag (strong compare) or the exact Last-Modified date. */
function ifRangeHolds(value: string | undefined, clip: ClipFile): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v.startsWith('"') || v.startsWith('W/')) return v === clip.etag;
  return v === clip.lastModified;
}

export function planDownload(req: IncomingMessage, clip: ClipFile): Reply {
  const size = clip.bytes.length;
  const common = {
    'Content-Type': 'video/mp4',
    'Accept-Ranges': 'bytes',
    ETag: clip.etag,
    'Last-Modified': clip.lastModified,
    'Cache-Control': 'private, max-age=0',
  };
  const rangeHeader = req.headers.range;
  const range = rangeHeader !== undefined && ifRangeHolds(req.headers['if-range'] as string | undefined, clip) ? parseRange(rangeHeader, size) : undefined;

  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 }, body: Buffer.alloc(0) };
  }
  const head = req.method === 'HEAD';
  if (range === undefined) {
    return { status: 200, headers: { ...common, 'Content-Length': size }, body: head ? Buffer.alloc(0) : clip.bytes };
  }
  const slice = clip.bytes.subarray(range.start, range.end + 1);
  return {
    status: 206,
    headers: { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': slice.length },
    body: head ? Buffer.alloc(0) : slice,
  };
}

export function forbiddenReply(state: 'expired' | 'unknown'): Reply {
  // A CDN answers a dead signed link with 403 and a short non-JSON body; clients must not expect an envelope here.
  const body = Buffer.from(state === 'expired' ? 'Forbidden: this result URL has expired\n' : 'Forbidden: unknown result URL\n');
  return { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length }, body };
}
