// Queued faults: each matches a method and path prefix and is used up after `times` hits. The first matching fault
// in queue order applies to a request; a request hits at most one fault, so tests can line up "fail, then succeed".
import { GATEWAY_PREFIX } from '../../shared/kling/wire';
import type { Fault } from './types';

interface Queued {
  fault: Fault;
  left: number;
}

export class FaultQueue {
  private queue: Queued[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault.times must be a positive integer, got ${times}`);
    this.queue.push({ fault, left: times });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): readonly Fault[] {
    return this.queue.map((q) => ({ ...q.fault, times: q.left }));
  }

  /** Takes one hit of the first fault matching the request, or undefined. */
  take(method: string, path: string): Fault | undefined {
    const bare = path.startsWith(`${GATEWAY_PREFIX}/`) ? path.slice(GATEWAY_PREFIX.length) : path;
    const index = this.queue.findIndex(({ fault }) => {
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
      if (fault.pathPrefix === undefined) return true;
      return path.startsWith(fault.pathPrefix) || bare.startsWith(fault.pathPrefix);
    });
    const hit = this.queue[index];
    if (hit === undefined) return undefined;
    hit.left -= 1;
    if (hit.left === 0) this.queue.splice(index, 1);
    return hit.fault;
  }
}
