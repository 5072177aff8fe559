// How a followed generation ended, said to the person (stderr) and to scripts (stdout, exit code).
import { join } from 'node:path';
import { isFinished, type GenerationRecord } from '../../shared/library/generation';
import { EXIT, exitCodeForRecord, type ExitCode } from './exit-codes';
import { reasonOf, resultPath } from './format';
import { line, type CliIo } from './io';
import type { EndReason } from './lifetime';

export const RESUME_HINT = 'npm run kling -- resume';

/** Print where the clip is (stdout) or why there is none (stderr); the record's exit code. */
export function reportOutcome(io: Pick<CliIo, 'stdout' | 'stderr'>, libraryRoot: string, record: GenerationRecord, ended: EndReason | undefined, json: boolean): ExitCode {
  const code = exitCodeForRecord(record);
  const path = resultPath(libraryRoot, record);
  if (path && !json) line(io.stdout, path);
  if (code === EXIT.ok) return code;
  if (!isFinished(record.status)) {
    const why = ended === 'timeout' ? 'Gave up waiting (--timeout)' : ended === 'interrupted' ? 'Interrupted' : 'Stopped';
    line(io.stderr, `${record.id}: ${why} while ${record.status}. The generation stays in ${join(libraryRoot, record.folder)}; \`${RESUME_HINT}\` finishes it.`);
    return EXIT.interrupted;
  }
  line(io.stderr, `${record.id}: failed: ${reasonOf(record) ?? 'no reason given'}`);
  return code;
}

/** The exit code of several generations: 0 when all are done, else the first problem, an interruption first of all. */
export function combinedExitCode(codes: readonly ExitCode[]): ExitCode {
  if (codes.includes(EXIT.interrupted)) return EXIT.interrupted;
  return codes.find((c) => c !== EXIT.ok) ?? EXIT.ok;
}
