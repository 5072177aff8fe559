// The built renderer served from one folder: files inside it, index.html for the root, and 404 (never a throw) for a
// path that leaves the folder or cannot be decoded.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticResponse } from './static-response';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ks-static-'));
  root = join(base, 'renderer');
  await mkdir(root);
  await writeFile(join(root, 'index.html'), '<h1>app</h1>');
  await writeFile(join(root, 'a b.js'), 'js');
  await writeFile(join(base, 'secret.txt'), 'secret');
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (pathname: string) => staticResponse(root, pathname, new Request('http://host/'), { 'X-Test': 'yes' });

describe('staticResponse', () => {
  it('serves index.html for the root and a %-encoded file name', async () => {
    const index = await get('/');
    expect([index.status, await index.text(), index.headers.get('x-test')]).toEqual([200, '<h1>app</h1>', 'yes']);
    const js = await get('/a%20b.js');
    expect([js.status, await js.text()]).toEqual([200, 'js']);
  });

  it.each(['/%E0%A4%A', '/%', '/index.html%zz'])('answers a malformed escape %j with 404 instead of throwing', async (pathname) => {
    const r = await get(pathname);
    expect(r.status).toBe(404);
  });

  it.each(['/../secret.txt', '/..%2Fsecret.txt', '/%2E%2E/secret.txt'])('refuses %j, which leaves the folder', async (pathname) => {
    const r = await get(pathname);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toBe('secret');
  });
});
