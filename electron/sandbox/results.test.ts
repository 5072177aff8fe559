// Result downloads: the whole clip, Range → 206, If-Range by ETag and by date, 416, HEAD, and URLs that expire
// (by TTL or expireResultUrls) while a new query hands out a fresh one.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, CLIP_PATH, GOOD_IMAGE, T0, startHarness, type Harness } from './test-helpers';

const CLIP = readFileSync(CLIP_PATH);
const TTL = 60_000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ resultUrlTtlMs: TTL, parallelLimit: 100 });
});
afterAll(() => h.server.close());

/** Creates a task, lets it finish, and returns a fresh result URL. */
async function finishedUrl(): Promise<{ id: string; url: string }> {
  const id = (await h.call('POST', API, { body: { image: GOOD_IMAGE } })).json.data!.task_id;
  h.clock.t += 10_000;
  return { id, url: await urlOf(id) };
}

async function urlOf(id: string): Promise<string> {
  const url = (await h.call('GET', `${API}/${id}`)).json.data?.task_result?.videos[0]?.url;
  if (!url) throw new Error('no url');
  return url;
}

describe('download', () => {
  it('serves the sample clip whole, as video/mp4 with Accept-Ranges', async () => {
    const { url } = await finishedUrl();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(res.headers.get('content-length'))).toBe(CLIP.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(CLIP)).toBe(true);
  });

  it('answers Range with 206 and Content-Range, in all three range forms', async () => {
    const { url } = await finishedUrl();
    const size = CLIP.length;
    for (const [range, start, end] of [
      ['bytes=100-199', 100, 199],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ['bytes=-16', size - 16, size - 1],
      [`bytes=0-${size + 1000}`, 0, size - 1],
    ] as const) {
      const res = await fetch(url, { headers: { Range: range } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(CLIP.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers an unsatisfiable range with 416', async () => {
    const { url } = await finishedUrl();
    const res = await fetch(url, { headers: { Range: `bytes=${CLIP.length}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${CLIP.length}`);
  });

  it('honours If-Range by ETag and by Last-Modified; a mismatch gets the full 200', async () => {
    const { url } = await finishedUrl();
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(CLIP.length);
    const etag = head.headers.get('etag')!;
    const lastModified = head.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[^"]+"$/);

    const withEtag = await fetch(url, { headers: { Range: 'bytes=10-19', 'If-Range': etag } });
    expect(withEtag.status).toBe(206);
    expect((await withEtag.arrayBuffer()).byteLength).toBe(10);

    const withDate = await fetch(url, { headers: { Range: 'bytes=10-19', 'If-Range': lastModified } });
    expect(withDate.status).toBe(206);
    await withDate.arrayBuffer();

    const stale = await fetch(url, { headers: { Range: 'bytes=10-19', 'If-Range': '"some-other-version"' } });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(CLIP.length);

    const oldDate = await fetch(url, { headers: { Range: 'bytes=10-19', 'If-Range': 'Thu, 01 Jan 2015 00:00:00 GMT' } });
    expect(oldDate.status).toBe(200);
    await oldDate.arrayBuffer();
  });

  it('keeps handing out the same URL while it is valid', async () => {
    const { id, url } = await finishedUrl();
    expect(await urlOf(id)).toBe(url);
  });
});

describe('expiry', () => {
  it('expireResultUrls → 403, and a new query hands out a fresh working URL', async () => {
    const { id, url } = await finishedUrl();
    expect((await fetch(url)).status).toBe(200);
    h.server.expireResultUrls();
    const dead = await fetch(url);
    expect(dead.status).toBe(403);
    expect(await dead.text()).toMatch(/expired/);
    const fresh = await urlOf(id);
    expect(fresh).not.toBe(url);
    const res = await fetch(fresh);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(CLIP.length);
  });

  it('a URL dies after its TTL', async () => {
    const { id, url } = await finishedUrl();
    h.clock.t += TTL - 1;
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    h.clock.t += 1;
    expect((await fetch(url)).status).toBe(403);
    expect(await urlOf(id)).not.toBe(url);
  });

  it('an unknown token → 403 too; results need no Authorization', async () => {
    const res = await fetch(`${h.server.baseUrl}/results/not-a-token/video.mp4`);
    expect(res.status).toBe(403);
    expect(T0).toBeLessThan(h.clock.t); // the clock moved in this file; sanity that the fake clock drives expiry
  });
});
