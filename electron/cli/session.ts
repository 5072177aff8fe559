// One command's working set: the library folder, the provider, and a task engine over both (the same engine the app
// runs), with progress on stderr and a clean stop when the command ends early.
import type { GenerationRecord } from '../../shared/library/generation';
import { Library } from '../library/library';
import { createTaskEngine, type TaskEngine } from '../tasks/engine';
import type { ActiveProvider } from '../tasks/provider';
import { line, type Writer } from './io';
import type { Lifetime } from './lifetime';
import { createProgressReporter } from './progress';
import { reaches } from '../tasks/provider';

export interface Session {
  library: Library;
  engine: TaskEngine;
  provider: ActiveProvider;
  /** Called with every record the engine saves; returns an unsubscribe function. */
  watch(listener: (record: GenerationRecord) => void): () => void;
  /** Run until every started generation has stopped moving (or the command ends early). */
  settle(): Promise<void>;
}

export function openSession(options: { libraryRoot: string; provider: ActiveProvider; lifetime: Lifetime; stderr: Writer }): Session {
  const { lifetime } = options;
  const library = new Library({ root: options.libraryRoot });
  const provider = options.provider;
  const listeners = new Set<(record: GenerationRecord) => void>();
  const report = createProgressReporter(options.stderr);
  const engine = createTaskEngine({
    library,
    providerFor: (id, named) => ((named ? reaches(provider, named) : id === provider.id) ? provider : undefined),
    onChange: (record) => {
      report(record);
      for (const listener of listeners) listener(record);
    },
    fetch: lifetime.fetch,
    sleep: lifetime.sleep,
    random: Math.random,
    now: () => new Date(),
    log: (message) => line(options.stderr, `note: ${message}`),
  });
  lifetime.onEnd(() => engine.stop());

  return {
    library,
    engine,
    provider,
    watch(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    settle: () => engine.idle(),
  };
}
