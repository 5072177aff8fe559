import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const START = join(fixtures, 'start-1280x720.jpg');

test('files that break a rule are refused with a message naming it, and nothing is lost', async ({ studio }, testInfo) => {
  const { ui } = studio;
  await ui.openStartFrame(START);
  await ui.prompt.fill('Keep me');

  await ui.dropFile(join(fixtures, 'notes.pdf'), 'application/pdf');
  await expect(ui.alerts).toContainText('must be JPG or PNG');
  await expect(ui.alerts).toContainText('PDF');

  await ui.openStartFrame(join(fixtures, 'tiny-200x150.png'));
  await expect(ui.alerts).toContainText('at least 300 px');
  await expect(ui.alerts).toContainText('200 × 150');

  await ui.openStartFrame(join(fixtures, 'panorama-1600x400.jpg'));
  await expect(ui.alerts).toContainText('between 1:2.5 and 2.5:1');

  // A 12 MB file: a real JPEG header followed by padding is enough for the size rule to speak first.
  const big = testInfo.outputPath('huge.jpg');
  const padding = Buffer.alloc(12 * 1024 * 1024, 0);
  (await readFile(START)).copy(padding);
  await writeFile(big, padding);
  await ui.openStartFrame(big);
  await expect(ui.alerts).toContainText('at most 10 MB');
  await expect(ui.alerts).toContainText('12 MB');

  // The good frame and the prompt are still there; the message can be dismissed.
  await expect(ui.startFrame).toHaveAccessibleName('Start frame: start-1280x720.jpg');
  await expect(ui.prompt).toHaveValue('Keep me');
  await ui.page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(ui.alerts).toHaveCount(0);
  await expect(ui.generateButton).toBeEnabled();
});

test('a prompt over the limit is named before sending and nothing can be sent', async ({ studio }) => {
  const { ui, sandbox } = studio;
  await ui.openStartFrame(START);
  await ui.prompt.fill('a'.repeat(2501));
  await expect(ui.page.getByText('2501 / 2500')).toBeVisible();
  await ui.expectGenerateOff();
  await expect(ui.generateButton).toHaveAccessibleDescription('Fix first: The prompt must be at most 2500 characters; it has 2501.');
  await ui.page.keyboard.press('Control+Enter');
  await expect(ui.prompt).toHaveValue('a'.repeat(2501));
  // A send is asynchronous, so "nothing received yet" would prove nothing: fix the prompt and send, and exactly that
  // one request arrives, with the fixed prompt.
  await ui.prompt.press('Backspace');
  await expect(ui.generateButton).toBeEnabled();
  await ui.page.keyboard.press('Control+Enter');
  const creates = () => sandbox.received.filter((r) => r.method === 'POST');
  await expect.poll(() => creates().length).toBe(1);
  expect(creates().map((r) => ((r.body as { prompt?: string }).prompt ?? '').length)).toEqual([2500]);
  await expect(ui.page.getByText('No generations yet')).toBeHidden();
});
