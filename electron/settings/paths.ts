// Where the app keeps its data, computed without Electron so the command line finds the same library as the app.
// Mirrors `app.getPath('userData')` for productName "Kling Studio" (Electron: appData + productName), and the
// KLING_STUDIO_USER_DATA override that electron/main.ts honours with `app.setPath('userData', …)`.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Kling Studio';
export const USER_DATA_ENV = 'KLING_STUDIO_USER_DATA';
/** The library's folder inside the data folder; the app and the command line must agree on it. */
export const LIBRARY_FOLDER = 'library';
/** The app's small settings in the data folder (electron-store's `name: 'settings'`); it says where a moved library is. */
export const SETTINGS_FILE = 'settings.json';

export interface PathEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

const current = (): PathEnvironment => ({ env: process.env, platform: process.platform, home: homedir() });

/** Path syntax of the platform asked about, not of the machine running (so tests can ask about every platform). */
const joinFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32.join : posix.join);

/** Electron's `appData`: %APPDATA% on Windows, ~/Library/Application Support on macOS, XDG_CONFIG_HOME or ~/.config elsewhere. */
function appDataDir({ env, platform, home }: PathEnvironment): string {
  const join = joinFor(platform);
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function defaultUserDataDir(environment: PathEnvironment = current()): string {
  return environment.env[USER_DATA_ENV] || joinFor(environment.platform)(appDataDir(environment), PRODUCT_NAME);
}

/** The library the app shows in its gallery: `<userData>/library` (electron/main.ts). */
export function defaultLibraryDir(environment: PathEnvironment = current()): string {
  return joinFor(environment.platform)(defaultUserDataDir(environment), LIBRARY_FOLDER);
}
