// `kling test-connection`: the cheapest authenticated call (one task of the list, which costs no credits), as the
// app's Settings does it.
import { readRemote, withProvider } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { line, type CliIo } from '../io';
import { COMMON_OPTIONS, CONNECTION_HELP, CONNECTION_OPTIONS, parseFlags } from '../options';

export const TEST_CONNECTION_USAGE = `Usage: npm run kling -- test-connection [options]

Check that the base URL answers and accepts the credential. Exit 0 when it does, 3 when Kling refuses
(the reason is printed), 5 when it cannot be reached.
${CONNECTION_HELP}
  --json                    print {ok, baseUrl, latencyMs} on stdout`;

const { library: _library, ...OUTPUT_OPTIONS } = COMMON_OPTIONS;
const OPTIONS = { ...OUTPUT_OPTIONS, ...CONNECTION_OPTIONS } as const;

export async function testConnectionCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseFlags(argv, OPTIONS);
  if (values.help) {
    line(io.stdout, TEST_CONNECTION_USAGE);
    return EXIT.ok;
  }
  const remote = readRemote(values, io.env);
  return withProvider(remote, io, {}, async ({ provider }) => {
    const started = Date.now();
    await provider.client.listTasks(1, 1);
    const latencyMs = Date.now() - started;
    if (values.json) line(io.stdout, JSON.stringify({ ok: true, baseUrl: provider.baseUrl, kind: provider.kind, latencyMs }));
    else line(io.stdout, `Connected to ${provider.baseUrl} (${provider.kind}) in ${latencyMs} ms.`);
    return EXIT.ok;
  });
}
