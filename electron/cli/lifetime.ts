// How a command ends early: Ctrl+C (the io's signal) or --timeout. Either way the engine is told to stop first, then
// every wait and every request in flight is cut, so the engine unwinds at once and leaves each record on disk as it
// was, for `resume`. Nothing here decides exit codes; callers ask `endedBy()`.

/** `detached`: the command chose to stop following (generate --no-wait once the task is accepted). */
export type EndReason = 'interrupted' | 'timeout' | 'detached';

export interface Lifetime {
  /** The fetch to give the client and the engine: aborted when the command ends early. */
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  /** Called (once) before requests are cut, e.g. `engine.stop()`. */
  onEnd(callback: () => void): void;
  /** Stop now: callbacks first, then every wait and request in flight. */
  end(reason: EndReason): void;
  endedBy(): EndReason | undefined;
  dispose(): void;
}

export function createLifetime(options: { signal?: AbortSignal; fetch: typeof fetch; timeoutMs?: number }): Lifetime {
  const controller = new AbortController();
  const callbacks: (() => void)[] = [];
  let reason: EndReason | undefined;

  const end = (why: EndReason) => {
    if (reason) return;
    reason = why;
    for (const callback of callbacks) callback();
    controller.abort(new Error(`Stopped (${why})`));
  };
  const onAbort = () => end('interrupted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) end('interrupted');
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => end('timeout'), options.timeoutMs);
  timer?.unref?.();

  return {
    fetch: (input, init) =>
      options.fetch(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal,
      }),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (controller.signal.aborted) return resolve();
        const done = () => {
          clearTimeout(wait);
          controller.signal.removeEventListener('abort', done);
          resolve();
        };
        const wait = setTimeout(done, ms);
        controller.signal.addEventListener('abort', done, { once: true });
      }),
    onEnd(callback) {
      if (reason) callback();
      else callbacks.push(callback);
    },
    end,
    endedBy: () => reason,
    dispose() {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    },
  };
}
