// `kling resume`: finish the unfinished generations sent to the same Kling as this run (recover by external_task_id,
// poll, download), as the app's engine.resume() does at start-up. Only those are started: engine.resume() would also
// start the others, and the engine writes a "waiting for the profile" note into each record it cannot serve, which
// would touch generations that the app (or another account) finishes perfectly well.
import { isFinished, type GenerationRecord } from '../../../shared/library/generation';
import { EXIT, type ExitCode } from '../exit-codes';
import { line, type CliIo } from '../io';
import { COMMON_HELP, CONNECTION_HELP } from '../options';
import { runFollowingCommand } from '../following-command';
import { combinedExitCode, reportOutcome } from '../outcome';
import { reaches, sameBaseUrl } from '../../tasks/provider';
import type { ActiveProvider } from '../../tasks/provider';

export const RESUME_USAGE = `Usage: npm run kling -- resume [options]

Finish every unfinished generation in the library that was sent to the same Kling as this run (same base URL and
kind: official, gateway), whether the command line or the app started it: find each task again by its
external_task_id (nothing is sent twice), follow it, download the clip. Others are listed and left as they are.
Exit 0 when all are saved; otherwise the code of the first that is not (see npm run kling -- --help).

  --timeout SECONDS         stop following after this long (exit 5; they stay for the next resume)
${CONNECTION_HELP}
${COMMON_HELP}`;


/** Why this run does not take a generation, or undefined when it does. */
export function skipReason(record: GenerationRecord, provider: ActiveProvider): string | undefined {
  const named = record.provider;
  if (reaches(provider, named)) return undefined;
  if (named.baseUrl === undefined) return `made with ${named.label} before records named their base URL; the app finishes it`;
  if (named.kind === 'sandbox') return `made on a built-in sandbox (${named.baseUrl}), which stopped with its program: its task is gone`;
  const flags = named.kind === 'gateway' ? `--gateway --base-url ${named.baseUrl}` : `--base-url ${named.baseUrl}`;
  const there = named.kind === provider.kind && sameBaseUrl(named.baseUrl, provider.baseUrl);
  if (there) return `sent with another account's credential (or one made before records named their account); resume it with that credential`;
  return `sent to ${named.baseUrl} (${named.kind}); resume it with ${flags} and that account's credential`;
}

export function resumeCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  return runFollowingCommand(argv, io, RESUME_USAGE, async ({ session, root, json, lifetime }) => {
    const { items } = await session.library.list();
    const unfinished = items.filter((r) => !isFinished(r.status)).reverse(); // oldest first, as the engine does
    const taken: GenerationRecord[] = [];
    for (const record of unfinished) {
      const skip = skipReason(record, session.provider);
      if (skip) line(io.stderr, `${record.id}: skipped, ${skip}`);
      else taken.push(record);
    }
    if (taken.length === 0) {
      line(io.stderr, unfinished.length === 0 ? 'Nothing to resume: every generation is finished.' : 'Nothing this run can resume.');
      if (json) line(io.stdout, '[]');
      return EXIT.ok;
    }
    line(io.stderr, `Resuming ${taken.length} generation(s) at ${session.provider.baseUrl}`);
    for (const record of taken) {
      session.engine.start(record.id);
    }
    await session.settle();
    const finals = await Promise.all(taken.map(async (r) => (await session.library.get(r.id)) ?? r));
    if (json) line(io.stdout, JSON.stringify(finals, null, 2));
    return combinedExitCode(finals.map((r) => reportOutcome(io, root, r, lifetime.endedBy(), json)));
  });
}
