// The command line finds the library the app uses: --library, else where Settings ▸ Library moved it, else the default.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryRoot } from './context';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-cli-context-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('libraryRoot', () => {
  it('takes --library first, then the folder the app moved the library to, then <userData>/library', async () => {
    const env = { KLING_STUDIO_USER_DATA: dir };
    expect(libraryRoot(undefined, env)).toBe(join(dir, 'library'));
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ libraryPath: '/media/big/Kling Library' }));
    expect(libraryRoot(undefined, env)).toBe('/media/big/Kling Library');
    expect(libraryRoot('/tmp/other', env)).toBe('/tmp/other');
  });
});
