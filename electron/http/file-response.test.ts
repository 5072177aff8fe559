// Files served with Range, as a video element asks for them: whole, a slice, an open end, a suffix, and the ranges
// that cannot be satisfied; HEAD answers the same headers without a body.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, fileResponse, parseRange } from './file-response';

const BYTES = Uint8Array.from({ length: 100 }, (_, i) => i);
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-file-response-'));
  file = join(dir, 'clip.mp4');
  await writeFile(file, BYTES);
  await writeFile(join(dir, 'empty.mp4'), new Uint8Array());
  await mkdir(join(dir, 'folder.mp4'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const request = (headers: Record<string, string> = {}, method = 'GET') => ({ method, headers: new Headers(headers) });
const body = async (r: Response) => new Uint8Array(await r.arrayBuffer());

describe('fileResponse', () => {
  it('serves the whole file with its type, length and Accept-Ranges', async () => {
    const r = await fileResponse(file, request(), { 'X-Extra': 'yes' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(r.headers.get('content-length')).toBe('100');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('x-extra')).toBe('yes');
    expect(r.headers.get('content-range')).toBeNull();
    expect(await body(r)).toEqual(BYTES);
  });

  it.each([
    ['bytes=10-19', 10, 19],
    ['bytes=90-', 90, 99],
    ['bytes=-5', 95, 99],
    ['bytes=-500', 0, 99],
    ['bytes=50-1000', 50, 99],
    ['bytes=0-0', 0, 0],
    [' bytes=99-99 ', 99, 99],
  ])('%s → 206 with bytes %i–%i', async (range, start, end) => {
    const r = await fileResponse(file, request({ Range: range }));
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/100`);
    expect(r.headers.get('content-length')).toBe(String(end - start + 1));
    expect(await body(r)).toEqual(BYTES.slice(start, end + 1));
  });

  it.each(['bytes=100-', 'bytes=150-200', 'bytes=20-10', 'bytes=-0'])('%s → 416 with the size', async (range) => {
    const r = await fileResponse(file, request({ Range: range }));
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe('bytes */100');
    expect((await body(r)).length).toBe(0);
  });

  it.each(['items=0-1', 'bytes=0-1,5-6', 'bytes=-', 'bytes=a-b'])('an unsupported form %j gets the whole file', async (range) => {
    const r = await fileResponse(file, request({ Range: range }));
    expect(r.status).toBe(200);
    expect(await body(r)).toEqual(BYTES);
  });

  it('HEAD answers the same headers without a body', async () => {
    const whole = await fileResponse(file, request({}, 'HEAD'));
    expect([whole.status, whole.headers.get('content-length'), (await body(whole)).length]).toEqual([200, '100', 0]);
    const part = await fileResponse(file, request({ Range: 'bytes=10-19' }, 'HEAD'));
    expect([part.status, part.headers.get('content-range'), part.headers.get('content-length'), (await body(part)).length]).toEqual([
      206,
      'bytes 10-19/100',
      '10',
      0,
    ]);
  });

  it('an empty file is 200 with length 0; a range of it is unsatisfiable', async () => {
    const r = await fileResponse(join(dir, 'empty.mp4'), request());
    expect([r.status, r.headers.get('content-length'), (await body(r)).length]).toEqual([200, '0', 0]);
    expect((await fileResponse(join(dir, 'empty.mp4'), request({ Range: 'bytes=0-' }))).status).toBe(416);
  });

  it('a missing file or a folder is 404', async () => {
    expect((await fileResponse(join(dir, 'nope.mp4'), request())).status).toBe(404);
    expect((await fileResponse(join(dir, 'folder.mp4'), request())).status).toBe(404);
  });
});

describe('parseRange and contentTypeOf', () => {
  it('parse the three forms and leave no header alone', () => {
    expect(parseRange(null, 10)).toBeUndefined();
    expect(parseRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
  });

  it('name types by extension, case-insensitively, with a safe default', () => {
    expect(contentTypeOf('/x/POSTER.JPG')).toBe('image/jpeg');
    expect(contentTypeOf('/x/start.png')).toBe('image/png');
    expect(contentTypeOf('/x/notes')).toBe('application/octet-stream');
  });
});
