// What the command line needs from the outside world, passed in so tests run `runCli` in-process.
import type { SandboxTiming } from '../sandbox/types';
import type { ActiveProvider } from '../tasks/provider';

export interface Writer {
  write(text: string): unknown;
}

export interface CliIo {
  /** Results: paths, tables, JSON. */
  stdout: Writer;
  /** Progress, warnings, problems, reasons for failure. */
  stderr: Writer;
  env: Record<string, string | undefined>;
  /** Every request to Kling and every download goes through this; the global fetch by default. */
  fetch?: typeof fetch;
  /** Aborted on Ctrl+C: the engine stops cleanly and records stay on disk for `resume`. */
  signal?: AbortSignal;
  /**
   * For tests only, never set by main.ts: adjust the provider built from the flags (e.g. poll a loopback simulator
   * every few milliseconds instead of Kling's polite seconds). The flags still decide URL, auth and wire format.
   */
  tuneProvider?: (provider: ActiveProvider) => ActiveProvider;
  /** For tests only: timing of the built-in simulator that `--sandbox` starts. */
  sandboxTiming?: SandboxTiming;
}

export const line = (writer: Writer, text = ''): void => void writer.write(`${text}\n`);
