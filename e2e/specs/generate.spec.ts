import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { decodeBase64 } from '../../shared/kling/base64';
import type { GenerationRecord } from '../../shared/library/generation';
import { EditorPage } from '../pages/editor-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'Waves roll in slowly under a warm evening sky';

// Slow enough that each state of the task is visible for a couple of polls.
test.use({ sandboxTiming: { submittedMs: 1500, processingMs: 1500 } });

test('a photo and a prompt become a clip in the library that plays', async ({ studio }) => {
  const { ui, sandbox, libraryRoot } = studio;
  await expect(ui.provider).toContainText('Sandbox');
  await expect(ui.page.getByText('No generations yet')).toBeVisible();
  await ui.expectGenerateOff();

  await ui.openStartFrame(START);
  await expect(ui.startFrame).toBeVisible();
  await expect(ui.page.getByText('1280 × 720')).toBeVisible();
  await ui.prompt.fill(PROMPT);
  const editor = new EditorPage(ui.page);
  await editor.waitForCanvas();
  const canvasBefore = await editor.canvas.boundingBox();
  await ui.generateButton.click();

  // The card appears at once, and follows the task through its states; the Recent strip keeps one height all the
  // while, so the canvas above it never re-fits under a person's brush.
  await expect(ui.card(PROMPT)).toBeVisible();
  await expect(ui.cardStatus(PROMPT)).toHaveText('Submitted');
  expect(await editor.canvas.boundingBox()).toEqual(canvasBefore);
  await expect(ui.cardStatus(PROMPT)).toHaveText('Processing');
  await expect(ui.cardStatus(PROMPT)).toHaveText('Ready');
  expect(await editor.canvas.boundingBox()).toEqual(canvasBefore);

  // What the sandbox received is what the contract demands.
  const creates = sandbox.received.filter((r) => r.method === 'POST');
  expect(creates).toHaveLength(1);
  const body = creates[0]?.body as Record<string, unknown>;
  expect(body.model_name).toBe('kling-v1');
  expect(body).not.toHaveProperty('model');
  expect(body.duration).toBe('5');
  expect(body.mode).toBe('std');
  expect(body.prompt).toBe(PROMPT);
  expect(typeof body.image).toBe('string');
  expect(body.image as string).not.toMatch(/^data:/);
  expect(Buffer.from(decodeBase64(body.image as string)).equals(await readFile(START))).toBe(true);

  // The library folder holds the record (with the same external id), the input and the downloaded clip.
  const [folder] = await readdir(libraryRoot);
  expect(folder).toBeDefined();
  const record = JSON.parse(await readFile(join(libraryRoot, folder ?? '', 'generation.json'), 'utf8')) as GenerationRecord;
  expect(record.status).toBe('succeed');
  expect(body.external_task_id).toBe(record.externalTaskId);
  expect((await readFile(join(libraryRoot, folder ?? '', 'result.mp4'))).equals(await readFile(SAMPLE_CLIP))).toBe(true);

  // A poster is captured from the clip, and the card shows it.
  await expect(ui.card(PROMPT).getByRole('button', { name: /^Play/ }).locator('canvas')).toHaveAttribute('data-src', /poster\.jpg/);

  await ui.play(PROMPT);
  await expect.poll(() => ui.video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await ui.page.keyboard.press('Escape');
  await expect(ui.player).toBeHidden();
});

test('the gallery is the same after quitting and starting again', async ({ studio }) => {
  await studio.ui.openStartFrame(START);
  await studio.ui.prompt.fill(PROMPT);
  await studio.page.keyboard.press('Control+Enter');
  await expect(studio.ui.cardStatus(PROMPT)).toHaveText('Ready', { timeout: 20_000 });

  await studio.restart();
  await expect(studio.ui.cardStatus(PROMPT)).toHaveText('Ready');
  await studio.ui.play(PROMPT);
  await expect.poll(() => studio.ui.video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
});

test('a generation interrupted by quitting is finished at the next start', async ({ studio }) => {
  await studio.ui.openStartFrame(START);
  await studio.ui.prompt.fill(PROMPT);
  await studio.ui.generateButton.click();
  await expect(studio.ui.cardStatus(PROMPT)).toHaveText('Submitted');

  await studio.restart();
  await expect(studio.ui.cardStatus(PROMPT)).toHaveText('Ready', { timeout: 20_000 });
  expect(studio.sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(1);
});
