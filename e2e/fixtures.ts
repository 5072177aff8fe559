// One `studio` fixture for both targets: the app running over a fresh library, talking to a sandbox Kling server
// that the test can inspect and inject faults into.
import { test as base, _electron, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxServer, type SandboxServer, type SandboxTiming } from '../electron/sandbox/server';
import { sandboxProvider } from '../electron/tasks/sandbox-provider';
import { electronBinary } from './host/electron-binary';
import { startStudioHost, type StudioHost } from './host/studio-host';
import { testKeyring } from './host/test-keyring';
import type { KeyProtection } from '../shared/settings/profiles';
import { StudioPage } from './pages/studio-page';

const repo = join(import.meta.dirname, '..');
export const SAMPLE_CLIP = join(repo, 'assets', 'sample-clip.mp4');

/** What the test's sandbox accepts: the built-in sandbox key, and one of each kind a person can configure. */
export const SANDBOX_CREDENTIALS = {
  apiKey: 'e2e-sandbox-key',
  userApiKey: 'e2e-user-api-key',
  accessKey: 'e2e-access-key',
  secretKey: 'e2e-secret-key-0123456789',
  gatewayToken: 'e2e-gateway-token',
  /** A key no code would write on its own, for looking for leaks (e2e/specs/secrets.spec.ts). */
  canaryApiKey: 'sk-LEAKCANARY-7f3a9c2e5b8d1046',
} as const;

export interface StudioApp {
  page: Page;
  ui: StudioPage;
  sandbox: SandboxServer;
  libraryRoot: string;
  /** The Chromium host's side of the app (its services, desktop and window stand-ins); undefined on the Electron target. */
  host: StudioHost | undefined;
  /** Quit the app and start it again over the same library. */
  restart(): Promise<void>;
}

interface Running {
  page: Page;
  host?: StudioHost;
  stop(): Promise<void>;
}

export const test = base.extend<
  {
    studio: StudioApp;
    sandboxTiming: SandboxTiming | undefined;
    keyProtection: KeyProtection;
    sandboxRefusals: 'none' | 'expected';
    sandboxExtraModels: string[];
  },
  { hostBrowser: Browser | undefined }
>({
  /** How long sandbox tasks stay submitted and processing; the `fast` preset when unset. */
  sandboxTiming: [undefined, { option: true }],
  /** The machine the Chromium host plays: one with a system keyring, or Linux without one (basic_text). */
  keyProtection: ['keyring', { option: true }],
  /**
   * Nothing invalid leaves the app: by default a test fails when the sandbox refused any request the app sent it (a
   * request Kling would refuse). A test about how the app reports Kling's refusals says `expected`.
   */
  sandboxRefusals: ['none', { option: true }],
  /** Models the sandbox accepts beyond the capability table, as a gateway that adds them would (e.g. kling-v3). */
  sandboxExtraModels: [[], { option: true }],

  hostBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name !== 'chromium-host') return use(undefined);
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  studio: async ({ hostBrowser, sandboxTiming, keyProtection, sandboxRefusals, sandboxExtraModels }, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), 'kling-studio-e2e-'));
    const libraryRoot = join(dir, 'library');
    const apiKey = SANDBOX_CREDENTIALS.apiKey;
    const sandbox = await startSandboxServer({
      credentials: {
        apiKeys: [apiKey, SANDBOX_CREDENTIALS.userApiKey, SANDBOX_CREDENTIALS.canaryApiKey],
        accessKeys: [{ accessKey: SANDBOX_CREDENTIALS.accessKey, secretKey: SANDBOX_CREDENTIALS.secretKey }],
        gatewayTokens: [SANDBOX_CREDENTIALS.gatewayToken],
      },
      sampleClipPath: SAMPLE_CLIP,
      extraModels: sandboxExtraModels,
      ...(sandboxTiming ? { timing: sandboxTiming } : { speed: 'fast' as const }),
    });

    let launch: () => Promise<Running>;
    if (hostBrowser) {
      // One keyring for the whole test, so what was stored before a restart reads back after it.
      const secretBox = testKeyring(keyProtection);
      launch = async () => {
        const host: StudioHost = await startStudioHost({
          libraryRoot,
          settingsPath: join(dir, 'settings.json'),
          provider: sandboxProvider(sandbox.baseUrl, apiKey, fetch),
          secretBox,
        });
        const context = await hostBrowser.newContext(testInfo.project.use);
        const page = await host.open(context);
        return {
          page,
          host,
          stop: async () => {
            await context.close();
            await host.close();
          },
        };
      };
    } else {
      const executablePath = electronBinary();
      if (!executablePath) throw new Error('The electron project is configured only when its binary exists');
      launch = async () => {
        const app = await _electron.launch({
          executablePath,
          // The app folder, as `electron .` does: Electron then takes package.json's main, and app.getAppPath() is the
          // repository (a file path here would make it dist/electron).
          args: [repo],
          env: {
            ...process.env,
            KLING_STUDIO_USER_DATA: dir,
            KLING_STUDIO_SANDBOX_URL: sandbox.baseUrl,
            KLING_STUDIO_SANDBOX_KEY: apiKey,
          },
        });
        const page = await app.firstWindow();
        return { page, stop: () => app.close() };
      };
    }

    let running = await launch();
    const studio: StudioApp = {
      page: running.page,
      ui: new StudioPage(running.page),
      sandbox,
      libraryRoot,
      host: running.host,
      async restart() {
        await running.stop();
        running = await launch();
        studio.page = running.page;
        studio.host = running.host;
        studio.ui = new StudioPage(running.page);
      },
    };
    await studio.ui.waitUntilReady();
    await use(studio);
    await running.stop();
    await sandbox.close();
    // Retried: the app may still be finishing a write (a poster) in a generation's folder as the test ends.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (sandboxRefusals === 'none' && sandbox.refused.length > 0) {
      const list = sandbox.refused.map((r) => `${r.method} ${r.path}: ${r.code} ${r.message}`).join('\n');
      throw new Error(`The app sent requests Kling would refuse (the sandbox refused them):\n${list}`);
    }
  },
});

export { expect } from '@playwright/test';
