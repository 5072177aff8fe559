// Compare: the clip beside its start frame and with a wipe between them; the masks and paths sent drawn over the
// playing clip; and A/B, two generations played in step side by side.
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { encodePng } from '../../shared/kling/test-images';
import { seedGeneration } from '../host/seed-generation';
import { PlayerPage } from '../pages/player-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const A = 'Variation one: clouds race over the ridge';
const B = 'Variation two: clouds drift over the ridge';
const mask = (inside: (x: number, y: number) => boolean) => encodePng({ width: 1280, height: 720, pixel: (x, y) => [inside(x, y) ? 255 : 0] });

test('compare with the start frame, the overlay of what was sent, and A/B in step', async ({ studio }) => {
  await seedGeneration(studio.libraryRoot, {
    prompt: A,
    createdAt: new Date('2026-11-20T10:00:00Z'),
    startFrame: START,
    clip: SAMPLE_CLIP,
    staticMask: mask((_x, y) => y > 600),
    dynamicMasks: [{ png: mask((x, y) => x < 400 && y < 300), trajectory: [{ x: 200, y: 150 }, { x: 900, y: 160 }] }],
  });
  await seedGeneration(studio.libraryRoot, { prompt: B, createdAt: new Date('2026-11-19T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  await studio.ui.play(A);
  await player.waitForPlaying(0.2);

  await player.compareMode('Side by side').click();
  await expect(player.dialog.getByRole('img', { name: 'Start frame', exact: true })).toBeVisible();
  await expect(player.video).toBeVisible();

  await player.compareMode('Wipe').click();
  const wiped = player.dialog.getByRole('img', { name: 'Start frame (wipe)' });
  // The start frame (1280 px wide) is cut at the slider's place, and a divider line stands there.
  const cut = wiped.locator('[data-wipe="start"]');
  const divider = wiped.locator('[data-wipe="divider"] line').last();
  await expect(cut).toHaveAttribute('width', '640');
  await expect(divider).toHaveAttribute('x1', '640');
  await player.dragSlider('Wipe', 0.8);
  await expect.poll(async () => Number(await cut.getAttribute('width'))).toBeGreaterThan(0.75 * 1280);
  expect(Number(await cut.getAttribute('width'))).toBeLessThan(0.85 * 1280);
  expect(await divider.getAttribute('x1')).toBe(await cut.getAttribute('width'));

  await player.compareMode('Clip').click();
  await player.button('Overlay').click();
  const overlay = player.dialog.getByRole('img', { name: 'Overlay: still area, 1 moving area as sent' });
  await expect(overlay).toBeVisible();
  await expect(overlay.locator('polyline')).toHaveAttribute('points', '200,150 900,160');
  await expect(overlay.locator('image')).toHaveCount(2);
  await player.waitForPlaying(0.2);
  await player.button('Overlay').click();
  await expect(overlay).toBeHidden();

  await player.compareMode('A/B').click();
  await expect(player.dialog.getByRole('combobox', { name: 'Compare with' })).toHaveValue(/.+/);
  const other = player.dialog.getByLabel(`Video B: ${B}`);
  await expect(other).toBeVisible();
  // Both play, at the same moment.
  await player.button('Pause').click();
  await player.scrubTo(0.3);
  await player.button('Play').click();
  await expect.poll(() => other.evaluate((v: HTMLVideoElement) => (v.paused ? -1 : v.currentTime))).toBeGreaterThan(1.6);
  const [a, b] = await Promise.all([player.currentTime(), other.evaluate((v: HTMLVideoElement) => v.currentTime)]);
  expect(Math.abs(a - b)).toBeLessThan(0.3);
  await player.button('Pause').click();
  await expect.poll(() => other.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
});
