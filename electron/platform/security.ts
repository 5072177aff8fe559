// Electron hardening for every web contents and the session (Electron's security checklist): no navigation away from
// the app, no new windows, no <webview>, and no permission beyond the two the app's own page uses. A link to Kling's
// docs or console opens in the person's browser instead (shared/security/external-links.ts); anything else is refused.
import type { Session, WebContents } from 'electron';
import { app, session } from 'electron';
import { allowedExternalUrl } from '../../shared/security/external-links';

/**
 * What the app's own page may use: writing text to the clipboard (Copy as curl) and full screen for the video player.
 * Camera, microphone, geolocation, page notifications, MIDI, HID, USB, serial, reading the clipboard… are refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export interface HardeningOptions {
  /** The app's own pages: app://studio (and the dev server in development). */
  isAppUrl(url: string): boolean;
  /** Open an allowed link in the system browser (DesktopShell.openInBrowser). */
  openInBrowser(url: string): Promise<void>;
  log(message: string): void;
}

const shown = (url: string) => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const { isAppUrl, log } = options;
  const openIfAllowed = (url: string, what: string) => {
    const allowed = allowedExternalUrl(url);
    if (allowed) void options.openInBrowser(allowed).catch((error: Error) => log(`Could not open ${shown(allowed)}: ${error.message}`));
    else log(`Refused ${what} to ${shown(url)}`);
  };

  // A link clicked in the page (or `location = …`): the window stays on the app; an allowed link opens in the browser.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openIfAllowed(url, 'navigation');
  });
  // Any frame, and server redirects: never off the app. (The CSP allows no frames; this holds if that ever changes.)
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // window.open, target=_blank and middle-click (auxclick) on a link all arrive here: never a new window.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, 'a new window');
    return { action: 'deny' };
  });
}

export function hardenSession(ses: Session, isAppUrl: (url: string) => boolean): void {
  const granted = (permission: string, url: string | undefined) => GRANTED_PERMISSIONS.has(permission) && url !== undefined && isAppUrl(url);
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(granted(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => granted(permission, requestingOrigin));
  // USB, HID and serial devices: never.
  ses.setDevicePermissionHandler(() => false);
}

export function hardenApp(options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  hardenSession(session.defaultSession, options.isAppUrl);
}
