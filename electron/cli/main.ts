// `npm run kling -- <command>`: the process around runCli. Ctrl+C asks the engine to stop cleanly (records stay on
// disk for `resume`); a second Ctrl+C quits at once.
import { runCli } from './run-cli';
import { EXIT } from './exit-codes';

const controller = new AbortController();
let signals = 0;
const onSignal = (): void => {
  signals += 1;
  if (signals > 1) process.exit(EXIT.interrupted);
  process.stderr.write('\nStopping… (Ctrl+C again to quit at once)\n');
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT.unexpected;
  },
);
