// The request in plain sight: what the app sends is kept beside the generation (request.json), shown before it is sent
// (Show request) and copyable as a command (Copy as curl), always equal to what the provider receives.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SANDBOX_CREDENTIALS, test } from '../fixtures';
import type { CreateTaskBody } from '../../shared/kling/wire';
import { inlineRecordedBody, REQUEST_FILE } from '../../shared/library/request-record';
import { decodeBase64 } from '../../shared/kling/base64';
import { API_PATH } from '../../shared/kling/wire';
import { RequestView } from '../pages/request-view';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'A lighthouse beam sweeps across the bay';

test('after Generate the folder keeps request.json, and with its files it is the body the sandbox received', async ({ studio }) => {
  const { ui, sandbox, libraryRoot } = studio;
  await ui.openStartFrame(START);
  await ui.prompt.fill(PROMPT);
  await ui.generateButton.click();
  await expect(ui.cardStatus(PROMPT)).toHaveText('Ready');

  const [folder] = await readdir(libraryRoot);
  const dir = join(libraryRoot, folder ?? '');
  const recorded = JSON.parse(await readFile(join(dir, REQUEST_FILE), 'utf8')) as CreateTaskBody;
  expect(recorded.image).toBe('start.jpg');
  expect(recorded.prompt).toBe(PROMPT);
  const received = sandbox.received.filter((r) => r.method === 'POST');
  expect(received).toHaveLength(1);
  const rebuilt = await inlineRecordedBody(recorded, async (file) => new Uint8Array(await readFile(join(dir, file))));
  expect(rebuilt).toEqual(received[0]?.body);
});

test('Show request shows the exact body Generate then sends, byte for byte once its images are unfolded', async ({ studio }) => {
  const { ui, sandbox } = studio;
  const view = new RequestView(ui.page);
  await expect(view.showButton).toBeDisabled();
  await ui.openStartFrame(START);
  await ui.prompt.fill(PROMPT);
  await ui.page.getByRole('textbox', { name: /^Negative prompt/ }).fill('blur, "quotes" and \\ backslashes');
  await ui.page.getByRole('radio', { name: 'Professional' }).check();

  await view.open();
  await expect(view.endpoint).toHaveText(`POST ${sandbox.baseUrl}${API_PATH}`);
  await expect(view.credential).toContainText('Sandbox');
  // Folded: the start frame shows its first characters and its size.
  const startBytes = (await readFile(START)).length;
  await expect(view.folds).toHaveCount(1);
  await expect(view.folds.first()).toHaveAccessibleName(`Show all of the start frame (${startBytes.toLocaleString('en-US')} bytes)`);

  const shown = (await view.fullBody()) as CreateTaskBody;
  expect(Buffer.from(decodeBase64(shown.image ?? '')).equals(await readFile(START))).toBe(true);
  await view.close();

  await ui.generateButton.click();
  await expect(ui.cardStatus(PROMPT)).toHaveText('Ready');
  const [sent] = sandbox.received.filter((r) => r.method === 'POST');
  const received = sent?.body as CreateTaskBody;
  // Every task gets its own external_task_id when it is recorded; the view shows one of the same form.
  expect(shown.external_task_id).toMatch(/^ks-[0-9a-f-]{36}$/);
  expect({ ...shown, external_task_id: received.external_task_id }).toEqual(received);
  expect(JSON.stringify({ ...shown, external_task_id: received.external_task_id })).toBe(JSON.stringify(received));
});

test('Copy as curl copies a command with $KLING_API_KEY and no key, images inline or as files beside a saved script', async ({ studio }) => {
  const { ui, sandbox, host } = studio;
  test.skip(!host, 'the save dialog is answered through the Chromium host');
  // Reading the clipboard back is the test's own need; the app only ever writes it.
  await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = new RequestView(ui.page);
  await ui.openStartFrame(START);
  await ui.prompt.fill(PROMPT);
  await view.open();

  const inline = await view.copyAsCurl('Inline');
  expect(inline).toContain('Authorization: Bearer $KLING_API_KEY');
  expect(inline).toContain(`${sandbox.baseUrl}${API_PATH}`);
  expect(inline).toContain((await readFile(START)).toString('base64').slice(0, 64));
  for (const secret of Object.values(SANDBOX_CREDENTIALS)) expect(inline).not.toContain(secret);

  const script = join(studio.libraryRoot, '..', 'request.sh');
  host!.desktop.nextSavePath = script;
  const withFiles = await view.copyAsCurl('As files next to it');
  expect(withFiles).toContain(`base64 < '${join(studio.libraryRoot, '..', 'request-start.jpg')}'`);
  expect((await readFile(join(studio.libraryRoot, '..', 'request-start.jpg'))).equals(await readFile(START))).toBe(true);
  expect(await readFile(script, 'utf8')).toBe(withFiles);
  for (const secret of Object.values(SANDBOX_CREDENTIALS)) expect(withFiles).not.toContain(secret);
});
