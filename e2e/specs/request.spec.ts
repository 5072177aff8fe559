// The request in plain sight: what the app sends is kept beside the generation (request.json), shown before it is sent
// (Show request) and copyable as a command (Copy as curl), always equal to what the provider receives.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import type { CreateTaskBody } from '../../shared/kling/wire';
import { inlineRecordedBody, REQUEST_FILE } from '../../shared/library/request-record';

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
