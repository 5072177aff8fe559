// Making a generation again from the player: Generate again (same inputs, a real task in the sandbox), Re-download
// a clip that went missing from its folder, Retry a failed one, and Continue from last frame (the clip's last frame
// becomes the next generation's start frame).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { readImageInfo } from '../../shared/kling/image-info';
import type { GenerationRecord } from '../../shared/library/generation';
import { seedGeneration } from '../host/seed-generation';
import { PlayerPage } from '../pages/player-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'Rain streaks down a neon-lit window';
const FAILED = 'A dancer spins on a frozen lake';

// Generation folders only: the library root also holds the index file and the app's dot-folders.
const records = async (root: string) =>
  Promise.all(
    (await readdir(root, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map(async (e) => JSON.parse(await readFile(join(root, e.name, 'generation.json'), 'utf8')) as GenerationRecord),
  );

test('Generate again makes a new clip from the same inputs, and Re-download brings back a clip gone from its folder', async ({ studio }) => {
  const { libraryRoot, sandbox } = studio;
  const seeded = await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date(Date.now() - 3600_000), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  await studio.ui.play(PROMPT);

  await player.button('Generate again').click();
  await expect(player.dialog.getByRole('status')).toHaveText(/Sent again/);
  const creates = () => sandbox.received.filter((r) => r.method === 'POST');
  await expect.poll(() => creates().length).toBe(1);
  expect((creates()[0]?.body as Record<string, unknown>).prompt).toBe(PROMPT);
  await player.close();
  const made = async () => (await records(libraryRoot)).find((r) => r.id !== seeded.id);
  await expect.poll(async () => (await made())?.status, { timeout: 30_000 }).toBe('succeed');
  const again = (await made()) as GenerationRecord;
  expect((await readFile(join(libraryRoot, again.folder, 'start.jpg'))).equals(await readFile(START))).toBe(true);

  // Its clip disappears from the folder; the player offers to download it again while Kling keeps it.
  await rm(join(libraryRoot, again.folder, 'result.mp4'));
  await studio.ui.card(PROMPT).first().getByRole('button', { name: /^Play/ }).click();
  await expect(player.title).toHaveText(PROMPT);
  await expect(player.dialog.getByText('The clip is missing from the library folder.')).toBeVisible();
  await player.button('Re-download').click();
  await player.waitForPlaying(0.2);
  expect((await readFile(join(libraryRoot, again.folder, 'result.mp4'))).equals(await readFile(SAMPLE_CLIP))).toBe(true);
});

test('a failed generation is retried with the same inputs', async ({ studio }) => {
  const { libraryRoot, sandbox } = studio;
  await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await seedGeneration(libraryRoot, { prompt: FAILED, createdAt: new Date('2026-11-19T10:00:00Z'), startFrame: START, status: 'failed' });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  await studio.ui.play(PROMPT);
  await player.press('ArrowRight');
  await expect(player.title).toHaveText(FAILED);
  await expect(player.fact('Reason')).toContainText('seeded failure');
  await player.button('Retry').click();
  await expect.poll(() => sandbox.received.filter((r) => r.method === 'POST').length).toBe(1);
  expect((sandbox.received.find((r) => r.method === 'POST')?.body as Record<string, unknown>).prompt).toBe(FAILED);
  await expect.poll(async () => (await records(libraryRoot)).length).toBe(3);
});

test('Continue from last frame makes the clip’s last frame the start frame of a new generation', async ({ studio }) => {
  const { libraryRoot, sandbox } = studio;
  await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart(); // the library index is read when the services start
  await studio.ui.waitUntilReady();
  const player = new PlayerPage(studio.page);
  await studio.ui.play(PROMPT);
  await player.button('Continue from last frame').click();
  await expect(player.dialog).toBeHidden();
  // The sample clip is 640 × 360: its frame, not the 1280 × 720 photo, is the start frame now.
  await expect(studio.ui.startFrame).toBeVisible();
  await expect(studio.page.getByText('640 × 360')).toBeVisible();
  await expect(studio.ui.prompt).toHaveValue(PROMPT);

  await studio.ui.generateButton.click();
  await expect.poll(() => sandbox.received.filter((r) => r.method === 'POST').length).toBe(1);
  const made = (await records(libraryRoot)).find((r) => r.inputs.start?.endsWith('.png'));
  expect(made).toBeDefined();
  const png = await readFile(join(libraryRoot, made?.folder ?? '', made?.inputs.start ?? ''));
  expect(readImageInfo(new Uint8Array(png))).toMatchObject({ format: 'png', width: 640, height: 360 });
});
