// One instance and "Open with": the image path among a launch's arguments becomes the start frame, once the window
// listens; a second launch focuses the window first. Real files in a temp folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLaunchFiles, imagePathFrom, type OpenedFile } from './launch-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desktop-launch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function harness() {
  const delivered: OpenedFile[] = [];
  const logs: string[] = [];
  let focused = 0;
  const launch = createLaunchFiles({ deliver: (f) => void delivered.push(f), focus: () => void (focused += 1), log: (m) => void logs.push(m) });
  return { launch, delivered, logs, focused: () => focused };
}

describe('imagePathFrom', () => {
  it('takes the last image argument, resolved against the launch’s own folder', () => {
    expect(imagePathFrom(['/opt/Kling Studio/kling-studio', 'photo.JPG'], '/home/ana/Pictures')).toBe('/home/ana/Pictures/photo.JPG');
    expect(imagePathFrom(['electron', '.', '--inspect=0', '/tmp/a.png', 'b.webp'], '/w')).toBe('/w/b.webp');
  });
  it('ignores the executable, switches, folders and files that are no image', () => {
    expect(imagePathFrom(['/tmp/x.png'], '/w')).toBeUndefined();
    expect(imagePathFrom(['app', '--open=/tmp/x.png', '.', 'notes.pdf', 'clip.mp4'], '/w')).toBeUndefined();
  });
});

describe('createLaunchFiles', () => {
  it('holds the first launch’s image until the window is ready, then hands it over once', async () => {
    const h = harness();
    await writeFile(join(dir, 'start.png'), new Uint8Array([1, 2, 3]));
    await h.launch.firstLaunch(['app', 'start.png'], dir);
    expect(h.delivered).toEqual([]);
    h.launch.windowReady();
    expect(h.delivered.map((f) => [f.fileName, [...f.bytes]])).toEqual([['start.png', [1, 2, 3]]]);
    h.launch.windowReady();
    expect(h.delivered).toHaveLength(1);
  });

  it('a second launch focuses the window, and its image goes straight in', async () => {
    const h = harness();
    h.launch.windowReady();
    await h.launch.secondLaunch(['app'], dir);
    expect(h.focused()).toBe(1);
    expect(h.delivered).toEqual([]);
    await writeFile(join(dir, 'later.jpg'), new Uint8Array([9]));
    await h.launch.secondLaunch(['app', join(dir, 'later.jpg')], '/elsewhere');
    expect(h.focused()).toBe(2);
    expect(h.delivered.map((f) => f.fileName)).toEqual(['later.jpg']);
  });

  it('a missing file, a folder named like an image or a relative macOS path is logged, never delivered', async () => {
    const h = harness();
    h.launch.windowReady();
    await mkdir(join(dir, 'album.png'));
    await h.launch.secondLaunch(['app', 'gone.png'], dir);
    await h.launch.secondLaunch(['app', 'album.png'], dir);
    await h.launch.openPath('relative.png');
    expect(h.delivered).toEqual([]);
    expect(h.logs.join('\n')).toMatch(/ENOENT.*gone\.png/);
    expect(h.logs.join('\n')).toMatch(/not a file.*album\.png/);
  });

  it('a file too big to be a photo is not read', async () => {
    const delivered: OpenedFile[] = [];
    let reads = 0;
    const launch = createLaunchFiles({
      deliver: (f) => void delivered.push(f),
      focus: () => undefined,
      stat: async () => ({ isFile: () => true, size: 65 * 1024 * 1024 }),
      readFile: async () => {
        reads += 1;
        return new Uint8Array();
      },
    });
    launch.windowReady();
    await launch.openPath('/big.png');
    expect({ reads, delivered }).toEqual({ reads: 0, delivered: [] });
  });
});
