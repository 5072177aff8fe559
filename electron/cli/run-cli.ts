// The command line as a function: argv and an io in, an exit code out. main.ts only wires it to the process, and
// tests call it in-process against a loopback simulator.
import { generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { resumeCommand } from './commands/resume';
import { statusCommand } from './commands/status';
import { testConnectionCommand } from './commands/test-connection';
import { describeError, EXIT, exitCodeForError, UsageError, type ExitCode } from './exit-codes';
import { line, type CliIo } from './io';

export type { CliIo } from './io';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<ExitCode>> = {
  generate: generateCommand,
  resume: resumeCommand,
  status: statusCommand,
  list: listCommand,
  import: importCommand,
  'test-connection': testConnectionCommand,
};

export const USAGE = `Usage: npm run kling -- <command> [options]

Kling Studio from the command line: the same library as the app (its gallery shows what you make here).

Commands:
  generate          make a video from a start frame and save it in the library (--dry-run: print the body only)
  resume            finish the unfinished generations this command line started
  status ID         one generation (library id, task id or external id); with a credential, Kling's view too
  list              the library, newest first (--remote: the account's tasks on Kling)
  import            bring the account's tasks into the library and download their clips
  test-connection   check the base URL and the credential

Try it offline: npm run kling -- generate --sandbox --image photo.jpg --prompt "waves roll in"
Real Kling: set KLING_API_KEY (or KLING_ACCESS_KEY + KLING_SECRET_KEY, or --gateway with KLING_GATEWAY_TOKEN).
Each command has --help.

Exit codes:
  0  done (generate: the clip is saved; with --no-wait: Kling accepted the task)
  1  unexpected error
  2  invalid input or usage: every problem is printed as "field: message"; no credential; unknown ID
  3  refused by Kling: authentication, credits, permission, policy (the reason and Kling's message are printed)
  4  the task failed on Kling (Kling's task_status_msg is printed)
  5  interrupted (Ctrl+C or --timeout) or the network gave up; the generation stays in the library for resume

Progress goes to stderr, results (paths, tables, --json) to stdout.`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    line(command === undefined ? io.stderr : io.stdout, USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    line(io.stderr, `Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. See npm run kling -- --help`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    const code = exitCodeForError(error);
    if (error instanceof UsageError) {
      line(io.stderr, `${error.message}\n(see npm run kling -- ${command} --help)`);
    } else if (code === EXIT.unexpected) {
      line(io.stderr, `Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    } else {
      line(io.stderr, describeError(error));
    }
    return code;
  }
}
