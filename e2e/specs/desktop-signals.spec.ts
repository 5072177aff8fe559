// What the desktop says about generations while the person looks elsewhere: a notification when one finishes (a
// click shows it in the Library's player), the number in flight on the app icon, the taskbar bar while the clip
// downloads; each can be turned off in Settings. Through the Chromium host's window stand-in (Electron's own
// notification, badge and progress bar cannot be observed from a test).
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';
import { SettingsDialog } from '../pages/settings-dialog';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test.use({ sandboxTiming: { submittedMs: 600, processingMs: 600 } });

test('a generation finishing in the background is notified, counted on the icon, and opens from the notification', async ({ studio }) => {
  const { ui, host } = studio;
  test.skip(!host, 'the Chromium host’s window stand-in records notifications; Electron’s cannot be observed');
  if (!host) return;
  const prompt = 'A lighthouse blinking in the fog';
  host.window.focused = false; // the person went to another app
  await ui.openStartFrame(START);
  await ui.prompt.fill(prompt);
  await ui.generateButton.click();

  await expect.poll(() => host.window.badgeCounts).toContain(1);
  await expect.poll(() => host.window.notifications.map((n) => `${n.title}: ${n.body}`)).toEqual([`Video ready: ${prompt}`]);
  expect(host.window.badgeCount).toBe(0);
  // The clip's bytes were shown on the taskbar, and the bar went away when it was in.
  expect(host.window.progressValues.some((v) => v !== undefined && v > 0)).toBe(true);
  expect(host.window.progress).toBeUndefined();

  host.window.notifications[0]?.click();
  expect(host.window.focused).toBe(true);
  await expect(new LibraryPage(ui.page).tab('Library')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.player).toBeVisible();
  await expect(ui.player).toContainText(prompt);
});

test('with notifications, the badge and the bar turned off in Settings, the desktop stays quiet', async ({ studio }) => {
  const { ui, host } = studio;
  test.skip(!host, 'the Chromium host’s window stand-in records notifications; Electron’s cannot be observed');
  if (!host) return;
  const settings = new SettingsDialog(ui.page);
  await settings.open();
  const section = settings.section('Notifications');
  await section.getByRole('checkbox', { name: /Notify me when a generation finishes/ }).uncheck();
  await section.getByRole('checkbox', { name: /number of generations in progress/ }).uncheck();
  await section.getByRole('checkbox', { name: /download progress/ }).uncheck();
  await expect.poll(() => host.services.settings.preferences().notifications).toEqual({ finished: false, badge: false, progress: false });
  await settings.close();

  host.window.focused = false;
  await ui.openStartFrame(START);
  await ui.prompt.fill('Quiet rain on a window');
  await ui.generateButton.click();
  await expect(ui.cardStatus('Quiet rain on a window')).toHaveText('Ready');
  expect(host.window.badgeCounts.filter((c) => c > 0)).toHaveLength(0);
  expect(host.window.progressValues.filter((v) => v !== undefined)).toHaveLength(0);

  // Notifications are gathered for a moment before they are told, so "none yet" proves nothing: turn them on, make
  // another, and the one notification that comes is about that one only.
  await settings.open();
  await settings.section('Notifications').getByRole('checkbox', { name: /Notify me when a generation finishes/ }).check();
  await expect.poll(() => host.services.settings.preferences().notifications.finished).toBe(true);
  await settings.close();
  await ui.prompt.fill('Loud thunder over the sea');
  await ui.generateButton.click();
  await expect(ui.cardStatus('Loud thunder over the sea')).toHaveText('Ready');
  await expect.poll(() => host.window.notifications.length).toBe(1);
  expect(host.window.notifications[0]).toMatchObject({ title: 'Video ready', body: 'Loud thunder over the sea' });
});
