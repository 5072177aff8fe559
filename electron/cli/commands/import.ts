// `kling import`: bring the account's tasks that the library lacks into it (made on Kling's web page, another
// machine, a script), then wait until their clips are downloaded: Kling deletes result URLs after 30 days.
import type { GenerationRecord } from '../../../shared/library/generation';
import { importTasks } from '../../tasks/import-tasks';
import { EXIT, type ExitCode } from '../exit-codes';
import { line, type CliIo } from '../io';
import { COMMON_HELP, CONNECTION_HELP } from '../options';
import { runFollowingCommand } from '../following-command';
import { combinedExitCode, reportOutcome } from '../outcome';

export const IMPORT_USAGE = `Usage: npm run kling -- import [options]

Import the account's tasks that the library does not have yet, and download their clips. Tasks that failed on
Kling are imported as failed. Exit 0 when every imported task is settled, 5 when interrupted (run it again, or
resume), 3 when Kling refuses the listing.

  --timeout SECONDS         stop waiting for downloads after this long
${CONNECTION_HELP}
${COMMON_HELP}`;

export function importCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  return runFollowingCommand(argv, io, IMPORT_USAGE, async ({ session, root, json, lifetime }) => {
    const report = await importTasks(session.provider, session.library, session.engine);
    line(io.stderr, `Seen ${report.seen} task(s) at ${session.provider.baseUrl}: ${report.imported} imported, ${report.alreadyInLibrary} already in the library.`);
    await session.settle();
    const finals = (await Promise.all(report.importedIds.map((id) => session.library.get(id)))).filter(
      (r): r is GenerationRecord => r !== undefined,
    );
    if (json) line(io.stdout, JSON.stringify(finals, null, 2));
    // A task that had already failed on Kling is imported as failed: that is what it is, not a failed import.
    const codes = finals.map((r) => (r.error?.code === undefined && r.error?.detail !== undefined ? EXIT.ok : reportOutcome(io, root, r, lifetime.endedBy(), json)));
    return combinedExitCode(codes);
  });
}
