// Reuse: a generation's frames, masks, paths and parameters go back into the composer and the editor exactly as
// sent (proven by sending again: the new folder holds the same pixels and paths); its prompt, folder and clip reach
// the clipboard and the desktop.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { decodeGrayPng } from '../../shared/editor/png';
import { encodePng } from '../../shared/kling/test-images';
import type { GenerationRecord } from '../../shared/library/generation';
import { seedGeneration } from '../host/seed-generation';
import { EditorPage } from '../pages/editor-page';
import { PlayerPage } from '../pages/player-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'The kite climbs and loops while the grass sways';
const W = 1280;
const H = 720;
const mask = (inside: (x: number, y: number) => boolean) => encodePng({ width: W, height: H, pixel: (x, y) => [inside(x, y) ? 255 : 0] });
const STILL = mask((_x, y) => y > 600);
const KITE = mask((x, y) => (x - 300) ** 2 + (y - 200) ** 2 < 70 ** 2);
const GRASS = mask((x, y) => x > 700 && x < 1100 && y > 450 && y <= 600 && (x >> 4) % 2 === 0);
const KITE_PATH = [{ x: 300, y: 200 }, { x: 420, y: 150 }, { x: 520, y: 210 }, { x: 610, y: 120 }];
const GRASS_PATH = [{ x: 900, y: 520 }, { x: 930, y: 515 }];

const pixels = (png: Uint8Array | Buffer) => decodeGrayPng(new Uint8Array(png)).pixels;
const readRecord = async (root: string, folder: string) =>
  JSON.parse(await readFile(join(root, folder, 'generation.json'), 'utf8')) as GenerationRecord;

test('Reuse in editor holds exactly what was sent: sending it again sends the same frame, masks, paths and parameters', async ({ studio }) => {
  const { libraryRoot } = studio;
  const seeded = await seedGeneration(libraryRoot, {
    prompt: PROMPT,
    createdAt: new Date('2026-11-20T10:00:00Z'),
    startFrame: START,
    clip: SAMPLE_CLIP,
    staticMask: STILL,
    dynamicMasks: [
      { png: KITE, trajectory: KITE_PATH },
      { png: GRASS, trajectory: GRASS_PATH },
    ],
    settings: { negativePrompt: 'blurry, text', cfgScale: 0.7, mode: 'pro' },
  });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  const editor = new EditorPage(studio.page);

  await studio.ui.play(PROMPT);
  await player.button('Reuse in editor').click();
  await expect(player.dialog).toBeHidden();
  await expect(studio.ui.prompt).toHaveValue(PROMPT);
  await expect(studio.page.getByRole('textbox', { name: /^Negative prompt/ })).toHaveValue('blurry, text');
  await editor.waitForCanvas();
  await expect(editor.moving.getByRole('listitem')).toHaveCount(2);

  await studio.ui.generateButton.click();
  let again: GenerationRecord | undefined;
  await expect
    .poll(async () => {
      const folders = (await readdir(libraryRoot)).filter((f) => f !== seeded.folder && !f.startsWith('.'));
      again = folders[0] ? await readRecord(libraryRoot, folders[0]).catch(() => undefined) : undefined;
      return again?.id;
    })
    .toBeTruthy();
  const sent = again as GenerationRecord;
  const file = (record: GenerationRecord, name: string) => readFile(join(libraryRoot, record.folder, name));
  expect(sent.settings).toMatchObject({ prompt: PROMPT, negativePrompt: 'blurry, text', model: 'kling-v1', mode: 'pro', duration: '5', cfgScale: 0.7 });
  expect((await file(sent, sent.inputs.start ?? '')).equals(await readFile(START))).toBe(true);
  expect(pixels(await file(sent, sent.inputs.staticMask ?? ''))).toEqual(pixels(STILL));
  expect(sent.inputs.dynamicMasks?.map((d) => d.trajectory)).toEqual([KITE_PATH, GRASS_PATH]);
  const [kite, grass] = sent.inputs.dynamicMasks ?? [];
  expect(pixels(await file(sent, kite?.file ?? ''))).toEqual(pixels(KITE));
  expect(pixels(await file(sent, grass?.file ?? ''))).toEqual(pixels(GRASS));
});

test('Copy prompt, Reveal in folder and Save video as… reach the clipboard and the desktop', async ({ studio }) => {
  test.skip(!studio.host, 'the recording desktop exists only in the Chromium host');
  const seeded = await seedGeneration(studio.libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  // A restart brings a new page and host: take both after it.
  const host = studio.host;
  await studio.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const player = new PlayerPage(studio.page);
  await studio.ui.play(PROMPT);

  await player.button('Copy prompt').click();
  await expect(player.dialog.getByRole('status')).toHaveText('Prompt copied');
  expect(await studio.page.evaluate(() => navigator.clipboard.readText())).toBe(PROMPT);

  await player.button('Reveal in folder').click();
  await expect.poll(() => host?.desktop.revealed).toEqual([join(studio.libraryRoot, seeded.folder, 'result.mp4')]);

  const target = join(studio.libraryRoot, '..', 'saved-clip.mp4');
  if (host) host.desktop.nextSavePath = target;
  await player.button('Save video as…').click();
  await expect(player.dialog.getByRole('status')).toHaveText(`Saved to ${target}`);
  expect((await readFile(target)).equals(await readFile(SAMPLE_CLIP))).toBe(true);
});
