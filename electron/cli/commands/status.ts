// `kling status ID`: one generation from the library (by its id, Kling's task id or our external id) and, when a
// credential is given, what Kling says about the task now.
import type { TaskData } from '../../../shared/kling/wire';
import type { GenerationRecord } from '../../../shared/library/generation';
import { KlingApiError } from '../../kling/errors';
import { Library } from '../../library/library';
import { libraryRoot, readRemote, withProvider } from '../context';
import { describeError, EXIT, exitCodeForError, UsageError, type ExitCode } from '../exit-codes';
import { recordDetails, remoteTaskDetails } from '../format';
import { line, type CliIo } from '../io';
import { COMMON_HELP, COMMON_OPTIONS, CONNECTION_HELP, CONNECTION_OPTIONS, parseFlags } from '../options';

export const STATUS_USAGE = `Usage: npm run kling -- status ID [options]

Show one generation: ID is its id in the library, Kling's task id, or its external_task_id. With a credential
(flags or environment), Kling is asked about the task too. Exit 0 when it is found (whatever its state), 2 when
neither the library nor Kling knows it.
${CONNECTION_HELP}
${COMMON_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, ...CONNECTION_OPTIONS } as const;

export async function findRecord(library: Library, id: string): Promise<GenerationRecord | undefined> {
  const { items } = await library.list();
  return items.find((r) => r.id === id) ?? items.find((r) => r.taskId === id || r.externalTaskId === id);
}

type Remote = { task: TaskData } | { missing: true } | { error: unknown };

export async function statusCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseFlags(argv, OPTIONS, true);
  if (values.help) {
    line(io.stdout, STATUS_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('status takes exactly one ID');
  const id = positionals[0];
  const remote = readRemote(values, io.env);
  const root = libraryRoot(values.library, io);
  const record = await findRecord(new Library({ root }), id);

  // The built-in simulator starts empty, so it cannot know any task: only a real credential is worth asking.
  let answer: Remote | undefined;
  if (remote.credential && remote.connection.kind !== 'sandbox') {
    answer = await withProvider(remote, io, {}, async ({ provider }): Promise<Remote> => {
      try {
        return { task: await provider.client.getTask(record?.taskId ?? record?.externalTaskId ?? id) };
      } catch (error) {
        if (error instanceof KlingApiError && (error.code === 1203 || error.httpStatus === 404)) return { missing: true };
        return { error };
      }
    });
  }
  const task = answer && 'task' in answer ? answer.task : undefined;

  if (values.json) line(io.stdout, JSON.stringify({ local: record ?? null, remote: task ?? null }, null, 2));
  else {
    if (record) for (const row of recordDetails(root, record)) line(io.stdout, row);
    if (task) for (const row of remoteTaskDetails(task)) line(io.stdout, row);
  }
  if (!record) line(io.stderr, `${id}: not in the library at ${root}`);
  if (answer && 'missing' in answer) line(io.stderr, `${id}: Kling does not know this task`);
  if (answer && 'error' in answer) {
    line(io.stderr, `Could not ask Kling: ${describeError(answer.error)}`);
    return exitCodeForError(answer.error);
  }
  if (!record && !task) {
    if (!answer) line(io.stderr, 'Give a credential to ask Kling as well (see --help).');
    return EXIT.usage;
  }
  return EXIT.ok;
}
