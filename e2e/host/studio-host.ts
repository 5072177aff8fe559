// The Chromium host: the app's real main-side services in this Node process, the built renderer served over loopback
// under the same Content-Security-Policy, and the bridge installed into the page through a Playwright binding.
// Only Electron's glue (window, protocols, ipcMain) is left out; it is a few lines in electron/main.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { build } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';
import { contentSecurityPolicyFor } from '../../electron/http/csp';
import { staticResponse } from '../../electron/http/static-response';
import { mediaResponse, mediaUrlWith } from '../../electron/library/media';
import { createStudioServices, type StudioServices } from '../../electron/services';
import type { ActiveProvider } from '../../electron/tasks/provider';
import { decodeBytes, encodeBytes } from './bytes-codec';
import { JsonFileStore } from '../../electron/settings/key-value';
import { RecordingDesktopShell } from '../../electron/desktop/desktop-shell';
import type { SecretBox } from '../../electron/settings/credential-vault';
import { RecordingWindowShell } from '../../electron/desktop/window-shell';
import { describeProblem, setAsideUnreadableSettings } from '../../electron/settings/settings-file';

const repo = join(import.meta.dirname, '..', '..');
const MEDIA_PREFIX = '/media/';

let shimSource: Promise<string> | undefined;
/** The page-side bridge, bundled once per worker from the same TypeScript the preload uses. */
function bridgeShim(): Promise<string> {
  shimSource ??= build({
    entryPoints: [join(import.meta.dirname, 'bridge-shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return shimSource;
}

async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers });
}

async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as NodeReadableStream).on('error', () => res.destroy()).pipe(res);
}

export interface StudioHost {
  origin: string;
  services: StudioServices;
  /** The desktop as the services see it: a folder for a trash, and what was revealed or saved. */
  desktop: RecordingDesktopShell;
  /** The window as the services see it: the application menu (clickable), notifications, badge, progress, focus. */
  window: RecordingWindowShell;
  /** Everything main logged (also printed). */
  logs: readonly string[];
  /** Open the app in a new page of `context`, wired to this host's services. */
  open(context: BrowserContext): Promise<Page>;
  close(): Promise<void>;
}

export async function startStudioHost(options: {
  libraryRoot: string;
  settingsPath: string;
  provider: ActiveProvider;
  /** How credentials are encrypted at rest (the test's stand-in keyring); in plain text when left out. */
  secretBox?: SecretBox;
}): Promise<StudioHost> {
  const pages = new Set<Page>();
  // Bridge calls still being handled (e.g. a poster saved as the page closes): close() waits for them, so nothing
  // writes into the library after the test has moved on (and removes the folder).
  const inFlight = new Set<Promise<unknown>>();
  const desktop = new RecordingDesktopShell(join(options.libraryRoot, '..', 'trash'));
  const logs: string[] = [];
  let origin = '';
  // As electron/main.ts does before opening electron-store: an unreadable file is moved aside and reported once.
  const problem = setAsideUnreadableSettings(options.settingsPath);
  const settings = new JsonFileStore(options.settingsPath);
  const windowShell = new RecordingWindowShell();
  const services = createStudioServices({
    libraryRoot: options.libraryRoot,
    app: { name: 'Kling Studio', version: 'test', platform: process.platform },
    sandbox: options.provider,
    settings,
    ...(problem ? { settingsNotice: describeProblem(problem) } : {}),
    mediaUrl: (folder, file, version) => mediaUrlWith(`${origin}${MEDIA_PREFIX}`)(folder, file, version),
    desktop,
    windowShell,
    emit: (event, payload) => {
      for (const page of pages) {
        page.evaluate(([e, p]) => window.__studioEmit(e, p), [event, encodeBytes(payload)] as const).catch(() => undefined);
      }
    },
    fetch,
    isTrustedSender: (sender) => sender.url.startsWith(`${origin}/`),
    log: (message) => {
      logs.push(message);
      console.error(message);
    },
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
  });

  const renderer = join(repo, 'dist', 'renderer');
  const server: Server = createServer((req, res) => {
    void (async () => {
      const request = await toWebRequest(req, origin);
      const path = new URL(request.url).pathname;
      const response = path.startsWith(MEDIA_PREFIX)
        ? await mediaResponse(services.library, path.slice(MEDIA_PREFIX.length), request)
        : await staticResponse(renderer, path, request, { 'Content-Security-Policy': contentSecurityPolicyFor(path, origin) });
      await sendWebResponse(res, response);
    })().catch((error: Error) => {
      res.writeHead(500).end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await services.start();

  return {
    origin,
    services,
    desktop,
    window: windowShell,
    logs,
    async open(context) {
      const page = await context.newPage();
      await page.exposeBinding('__studioInvoke', (source, channel: string, request: unknown) => {
        const call = services.registry.handle(channel, decodeBytes(request), { url: source.frame.url() });
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call)).catch(() => undefined);
        return call;
      });
      await page.addInitScript({ content: await bridgeShim() });
      pages.add(page);
      page.on('close', () => pages.delete(page));
      await page.goto(`${origin}/index.html`);
      return page;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      services.stop();
      await services.engine.idle().catch(() => undefined);
      await settings.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
