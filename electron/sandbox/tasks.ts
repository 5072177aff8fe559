// Tasks per account and their life cycle. A task's status is computed from the clock on every read
// (submitted → processing → succeed | failed), so there are no timers to leak and an injected clock drives it exactly.
import { randomUUID } from 'node:crypto';
import type { TaskData, TaskStatus } from '../../shared/kling/wire';
import { KlingError, invalidParam } from './envelope';
import type { ResultUrls } from './results';
import type { SandboxTask, SandboxTiming } from './types';
import type { AcceptedCreate } from './validate-create';

interface StoredTask {
  taskId: string;
  account: string;
  accepted: AcceptedCreate;
  body: Record<string, unknown>;
  createdAt: number;
  failureMessage?: string;
}

const IN_FLIGHT: readonly TaskStatus[] = ['submitted', 'processing'];

/**
 * Credits charged, as the string Kling sends. Our choice (the real price list varies by model): std = 1 unit and
 * pro = 2 units per 5 seconds, so std 5 s "1", pro 5 s "2", std 10 s "2", pro 10 s "4". A failed task costs "0".
 * While a task is in flight the field is left out: nothing has been charged yet.
 */
export function unitsFor(mode: string, duration: string): string {
  return String((mode === 'pro' ? 2 : 1) * (duration === '10' ? 2 : 1));
}

export class TaskStore {
  private readonly tasks: StoredTask[] = [];
  private nextFailure: string | undefined;

  constructor(
    private readonly timing: SandboxTiming,
    private readonly parallelLimit: number,
    private readonly results: ResultUrls,
    /** Keep create bodies for inspection (tests); off where the sandbox runs for real. */
    private readonly keepBodies = true,
  ) {}

  failNext(message: string): void {
    this.nextFailure = message;
  }

  private statusAt(task: StoredTask, now: number): { status: TaskStatus; updatedAt: number } {
    const processingAt = task.createdAt + this.timing.submittedMs;
    const doneAt = processingAt + this.timing.processingMs;
    if (now < processingAt) return { status: 'submitted', updatedAt: task.createdAt };
    if (now < doneAt) return { status: 'processing', updatedAt: processingAt };
    return { status: task.failureMessage === undefined ? 'succeed' : 'failed', updatedAt: doneAt };
  }

  create(account: string, accepted: AcceptedCreate, body: Record<string, unknown>, now: number): StoredTask {
    const own = this.tasks.filter((t) => t.account === account);
    if (accepted.externalTaskId !== undefined && own.some((t) => t.accepted.externalTaskId === accepted.externalTaskId)) {
      throw invalidParam('external_task_id', `"${accepted.externalTaskId}" already exists in this account`);
    }
    const inFlight = own.filter((t) => IN_FLIGHT.includes(this.statusAt(t, now).status)).length;
    if (inFlight >= this.parallelLimit) {
      throw new KlingError(1303, `parallel task limit reached: ${inFlight} of ${this.parallelLimit} tasks in flight`);
    }
    const task: StoredTask = { taskId: randomUUID(), account, accepted, body: this.keepBodies ? body : {}, createdAt: now };
    const failure = this.nextFailure ?? accepted.deferredFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) task.failureMessage = failure;
    this.tasks.push(task);
    return task;
  }

  /** By task_id first, then by external_task_id, within the account only. */
  find(account: string, id: string): StoredTask | undefined {
    const own = this.tasks.filter((t) => t.account === account);
    return own.find((t) => t.taskId === id) ?? own.find((t) => t.accepted.externalTaskId === id);
  }

  /** Newest first, as a history list is read. */
  list(account: string, pageNum: number, pageSize: number): StoredTask[] {
    const own = this.tasks.filter((t) => t.account === account).reverse();
    return own.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  }

  toWire(task: StoredTask, now: number): TaskData {
    const { status, updatedAt } = this.statusAt(task, now);
    const data: TaskData = {
      task_id: task.taskId,
      task_status: status,
      task_info: task.accepted.externalTaskId === undefined ? {} : { external_task_id: task.accepted.externalTaskId },
      created_at: task.createdAt,
      updated_at: updatedAt,
    };
    if (status === 'failed') {
      data.task_status_msg = task.failureMessage ?? 'failed';
      data.final_unit_deduction = '0';
    }
    if (status === 'succeed') {
      data.final_unit_deduction = unitsFor(task.accepted.mode, task.accepted.duration);
      data.task_result = {
        videos: [{ id: `${task.taskId}-0`, url: this.results.urlFor(task.taskId, now), duration: task.accepted.duration }],
      };
    }
    return data;
  }

  snapshot(now: number): SandboxTask[] {
    return this.tasks.map((t) => {
      const s: SandboxTask = {
        taskId: t.taskId,
        account: t.account,
        effectiveModel: t.accepted.effectiveModel,
        mode: t.accepted.mode,
        duration: t.accepted.duration,
        createdAt: t.createdAt,
        status: this.statusAt(t, now).status,
        body: t.body,
      };
      if (t.accepted.externalTaskId !== undefined) s.externalTaskId = t.accepted.externalTaskId;
      if (t.accepted.ignoredModelField !== undefined) s.ignoredModelField = t.accepted.ignoredModelField;
      if (t.failureMessage !== undefined) s.failureMessage = t.failureMessage;
      return s;
    });
  }
}
