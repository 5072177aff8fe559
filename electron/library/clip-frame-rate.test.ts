// Frame rates read from real clips: the sandbox's sample (24 fps, `moov` before the media) and a 30 fps one, also
// with its `moov` moved after the media as some encoders write it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mp4FrameRate, readBoxes } from '../../shared/media/mp4-frame-rate';
import { clipFrameRate } from './clip-frame-rate';

const repo = join(import.meta.dirname, '..', '..');
const SAMPLE = join(repo, 'assets', 'sample-clip.mp4');
const THIRTY = join(repo, 'e2e', 'fixtures', 'clip-30fps.mp4');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-fps-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('clip frame rate', () => {
  it('reads 24 fps from the sample clip and 30 fps from another', async () => {
    expect(await clipFrameRate(SAMPLE)).toBe(24);
    expect(await clipFrameRate(THIRTY)).toBe(30);
    expect(mp4FrameRate(new Uint8Array(await readFile(SAMPLE)))).toBe(24);
  });

  it('finds the moov box after the media data', async () => {
    const bytes = new Uint8Array(await readFile(THIRTY));
    const boxes = readBoxes(bytes);
    const moov = boxes.find((b) => b.type === 'moov')!;
    const whole = (b: (typeof boxes)[number]) => bytes.subarray(b.start - 8, b.end);
    const reordered = Buffer.concat([...boxes.filter((b) => b.type !== 'moov').map(whole), whole(moov)]);
    const path = join(dir, 'late-moov.mp4');
    await writeFile(path, reordered);
    expect(await clipFrameRate(path)).toBe(30);
  });

  it('says nothing for a missing, empty or damaged file', async () => {
    expect(await clipFrameRate(join(dir, 'nope.mp4'))).toBeUndefined();
    await writeFile(join(dir, 'empty.mp4'), '');
    expect(await clipFrameRate(join(dir, 'empty.mp4'))).toBeUndefined();
    const cut = (await readFile(SAMPLE)).subarray(0, 200);
    await writeFile(join(dir, 'cut.mp4'), cut);
    expect(await clipFrameRate(join(dir, 'cut.mp4'))).toBeUndefined();
    expect(mp4FrameRate(new Uint8Array([0, 0, 0, 4, 1, 2, 3]))).toBeUndefined();
  });
});
