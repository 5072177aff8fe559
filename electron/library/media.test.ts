// Media reach the renderer only from inside generation folders: URLs built by mediaUrlWith resolve back to the file,
// and no spelling of a path (encoded slashes, dot segments, absolute paths, bad escapes) reaches anything else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../shared/kling/test-images';
import type { GenerationRecord } from '../../shared/library/generation';
import { Library } from './library';
import { mediaResponse, mediaUrlWith, toView } from './media';

const PREFIX = 'media://library/';
const START = encodePng({ width: 320, height: 320 });
let base: string;
let library: Library;
let record: GenerationRecord;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ks-media-'));
  library = new Library({ root: join(base, 'library') });
  record = await library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: '', negativePrompt: '' },
    files: [{ name: 'start.png', bytes: START }],
    inputs: { start: 'start.png' },
  });
  // Things beside the library that must stay out of reach.
  await writeFile(join(base, 'secret.txt'), 'secret');
  await mkdir(join(base, 'library', '.hidden'));
  await writeFile(join(base, 'library', '.hidden', 'x.png'), 'hidden');
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => mediaResponse(library, path, new Request('http://host/', { headers }));

describe('mediaResponse', () => {
  it('serves a file named by a URL from mediaUrlWith, with CORS and Range', async () => {
    const url = mediaUrlWith(PREFIX)(record.folder, 'start.png', 'v1');
    const path = new URL(url).pathname; // what a protocol handler passes on
    const whole = await get(path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(START);
    const part = await get(`${record.folder}/start.png`, { Range: 'bytes=0-7' });
    expect([part.status, part.headers.get('content-range')]).toEqual([206, `bytes 0-7/${START.length}`]);
  });

  it.each([
    '..%2Fsecret.txt',
    '..%2F..%2Fsecret.txt',
    '%2E%2E/secret.txt',
    '../secret.txt',
    'x/..%2F..%2Fsecret.txt',
    '%2Fetc%2Fpasswd',
    '/etc/passwd',
    '//etc/passwd',
    `%2E%2E/${encodeURIComponent('library')}/%2E%2E%2Fsecret.txt`,
    '.hidden/x.png',
    'x/start.png/extra',
    '',
    '%E0%A4%A', // a malformed escape
    '%/start.png',
  ])('refuses %j with 404', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toBe('secret');
  });
});

describe('only the media a renderer needs', () => {
  const servable = ['start.png', 'start.jpg', 'end.png', 'end.jpg', 'result.mp4', 'poster.jpg', 'static_mask.png', 'dynamic_mask_1.png', 'dynamic_mask_6.png'];
  const kept = ['generation.json', 'generation.json.tmp-1a2b3c4d', 'start.png.tmp-1a2b3c4d', 'result.mp4.part', 'notes.txt', 'dynamic_mask_7.png', 'dynamic_mask_0.png', 'start.gif'];
  beforeAll(async () => {
    const dir = library.folderPath(record);
    for (const name of [...servable, ...kept]) if (name !== 'start.png') await writeFile(join(dir, name), name);
  });

  it.each(servable)('serves %s', async (name) => {
    expect((await get(`${record.folder}/${name}`)).status).toBe(200);
  });

  it.each(kept)('refuses %s with 404 although it exists in the folder', async (name) => {
    const r = await get(`${record.folder}/${encodeURIComponent(name)}`);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('Not found');
  });
});

describe('absolute paths', () => {
  it('refuses the absolute path of a real file outside the library, encoded or not', async () => {
    const secret = join(base, 'secret.txt');
    for (const path of [secret, encodeURIComponent(secret), `${encodeURIComponent(base)}/secret.txt`]) {
      expect((await get(path)).status).toBe(404);
    }
  });
});

describe('toView', () => {
  const url = mediaUrlWith(PREFIX);
  it('offers the result only once the generation succeeded', () => {
    const running = toView({ ...record, status: 'downloading', result: { file: 'result.mp4', bytes: 0 } }, url);
    expect(running.media).toEqual({ start: url(record.folder, 'start.png') });
    const done = toView({ ...record, status: 'succeed', result: { file: 'result.mp4', bytes: 42, poster: 'poster.jpg' } }, url);
    expect(done.media.result).toBe(url(record.folder, 'result.mp4', '42'));
    expect(done.media.poster).toBe(url(record.folder, 'poster.jpg', record.updatedAt));
  });
});
