// Before a settings store opens its file: a file that is not a JSON object (a crash mid-write on an old file system,
// a hand edit gone wrong, a disk error) is moved aside, so the app starts with defaults instead of crashing on it and
// the person's file is kept for them to look at. electron-store would throw at construction (or, told to clear
// invalid files, delete it without a word).
import { readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export interface SettingsFileProblem {
  /** Where the unreadable file now is. */
  movedTo: string;
  /** What was wrong, in words (never the file's content: it may hold encrypted credentials). */
  reason: string;
}

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace(/[:T]/g, '-');

function problemWith(text: string): string | undefined {
  // A byte order mark from a text editor is not damage; conf skips it too.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'it is not valid JSON';
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'it does not hold a settings object';
}

/** Move `path` aside when it cannot be read as settings; undefined when it is fine (or does not exist yet). */
export function setAsideUnreadableSettings(path: string, now: () => Date = () => new Date()): SettingsFileProblem | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return moveAside(path, `it could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, now);
  }
  const reason = problemWith(text);
  return reason ? moveAside(path, reason, now) : undefined;
}

function moveAside(path: string, reason: string, now: () => Date): SettingsFileProblem | undefined {
  const ext = extname(path);
  const movedTo = join(dirname(path), `${basename(path, ext)}.unreadable-${stamp(now())}${ext}`);
  try {
    renameSync(path, movedTo);
  } catch {
    // Cannot even move it (a read-only folder): the store will fail to write too, but reading must not crash.
    return { movedTo: path, reason: `${reason}; it could not be moved aside either` };
  }
  return { movedTo, reason };
}

export function describeProblem(problem: SettingsFileProblem): string {
  return (
    `Your settings file could not be used (${problem.reason}), so Kling Studio started with default settings. ` +
    `The old file was kept as ${problem.movedTo}. Profiles and keys it held need to be added again in Settings.`
  );
}
