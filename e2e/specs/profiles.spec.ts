import { join } from 'node:path';
import { expect, SANDBOX_CREDENTIALS as C, test } from '../fixtures';
import { SettingsDialog } from '../pages/settings-dialog';
import type { StudioApi } from '../../shared/ipc/api';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

function jwtClaims(authorization: string): Record<string, unknown> {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

test('an access-key account signs every request, and its secrets never reach the window', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const settings = new SettingsDialog(page);
  await settings.open();
  await expect(settings.profile('Sandbox')).toContainText('Used for new generations');

  await settings.addOfficial({ name: 'My Kling', baseUrl: sandbox.baseUrl, accessKey: C.accessKey, secretKey: C.secretKey });
  // The first profile with a credential takes over from the Sandbox.
  await expect(settings.profile('My Kling')).toContainText('Used for new generations');
  await expect(await settings.testConnection('My Kling')).toContainText('Connected to My Kling');

  // What the renderer can learn about profiles carries no secret.
  const seen = await page.evaluate(async () =>
    JSON.stringify(await (window as unknown as { studio: StudioApi }).studio.profiles.list({})),
  );
  expect(seen).toContain('My Kling');
  expect(seen).not.toContain(C.secretKey);
  expect(seen).not.toContain(C.accessKey);

  await settings.close();
  await expect(ui.provider).toContainText('My Kling');
  await ui.openStartFrame(START);
  await ui.prompt.fill('Signed with a JWT');
  await ui.generateButton.click();
  await expect(ui.cardStatus('Signed with a JWT')).toHaveText('Ready', { timeout: 30_000 });
  await expect(ui.card('Signed with a JWT')).toContainText('My Kling');

  const create = sandbox.received.find((r) => r.method === 'POST');
  const claims = jwtClaims(String(create?.headers.authorization));
  expect(claims.iss).toBe(C.accessKey);
  expect(Number(claims.exp) - Number(claims.nbf)).toBe(1805);
});

test.describe('Kling refusing the key', () => {
  test.use({ sandboxRefusals: 'expected' });

  test('a wrong key is reported in words when testing the connection', async ({ studio }) => {
    const settings = new SettingsDialog(studio.page);
    await settings.open();
    await settings.addOfficial({ name: 'Typo', baseUrl: studio.sandbox.baseUrl, apiKey: 'not-the-right-key' });
    await expect(await settings.testConnection('Typo')).toContainText('did not accept the credential');
    expect(studio.sandbox.refused.map((r) => r.code)).toEqual([1000]);
  });
});

test('a gateway gets its prefix and the model field it asks for', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.addGateway({ name: 'Relay', baseUrl: sandbox.baseUrl, token: C.gatewayToken, modelField: 'both' });
  await expect(await settings.testConnection('Relay')).toContainText('Connected');
  await settings.close();

  await ui.openStartFrame(START);
  await ui.prompt.fill('Through the relay');
  await ui.generateButton.click();
  await expect(ui.cardStatus('Through the relay')).toHaveText('Ready', { timeout: 30_000 });
  const create = sandbox.received.find((r) => r.method === 'POST');
  expect(create?.path).toBe('/kling/v1/videos/image2video');
  expect(create?.headers.authorization).toBe(`Bearer ${C.gatewayToken}`);
  const body = create?.body as Record<string, unknown>;
  expect(body.model_name).toBe('kling-v1');
  expect(body.model).toBe('kling-v1');
});

test('tasks made elsewhere are imported into the library with their clips', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  // A task created outside the app, on the same account (as on Kling's web page).
  const made = await fetch(`${sandbox.baseUrl}/v1/videos/image2video`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${C.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model_name: 'kling-v1', image: 'https://example.com/photo.jpg', duration: '5', external_task_id: 'web-1' }),
  });
  expect(((await made.json()) as { code: number }).code).toBe(0);

  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.profile('Sandbox').getByRole('button', { name: 'Import tasks' }).click();
  await expect(settings.profile('Sandbox').getByRole('status')).toContainText('Imported 1 task');
  await settings.close();

  const card = ui.page.getByRole('article', { name: /^Generation: Imported task/ });
  await expect(card.getByRole('status', { name: 'Status' })).toHaveText('Ready', { timeout: 30_000 });

  // Importing again finds nothing new.
  await settings.open();
  await settings.profile('Sandbox').getByRole('button', { name: 'Import tasks' }).click();
  await expect(settings.profile('Sandbox').getByRole('status')).toContainText('Imported 0 tasks; 1 already in the library');
});

test('with two usable profiles, each generation can be sent with either', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.addOfficial({ name: 'My Kling', baseUrl: sandbox.baseUrl, apiKey: C.userApiKey });
  await settings.close();

  await ui.openStartFrame(START);
  const sendWith = page.getByRole('combobox', { name: 'Send with' });
  await expect(sendWith).toHaveValue(/^p-/);
  await sendWith.selectOption({ label: 'Sandbox (offline, free)' });
  await ui.prompt.fill('Free try first');
  await ui.generateButton.click();
  await expect(ui.card('Free try first')).toContainText('Sandbox');
  await expect.poll(() => sandbox.received.filter((r) => r.method === 'POST').length).toBe(1);
  expect(sandbox.received.find((r) => r.method === 'POST')?.headers.authorization).toBe(`Bearer ${C.apiKey}`);
});
