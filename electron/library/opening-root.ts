// Which folder the library opens at start, shared by the app and the command line (they must agree on it).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Whether `path` is a folder there now (a drive unplugged or a share not mounted: it is not). */
export const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * Which folder the library opens at start: where the person moved it (Settings ▸ Library), else the default one. A
 * moved library whose folder is not there (an external drive unplugged, a network share not mounted) is not made again
 * empty in its place: the default library is used for this run and `missing` names the place, to tell the person;
 * the setting is kept, so the next start (the drive back) opens it again.
 */
export function openingRoot(saved: string | undefined, defaultRoot: string): { root: string; missing?: string } {
  if (saved === undefined || resolve(saved) === resolve(defaultRoot)) return { root: defaultRoot };
  return isFolder(saved) ? { root: saved } : { root: defaultRoot, missing: saved };
}
