// Media reach the renderer only from inside generation folders: URLs built by mediaUrlWith resolve back to the file,
// and no spelling of a path (encoded slashes, dot segments, absolute paths, bad escapes) reaches anything else.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
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

describe('symbolic links', () => {
  // Real links in a real library: a planted link must not serve what it points at, whatever its name.
  let outside: string;
  beforeAll(async () => {
    outside = join(base, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'start.png'), 'secret');
    await writeFile(join(outside, 'generation.json'), '{}');
  });

  it('refuses a servable name that links to a file outside the library', async () => {
    const folder = join(library.root, 'planted-file');
    await mkdir(folder);
    await symlink(join(base, 'secret.txt'), join(folder, 'poster.jpg'));
    await symlink(join(outside, 'start.png'), join(folder, 'start.png'));
    for (const name of ['poster.jpg', 'start.png']) {
      const r = await get(`planted-file/${name}`);
      expect(r.status, name).toBe(404);
      expect(await r.text()).toBe('Not found');
    }
  });

  it('refuses a generation folder that is itself a link out of the library', async () => {
    await symlink(outside, join(library.root, 'planted-folder'), 'dir');
    expect((await get('planted-folder/start.png')).status).toBe(404);
  });

  it('refuses a relative link that climbs out, and a link to a link that does', async () => {
    const folder = join(library.root, 'planted-relative');
    await mkdir(folder);
    await symlink('../../secret.txt', join(folder, 'end.png'));
    await symlink(join(folder, 'end.png'), join(folder, 'end.jpg'));
    expect((await get('planted-relative/end.png')).status).toBe(404);
    expect((await get('planted-relative/end.jpg')).status).toBe(404);
  });

  it('refuses a dangling link', async () => {
    const folder = join(library.root, 'planted-dangling');
    await mkdir(folder);
    await symlink(join(base, 'nothing-here.png'), join(folder, 'start.png'));
    expect((await get('planted-dangling/start.png')).status).toBe(404);
  });

  it('still serves a link that stays inside the library, and a library reached through a link', async () => {
    const folder = join(library.root, 'linked-inside');
    await mkdir(folder);
    await symlink(join(library.folderPath(record), 'start.png'), join(folder, 'start.png'));
    expect((await get('linked-inside/start.png')).status).toBe(200);

    const alias = join(base, 'library-alias');
    await symlink(library.root, alias, 'dir');
    const throughLink = new Library({ root: alias });
    const r = await mediaResponse(throughLink, `${record.folder}/start.png`, new Request('http://host/'));
    expect(r.status).toBe(200);
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
