// A per-profile cap on tasks in flight. Kling counts tasks from `submitted` until they end, per account, so we hold a
// slot from just before the create until the task finishes on Kling's side (the download does not hold one).

export class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly capacity: () => number) {}

  get inUse(): number {
    return this.used;
  }

  /** Wait for a slot; a waiter whose `signal` aborts leaves the queue (a cancelled generation) and the promise rejects. */
  async acquire(onWait?: () => void, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.used >= this.capacity()) {
      onWait?.();
      await new Promise<void>((resolve, reject) => {
        const waiter = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
        this.waiting.push(waiter);
      });
    } else {
      this.used += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, so the count never dips and lets a newcomer jump the queue.
      if (next) next();
      else this.used -= 1;
    };
  }

  /** The cap may have been raised (Settings): let waiters in up to it, in the order they came. */
  recheck(): void {
    while (this.used < this.capacity() && this.waiting.length > 0) {
      this.used += 1;
      this.waiting.shift()?.();
    }
  }
}
