// One instance: launching Kling Studio again (e.g. "Open with Kling Studio" on a photo) focuses the window that is
// already open, and the photo becomes the start frame, through the same checks as a dropped file.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { SettingsDialog } from '../pages/settings-dialog';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

test('a second launch with a photo focuses the window and opens the photo as the start frame', async ({ studio }) => {
  test.skip(!studio.host, 'The second launch is played through the Chromium host’s services');
  const host = studio.host!;
  const { page, ui } = studio;
  await new SettingsDialog(page).open();
  host.window.focused = false;
  const before = host.window.focusRequests;

  await host.services.launch.secondLaunch(['/opt/kling-studio/kling-studio', 'start-1280x720.jpg'], FIXTURES);
  expect(host.window.focusRequests).toBe(before + 1);
  await expect(ui.startFrame).toHaveAccessibleName(/start-1280x720\.jpg/);
  await expect(ui.prompt).toBeVisible();

  // A second launch without a file only brings the window forward.
  await host.services.launch.secondLaunch(['/opt/kling-studio/kling-studio'], FIXTURES);
  expect(host.window.focusRequests).toBe(before + 2);
  await expect(ui.startFrame).toHaveAccessibleName(/start-1280x720\.jpg/);
});

test('a file that is not an image, given to a launch, is not opened', async ({ studio }) => {
  test.skip(!studio.host, 'The second launch is played through the Chromium host’s services');
  await studio.host!.services.launch.secondLaunch(['kling-studio', 'notes.pdf'], FIXTURES);
  await studio.host!.services.launch.secondLaunch(['kling-studio', 'missing.png'], FIXTURES);
  await expect.poll(() => studio.host!.logs.some((l) => l.includes('missing.png'))).toBe(true);
  await expect(studio.ui.startFrame).toBeHidden();
});
