// The command line finds the library the app uses: --library, else where Settings ▸ Library moved it, else the default.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
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
  const io = () => {
    const said: string[] = [];
    return { env: { KLING_STUDIO_USER_DATA: dir }, stderr: { write: (text: string) => void said.push(text) }, said };
  };

  it('takes --library first, then the folder the app moved the library to, then <userData>/library', async () => {
    const cli = io();
    expect(libraryRoot(undefined, cli)).toBe(join(dir, 'library'));
    const moved = join(dir, 'big', 'Kling Library');
    await mkdir(moved, { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ libraryPath: moved }));
    expect(libraryRoot(undefined, cli)).toBe(moved);
    expect(libraryRoot('/tmp/other', cli)).toBe('/tmp/other');
    expect(cli.said).toEqual([]);
  });

  it('uses the default library, with a warning, when the folder the library was moved to is missing (its drive unplugged)', async () => {
    const cli = io();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ libraryPath: '/media/unplugged/Kling Library' }));
    expect(libraryRoot(undefined, cli)).toBe(join(dir, 'library'));
    expect(cli.said.join('')).toMatch(/^warning: the library folder \/media\/unplugged\/Kling Library cannot be found .*using the default library/);
    expect(libraryRoot('/tmp/other', cli)).toBe('/tmp/other');
  });

  it('uses the default library, naming the error, when the moved folder cannot be read (a dead drive or share answers EIO, ESTALE…)', async () => {
    const cli = io();
    // A link to itself: looking at it fails with ELOOP, an error other than "not found", as a dead drive's EIO is.
    const broken = join(dir, 'loop');
    await symlink(broken, broken);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ libraryPath: broken }));
    expect(libraryRoot(undefined, cli)).toBe(join(dir, 'library'));
    expect(cli.said.join('')).toContain(`warning: the library folder ${broken} cannot be used (reading it failed: ELOOP; is its drive connected?); using the default library`);
  });
});
