// Which folder the library opens at start, shared by the app and the command line (they must agree on it).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Why `path` is not a folder to open now, undefined when it is one: `absent` when nothing is there, else the error met
 * in words (an unplugged drive or a dead share may answer EIO, ESTALE, EACCES… rather than "not found").
 */
export function folderProblem(path: string): 'absent' | string | undefined {
  try {
    const found = statSync(path, { throwIfNoEntry: false });
    if (!found) return 'absent';
    return found.isDirectory() ? undefined : 'it is not a folder';
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOTDIR') return 'absent'; // a file where a folder on its way should be
    return `reading it failed: ${code ?? message}`;
  }
}

/** Whether `path` is a folder there now (a drive unplugged or a share not mounted: it is not). */
export const isFolder = (path: string): boolean => folderProblem(path) === undefined;

/**
 * Which folder the library opens at start: where the person moved it (Settings ▸ Library), else the default one. A
 * moved library whose folder is not there (an external drive unplugged, a network share not mounted) is not made again
 * empty in its place: the default library is used for this run and `missing` names the place, to tell the person
 * (`problem` says what was met when it was more than "not there": an error of the drive, not a folder); the setting
 * is kept, so the next start (the drive back) opens it again. Never throws: the app must start whatever the drive says.
 */
export function openingRoot(saved: string | undefined, defaultRoot: string): { root: string; missing?: string; problem?: string } {
  if (saved === undefined || resolve(saved) === resolve(defaultRoot)) return { root: defaultRoot };
  const problem = folderProblem(saved);
  if (problem === undefined) return { root: saved };
  return { root: defaultRoot, missing: saved, ...(problem === 'absent' ? {} : { problem }) };
}
