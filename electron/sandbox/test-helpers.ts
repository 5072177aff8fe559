// Shared by the sandbox tests: a running server on a fake clock, a small fetch wrapper, and tiny image encoders so the
// image rules are exercised with real PNG/JPEG headers instead of mocks.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';
import type { Envelope, TaskData } from '../../shared/kling/wire';
import { startSandboxServer } from './server';
import type { SandboxOptions, SandboxServer } from './types';

export const CLIP_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'sample-clip.mp4');
export const T0 = 1_700_000_000_000;
export const API_KEY = 'key-alice';
export const OTHER_API_KEY = 'key-bob';
export const ACCESS = { accessKey: 'AK-carol', secretKey: 'SK-carol' };
export const GATEWAY_TOKEN = 'gw-dave';
export const TIMING = { submittedMs: 1_000, processingMs: 4_000 };
export const API = '/v1/videos/image2video';

export interface Harness {
  server: SandboxServer;
  clock: { t: number };
  call<T = TaskData>(method: string, path: string, opts?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<{
    status: number;
    json: Envelope<T>;
  }>;
}

export async function startHarness(overrides: Partial<SandboxOptions> = {}): Promise<Harness> {
  const clock = { t: T0 };
  const server = await startSandboxServer({
    credentials: { apiKeys: [API_KEY, OTHER_API_KEY], accessKeys: [ACCESS], gatewayTokens: [GATEWAY_TOKEN] },
    sampleClipPath: CLIP_PATH,
    timing: TIMING,
    now: () => clock.t,
    ...overrides,
  });
  const call: Harness['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? API_KEY : opts.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    return { status: res.status, json: (await res.json()) as never };
  };
  return { server, clock, call };
}

// ---- images ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid single-channel 8-bit PNG (what a mask is), all pixels `gray`. */
export function png(width: number, height: number, gray = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, deflate, no filter, no interlace
  const raw = Buffer.alloc((width + 1) * height, gray);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter type "none" per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from(zlibSync(raw))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The header structure of a JPEG (SOI, APP0, SOF0, EOI) with the given size; enough for a server that reads headers. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

export const b64 = (buf: Buffer): string => buf.toString('base64');

/** A start frame that passes every rule. */
export const GOOD_IMAGE = b64(png(640, 360));
