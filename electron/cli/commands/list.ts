// `kling list`: the library, newest first (what the app's gallery shows), or with --remote the account's tasks.
import { LIMITS } from '../../../shared/kling/limits';
import { Library } from '../../library/library';
import { libraryRoot, readRemote, withProvider } from '../context';
import { EXIT, UsageError, type ExitCode } from '../exit-codes';
import { listLine, remoteTaskLine } from '../format';
import { line, type CliIo } from '../io';
import { COMMON_HELP, COMMON_OPTIONS, CONNECTION_HELP, CONNECTION_OPTIONS, parseFlags } from '../options';

export const LIST_USAGE = `Usage: npm run kling -- list [--limit N] [--remote [--page N] [--page-size N]] [options]

The library's generations, newest first: id, status, created (UTC), model, origin (app, cli, import), prompt, and
the clip's path (or why there is none). With --remote, the account's tasks on Kling instead (a credential is needed),
marked "in library" when the library already has them.

  --limit N                 at most N generations
  --remote                  list the account's tasks on Kling
  --page N                  with --remote: page number (default 1)
  --page-size N             with --remote: tasks per page (default 30, at most ${LIMITS.listPage.sizeMax})
${CONNECTION_HELP}
${COMMON_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...CONNECTION_OPTIONS,
  limit: { type: 'string' },
  remote: { type: 'boolean' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
} as const;

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

export async function listCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseFlags(argv, OPTIONS);
  if (values.help) {
    line(io.stdout, LIST_USAGE);
    return EXIT.ok;
  }
  const root = libraryRoot(values.library, io);
  const library = new Library({ root });
  const { items, problems } = await library.list();
  for (const p of problems) line(io.stderr, `warning: ${p.folder}: ${p.message} (skipped)`);

  if (!values.remote) {
    const limit = integer('limit', values.limit, Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER);
    const shown = items.slice(0, limit);
    if (values.json) line(io.stdout, JSON.stringify(shown, null, 2));
    else if (shown.length === 0) line(io.stderr, `The library at ${root} is empty.`);
    else for (const record of shown) line(io.stdout, listLine(root, record));
    return EXIT.ok;
  }

  const page = integer('page', values.page, 1, LIMITS.listPage.numMin, LIMITS.listPage.numMax);
  const size = integer('page-size', values['page-size'], 30, LIMITS.listPage.sizeMin, LIMITS.listPage.sizeMax);
  const remote = readRemote(values, io.env);
  const tasks = await withProvider(remote, io, {}, ({ provider }) => provider.client.listTasks(page, size));
  const known = new Set(items.flatMap((r) => [r.taskId, r.externalTaskId]).filter(Boolean));
  if (values.json) line(io.stdout, JSON.stringify(tasks, null, 2));
  else if (tasks.length === 0) line(io.stderr, 'The account has no tasks on this page.');
  else {
    for (const task of tasks) {
      const external = task.task_info?.external_task_id;
      line(io.stdout, remoteTaskLine(task, known.has(task.task_id) || (external !== undefined && known.has(external))));
    }
  }
  return EXIT.ok;
}
