// The player: play, pause, frame steps, speed, loop, ← → between generations, and the details of what was sent
// (request.json, or what an old record holds).
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { seedGeneration } from '../host/seed-generation';
import { LibraryPage } from '../pages/library-page';
import { PlayerPage } from '../pages/player-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const NEWER = 'A lighthouse beam sweeps across the fog';
const OLDER = 'Leaves drift down onto a quiet pond';

test('a clip plays, pauses, steps frame by frame, changes speed and moves to the next generation', async ({ studio }) => {
  await seedGeneration(studio.libraryRoot, {
    prompt: NEWER,
    createdAt: new Date('2026-11-20T10:00:00Z'),
    startFrame: START,
    clip: SAMPLE_CLIP,
    requestBody: { model_name: 'kling-v1', mode: 'std', duration: '5', prompt: NEWER, image: 'start.jpg', external_task_id: 'ks-x' },
  });
  // An old record: made before request bodies were kept.
  await seedGeneration(studio.libraryRoot, { prompt: OLDER, createdAt: new Date('2026-11-19T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);

  await studio.ui.play(NEWER);
  await expect(player.title).toHaveText(NEWER);
  await player.waitForPlaying();

  // Space pauses; the position then stays put.
  await player.press('Space');
  await expect.poll(() => player.paused()).toBe(true);
  await expect(player.button('Play')).toBeVisible();
  // `.` and `,` move exactly one frame (24 per second).
  await player.position.evaluate((el: HTMLInputElement) => el.blur());
  const before = await player.currentTime();
  const frameOf = (t: number) => Math.floor(t * 24 + 1e-6);
  await player.press('.');
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(frameOf(before) + 1);
  await player.press('.');
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(frameOf(before) + 2);
  await player.press(',');
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(frameOf(before) + 1);
  await player.button('Next frame').click();
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(frameOf(before) + 2);

  // Scrubbing moves the clip; Play from the button goes on from there.
  await player.scrubTo(0.4);
  await expect.poll(() => player.currentTime()).toBeGreaterThan(1.6);
  expect(await player.currentTime()).toBeLessThan(2.4);
  await player.speed.selectOption('2');
  await expect.poll(() => player.video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(2);
  await player.button('Loop').click();
  await expect(player.button('Loop')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => player.video.evaluate((v: HTMLVideoElement) => v.loop)).toBe(false);
  await player.button('Play').click();
  await expect.poll(() => player.currentTime()).toBeGreaterThan(2.5);

  // Details: the parameters, the task's ids and the body as sent.
  await expect(player.fact('Task id')).toContainText('task-');
  await expect(player.fact('External id')).toContainText('ks-seed-');
  await expect(player.fact('Profile')).toContainText('Sandbox');
  await expect(player.fact('Credits')).toHaveText('1');
  await player.details.getByText('Request body as sent').click();
  await expect(player.details.getByLabel('Request body')).toContainText('"model_name": "kling-v1"');

  // → goes to the next (older) generation without closing; an old record says it has no request body.
  await player.dialog.focus();
  await player.press('ArrowRight');
  await expect(player.title).toHaveText(OLDER);
  await player.waitForPlaying(0.2);
  await expect(player.button('Next generation')).toBeDisabled();
  await player.details.getByText('Request body as sent').click();
  await expect(player.details.getByRole('note')).toContainText('made before request bodies were kept');
  await expect(player.fact('Model')).toHaveText('kling-v1');
  await player.press('ArrowLeft');
  await expect(player.title).toHaveText(NEWER);
  await player.close();
});

test('← → follow the grid as it is filtered and sorted, not the whole library', async ({ studio }) => {
  const seed = (prompt: string, day: number, model: string) =>
    seedGeneration(studio.libraryRoot, { prompt, createdAt: new Date(Date.UTC(2026, 10, day, 10)), startFrame: START, clip: SAMPLE_CLIP, settings: { model } });
  await seed('Newest on kling-v1-6', 20, 'kling-v1-6');
  await seed('Between, on kling-v1', 19, 'kling-v1');
  await seed('Older on kling-v1-6', 18, 'kling-v1-6');
  await seed('Oldest on kling-v1-6', 17, 'kling-v1-6');
  await studio.restart();
  const library = new LibraryPage(studio.page);
  const player = new PlayerPage(studio.page);
  await library.open();
  await library.filter('Model').selectOption('kling-v1-6');
  await library.expectCount('3 of 4 generations match');

  await library.card('Newest on kling-v1-6').click();
  await expect(player.title).toHaveText('Newest on kling-v1-6');
  await expect(player.button('Previous generation')).toBeDisabled();
  await player.press('ArrowRight');
  await expect(player.title).toHaveText('Older on kling-v1-6'); // the one on kling-v1 between them is filtered out
  await player.press('ArrowRight');
  await expect(player.title).toHaveText('Oldest on kling-v1-6');
  await expect(player.button('Next generation')).toBeDisabled();
  // → at the last one stays there, which the ← after it shows: from the last, ← lands on the one before it. Had →
  // moved the player (round to the first, to one the filter hides) or closed it, ← would land elsewhere or nowhere.
  await player.press('ArrowRight');
  await player.press('ArrowLeft');
  await expect(player.title).toHaveText('Older on kling-v1-6');
  await expect(player.button('Next generation')).toBeEnabled();
  await player.close();

  await library.filter('Sort').selectOption('Oldest first');
  await library.card('Oldest on kling-v1-6').click();
  await expect(player.button('Previous generation')).toBeDisabled();
  await player.press('ArrowRight');
  await expect(player.title).toHaveText('Older on kling-v1-6');
  await player.press('ArrowLeft');
  await expect(player.title).toHaveText('Oldest on kling-v1-6');
  await player.close();
});

test('frame steps follow the clip’s own frame rate, read from its file (30 fps here)', async ({ studio }) => {
  const prompt = 'A metronome ticks thirty times a second';
  const clip = join(import.meta.dirname, '..', 'fixtures', 'clip-30fps.mp4');
  await seedGeneration(studio.libraryRoot, { prompt, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip });
  await studio.restart();
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  await studio.ui.play(prompt);
  await player.waitForPlaying(0.2);
  await player.press('Space');
  await expect.poll(() => player.paused()).toBe(true);
  await player.scrubTo(0.1); // near the start of this 2 s clip: twelve frames on are still inside it
  await player.position.evaluate((el: HTMLInputElement) => el.blur());
  const frameOf = (t: number) => Math.floor(t * 30 + 1e-6);
  const before = frameOf(await player.currentTime());
  for (let i = 0; i < 12; i++) await player.press('.');
  // Twelve steps of 1/24 s would be at least 13 frames of this clip.
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(before + 12);
  await player.button('Previous frame').click();
  await expect.poll(async () => frameOf(await player.currentTime())).toBe(before + 11);
});
