// One instance, and "Open with Kling Studio": a second launch focuses the first window, and an image path given on
// the command line (to the first launch or to a later one) becomes the start frame. Plain Node: the Electron adapter
// (platform/single-instance.ts) only forwards argv and working folders here.
import { stat as statFile, readFile as readWholeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';

/** What the frame slot can take or offer to fix (renderer/composer accepts these, converting the last four). */
export const OPENABLE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.bmp', '.gif'] as const;
/** Far above Kling's 10 MB (the composer offers to shrink a bigger one), low enough never to read a video by mistake. */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

export interface OpenedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface LaunchFilesDeps {
  /** Hand a file to the window (the `app.openFile` event); called only once the window listens. */
  deliver(file: OpenedFile): void;
  /** Bring the window to the front. */
  focus(): void;
  log?(message: string): void;
  stat?(path: string): Promise<{ isFile(): boolean; size: number }>;
  readFile?(path: string): Promise<Uint8Array>;
}

/**
 * The image path among a launch's arguments: the last argument that is not a switch and names an image, resolved
 * against the launch's own working folder (a second launch may come from another folder than the first).
 * argv[0] is the executable; in development `electron .` adds the app folder, which is no image and is skipped.
 */
export function imagePathFrom(argv: readonly string[], cwd: string): string | undefined {
  const candidates = argv
    .slice(1)
    .filter((a) => a.length > 0 && !a.startsWith('-'))
    .filter((a) => (OPENABLE_EXTENSIONS as readonly string[]).includes(extname(a).toLowerCase()));
  const last = candidates.at(-1);
  return last === undefined ? undefined : isAbsolute(last) ? last : resolve(cwd, last);
}

export interface LaunchFiles {
  /** This process's own arguments (the first launch): the file waits until the window is ready. */
  firstLaunch(argv: readonly string[], cwd: string): Promise<void>;
  /** Another launch was refused by the single-instance lock: focus, and open what it was given. */
  secondLaunch(argv: readonly string[], cwd: string): Promise<void>;
  /** A path from the OS directly (macOS "open-file"). */
  openPath(path: string): Promise<void>;
  /** The window listens now: hand over what waited. */
  windowReady(): void;
}

export function createLaunchFiles(deps: LaunchFilesDeps): LaunchFiles {
  const stat = deps.stat ?? statFile;
  const read = deps.readFile ?? ((path: string) => readWholeFile(path));
  let ready = false;
  let waiting: OpenedFile | undefined;

  const load = async (path: string): Promise<OpenedFile | undefined> => {
    try {
      const info = await stat(path);
      if (!info.isFile()) return void deps.log?.(`Not opened (not a file): ${path}`);
      if (info.size > MAX_OPEN_BYTES) return void deps.log?.(`Not opened (over ${MAX_OPEN_BYTES} bytes): ${path}`);
      return { fileName: basename(path), bytes: await read(path) };
    } catch (error) {
      deps.log?.(`Not opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ${path}`);
      return undefined;
    }
  };

  const open = async (path: string | undefined) => {
    if (!path) return;
    const file = await load(path);
    if (!file) return;
    // Only the newest matters: the start frame has one slot.
    if (ready) deps.deliver(file);
    else waiting = file;
  };

  return {
    firstLaunch: (argv, cwd) => open(imagePathFrom(argv, cwd)),
    async secondLaunch(argv, cwd) {
      deps.focus();
      await open(imagePathFrom(argv, cwd));
    },
    openPath: (path) => open(isAbsolute(path) ? path : undefined),
    windowReady() {
      ready = true;
      if (waiting) {
        const file = waiting;
        waiting = undefined;
        deps.deliver(file);
      }
    },
  };
}
