// A key typed into Settings reaches Kling and nothing else: not the window (its DOM, fields, storage, globals, or any
// string in its JavaScript heap), not the logs, not a file of the library or the settings (where it is stored
// encrypted). The window knows only that a key is set and its last four characters. Without a system keyring, the
// person is told so and chooses: this session only, or stored knowing it is only obfuscated.
import { dirname, join } from 'node:path';
import { expect, SANDBOX_CREDENTIALS as C, test } from '../fixtures';
import { filesHolding, heapSnapshot, pageText, spellings } from '../host/leak-probe';
import { SettingsDialog } from '../pages/settings-dialog';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const KEY = C.canaryApiKey;
// The key, and a long piece of it: a truncated or re-encoded copy would still be caught.
const LOOK_FOR = [KEY, KEY.slice(3, 22)];

test('a key set through the UI never reaches the window, the logs or a file, and is shown only by its last four', async ({ studio }) => {
  const { page, ui, sandbox } = studio;
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.addOfficial({ name: 'Canary', baseUrl: sandbox.baseUrl, apiKey: KEY });
  await expect(settings.storedKey('Canary')).toHaveText(`ending in …${KEY.slice(-4)}`);
  await expect(await settings.testConnection('Canary')).toContainText('Connected');
  // The edit form says which key is stored, by its last four characters, and leaves the field empty.
  const form = await settings.edit('Canary');
  await expect(form).toContainText(`API key …${KEY.slice(-4)} is stored`);
  await expect(form.getByLabel('API key', { exact: true })).toHaveValue('');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await settings.close();

  await ui.openStartFrame(START);
  await ui.prompt.fill('Signed with the canary');
  await ui.generateButton.click();
  await expect(ui.cardStatus('Signed with the canary')).toHaveText('Ready', { timeout: 30_000 });
  // Kling did get it: the rest of this test looks for something that really passed through the app.
  expect(sandbox.received.filter((r) => r.headers.authorization === `Bearer ${KEY}`).length).toBeGreaterThan(1);

  const seen = { page: await pageText(page), heap: await heapSnapshot(page), console: consoleText.join('\n'), logs: studio.host?.logs.join('\n') ?? '' };
  for (const [where, text] of Object.entries(seen)) {
    for (const secret of LOOK_FOR) for (const s of spellings(secret)) expect(text.includes(s), `${where} holds ${s}`).toBe(false);
  }
  expect(seen.heap.length).toBeGreaterThan(1_000_000); // a real snapshot, not an empty answer
  expect(seen.heap).toContain('Signed with the canary'); // …in which a string the page does hold is found
  expect(await filesHolding(dirname(studio.libraryRoot), LOOK_FOR)).toEqual([]);

  // Stored (encrypted): still there after a restart, still shown only by its last four characters.
  await studio.restart();
  const again = new SettingsDialog(studio.page);
  await again.open();
  await expect(again.storedKey('Canary')).toHaveText(`ending in …${KEY.slice(-4)}`);
  await expect(again.profile('Canary')).not.toContainText('This session only');
});

test.describe('on Linux without a keyring', () => {
  test.use({ keyProtection: 'obfuscated' });

  test('the person is told, chooses this session only by default, or stores the key knowing it is only obfuscated', async ({ studio }) => {
    const { page, sandbox } = studio;
    const settings = new SettingsDialog(page);
    await settings.open();
    const form = await settings.newProfileForm();
    await expect(form.getByRole('group', { name: 'Keep the key' })).toContainText('No system keyring');
    await expect(settings.keeping(form, 'session')).toBeChecked();
    await form.getByRole('button', { name: 'Cancel' }).click();

    await settings.addOfficial({ name: 'Canary', baseUrl: sandbox.baseUrl, apiKey: KEY });
    await expect(settings.profile('Canary')).toContainText('This session only');
    await expect(settings.storedKey('Canary')).toHaveText(`ending in …${KEY.slice(-4)}`);
    await expect(await settings.testConnection('Canary')).toContainText('Connected');
    // Kept in main's memory only: not a trace on disk, encrypted or not.
    expect(await filesHolding(dirname(studio.libraryRoot), LOOK_FOR)).toEqual([]);
    await settings.close();

    await studio.restart();
    const next = new SettingsDialog(studio.page);
    await next.open();
    await expect(next.profile('Canary')).toContainText('No credential');

    // Entered again, and this time stored: it survives a restart.
    const edit = await next.edit('Canary');
    await edit.getByLabel('API key', { exact: true }).fill(KEY);
    await next.chooseKeeping(edit, 'stored');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await expect(edit).toBeHidden();
    await expect(next.profile('Canary')).not.toContainText('This session only');
    await studio.restart();
    const last = new SettingsDialog(studio.page);
    await last.open();
    await expect(last.storedKey('Canary')).toHaveText(`ending in …${KEY.slice(-4)}`);
    await expect(last.profile('Canary')).not.toContainText('No credential');
  });
});
