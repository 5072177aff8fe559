// A settings file that cannot be read never stops the app: it is moved aside, the app starts with defaults, and the
// person is told once, with where the old file went.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';

test('a damaged settings file is moved aside and reported once', async ({ studio }) => {
  test.skip(!studio.host, 'The Electron target keeps its settings in its own data folder');
  const folder = join(studio.libraryRoot, '..');
  await writeFile(join(folder, 'settings.json'), '{"profiles": [{"id": "p-1", "label": "Half writ');
  await studio.restart();

  const alert = studio.page.getByRole('alert').filter({ hasText: 'Settings were reset' });
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText('settings.unreadable-');
  expect((await readdir(folder)).filter((f) => f.startsWith('settings.unreadable-'))).toHaveLength(1);
  // The app works as new: the Sandbox is there.
  await expect(studio.ui.provider).toContainText('Sandbox');

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  await studio.restart();
  await expect(studio.ui.provider).toBeVisible();
  await expect(studio.page.getByRole('alert').filter({ hasText: 'Settings were reset' })).toHaveCount(0);
});
