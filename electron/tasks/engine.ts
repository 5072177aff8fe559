// The task engine: takes a generation recorded on disk to a clip on disk. Every step is written to the record
// before the next one starts, so a new engine over the same library can pick up wherever an old one stopped.
// No duplicate tasks: every create carries the record's external_task_id, and an unknown outcome is resolved by
// querying that id before anything is sent again.
import { join } from 'node:path';
import type { Library } from '../library/library';
import { lockGeneration } from '../library/lock';
import { writeFileAtomic } from '../library/atomic-write';
import { KlingApiError, KlingTransportError } from '../kling/errors';
import { buildCreateBody } from '../../shared/kling/request';
import type { TaskData } from '../../shared/kling/wire';
import { isFinished, type GenerationRecord } from '../../shared/library/generation';
import { applyTask, RESULT_FILE } from '../../shared/library/apply-task';
import { REQUEST_FILE, requestFileText } from '../../shared/library/request-record';
import { delayFor } from './backoff';
import { DownloadInterruptedError, downloadFile, ExpiredUrlError } from './download';
import { providerRef, type ActiveProvider } from './provider';
import { requestFromRecord } from './request-from-record';
import { Slots } from './slots';

export interface EngineDeps {
  library: Library;
  /** The provider for a record: by profile id, or (for records made elsewhere, e.g. by the CLI) by what it names. */
  providerFor(id: string, named?: GenerationRecord['provider']): ActiveProvider | undefined;
  onChange(record: GenerationRecord): void;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): Date;
  /**
   * Whether a clip Kling has just finished is downloaded at once (Settings ▸ Generations); when not, the generation
   * ends as succeeded with its clip left on Kling (30 days) until the person asks for it (Re-download). A generation
   * already downloading (asked for, or cut short by a quit) is always finished. Always, when left out.
   */
  autoDownload?(): boolean;
  log?(message: string): void;
}

export interface TaskEngine {
  /** Take a `submitting` (or unfinished) generation to its end, in the background. */
  start(id: string): void;
  /** Start every unfinished generation in the library; called at start-up. */
  resume(): Promise<number>;
  /** Resolves when every generation currently followed has stopped moving. */
  idle(): Promise<void>;
  /**
   * Cancel a generation that Kling has not seen yet (waiting for a slot, or refused for now with 1303). Kling has no
   * cancel, so once a create may have reached it the generation runs to its end: that refusal is a CancelRefused.
   */
  cancel(id: string): Promise<GenerationRecord>;
  /**
   * Stop following a generation Kling will not report on, whatever its state: it ends as 'given-up' and stays in the
   * library. Its task may still run, and be charged, on Kling: the person is told so before asking for this.
   */
  giveUp(id: string): Promise<GenerationRecord>;
  /** Stop following (for shutdown); records stay as they are on disk, to be resumed. */
  stop(): void;
  /** A profile's cap on tasks in flight changed: generations waiting for a slot may go now. */
  capacityChanged(): void;
}

export class CancelRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CancelRefused';
  }
}

const MAX_RETRIES = 8;
const MAX_DOWNLOAD_ATTEMPTS = 6;
const LOCK_RECHECK_MS = 15_000;

class Stopped extends Error {}
class Cancelled extends Error {}

export function createTaskEngine(deps: EngineDeps): TaskEngine {
  const running = new Map<string, Promise<void>>();
  const cancellers = new Map<string, AbortController>();
  /** Generations whose create may have reached Kling (sent, outcome not yet known to be "nothing made"). */
  const maybeOnKling = new Set<string>();
  /**
   * Generations for which every create ever sent was answered by Kling with an error code, so no task can exist:
   * the only ones that may be cancelled after a create was sent. A create that went unanswered (a reset, a timeout,
   * a crash: an earlier run's `submittedAt`) takes a generation out for good. A lookup that finds nothing is no proof:
   * Kling's lookups can lag behind its creates.
   */
  const everyCreateAnswered = new Set<string>();
  /** Generations whose lock this engine holds (a job waiting for another process's lock does not). */
  const held = new Set<string>();
  const slots = new Map<string, Slots>();
  let stopped = false;

  const slotsFor = (provider: ActiveProvider) => {
    let s = slots.get(provider.id);
    if (!s) {
      s = new Slots(() => deps.providerFor(provider.id)?.concurrency ?? provider.concurrency);
      slots.set(provider.id, s);
    }
    return s;
  };

  const save = async (id: string, change: (r: GenerationRecord) => void): Promise<GenerationRecord> => {
    const record = await deps.library.update(id, (r) => {
      // Given up by the person (in this process or another): the engine writes nothing more to it, ever.
      if (r.status === 'given-up') throw new Cancelled();
      change(r);
    });
    deps.onChange(record);
    return record;
  };

  /** Sleep, cut short when the generation is cancelled or given up: they wait for its job to stop, which must not
   * take a whole backoff (or, while Kling keeps failing, for ever). */
  const sleepUnless = (ms: number, signal: AbortSignal | undefined) =>
    signal
      ? new Promise<void>((resolve) => {
          const done = () => {
            signal.removeEventListener('abort', done);
            resolve();
          };
          signal.addEventListener('abort', done);
          void deps.sleep(ms).then(done);
        })
      : deps.sleep(ms);

  const pause = async (ms: number, id?: string) => {
    if (stopped) throw new Stopped();
    if (id && cancellers.get(id)?.signal.aborted) throw new Cancelled();
    await sleepUnless(ms, id ? cancellers.get(id)?.signal : undefined);
    if (stopped) throw new Stopped();
    if (id && cancellers.get(id)?.signal.aborted) throw new Cancelled();
  };

  const fail = (id: string, error: unknown) =>
    save(id, (r) => {
      r.status = 'failed';
      r.timings.finishedAt = deps.now().toISOString();
      r.error =
        error instanceof KlingApiError
          ? { code: error.code, message: error.row?.userMessage ?? `Kling error ${error.code}`, detail: error.serverMessage }
          : { message: (error as Error).message };
    });

  /**
   * Kling refused to tell us about a task that may exist (revoked key, account problem, …): failing the record would
   * lose a task that runs and is charged. Say so on the record and keep asking.
   */
  const note = (id: string, error: unknown) =>
    save(id, (r) => {
      r.error =
        error instanceof KlingApiError
          ? {
              code: error.code,
              message: `${error.row?.userMessage ?? `Kling answered with code ${error.code}.`} Still asking about this task.`,
              detail: error.serverMessage,
            }
          : { message: `${(error as Error).message}. Still trying.` };
    });

  /** Adopt what Kling says about the task into the record. */
  const adopt = (id: string, task: TaskData) => save(id, (r) => applyTask(r, task, deps.now().toISOString()));

  /** Ask Kling for the task by our own id; undefined when it has never heard of it. */
  const lookUp = async (provider: ActiveProvider, record: GenerationRecord): Promise<TaskData | undefined> => {
    try {
      return await provider.client.getTask(record.externalTaskId);
    } catch (error) {
      if (error instanceof KlingApiError && (error.code === 1203 || error.httpStatus === 404)) return undefined;
      throw error;
    }
  };

  /** Look the task up until Kling gives an answer (found or not); network trouble and refusals only delay it. */
  async function lookUpPatiently(provider: ActiveProvider, record: GenerationRecord): Promise<TaskData | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await lookUp(provider, record);
      } catch (error) {
        if (error instanceof KlingApiError && !error.retryable) await note(record.id, error);
        await pause(delayFor(provider.retry, attempt, deps.random), record.id);
      }
    }
  }

  async function submit(provider: ActiveProvider, record: GenerationRecord): Promise<GenerationRecord> {
    const folder = deps.library.folderPath(record);
    const body = buildCreateBody(await requestFromRecord(folder, record), provider.wire);
    // Before anything is sent: the folder then says what may have reached Kling even if this process dies mid-create.
    // Written again by a resumed submit; the body is rebuilt from the same files and settings, so it is the same.
    await writeFileAtomic(join(folder, REQUEST_FILE), requestFileText(body, record.inputs));
    let outcomeUnknown = record.timings.submittedAt !== undefined; // an earlier run may have sent it
    let sentBefore = outcomeUnknown; // some earlier create, answered or not, carried our external_task_id
    let queuedWaits = 0;
    for (let attempt = 0; ; attempt += 1) {
      // Only an answer to the create itself tells whether it made a task; an error from the lookup does not.
      let creating = false;
      try {
        if (outcomeUnknown) {
          const existing = await lookUp(provider, record);
          if (existing) return await adopt(record.id, existing);
          outcomeUnknown = false; // Kling has never heard of our id: the earlier create made nothing
        }
        // From here the create may reach Kling, so it can no longer be cancelled (checked before any await).
        if (cancellers.get(record.id)?.signal.aborted) throw new Cancelled();
        maybeOnKling.add(record.id);
        record = await save(record.id, (r) => {
          // Cancelled from another process (the app while the command line drives it, or the reverse)? Checked in
          // the same update that records the send, so nothing can slip in between.
          if (r.status === 'cancelled') throw new Cancelled();
          r.timings.submittedAt = deps.now().toISOString();
          if (r.status === 'queued') r.status = 'submitting';
        });
        outcomeUnknown = true;
        creating = true;
        const task = await provider.client.createTask(body);
        return await adopt(record.id, task);
      } catch (error) {
        const duplicateSuspect = creating && sentBefore;
        if (creating) sentBefore = true;
        if (error instanceof Stopped || error instanceof Cancelled) throw error;
        // Kling answered the create with an error code: that create made nothing. (Before, a retryable code answered
        // to the *lookup* also cleared this, so the next attempt sent a second create for a task that existed.)
        if (creating && error instanceof KlingApiError) outcomeUnknown = false;
        if (creating && !(error instanceof KlingApiError)) everyCreateAnswered.delete(record.id);
        if (!outcomeUnknown && everyCreateAnswered.has(record.id)) maybeOnKling.delete(record.id);
        if (error instanceof KlingApiError && error.row?.action === 'queue') {
          // Nothing was created: wait for a slot on Kling's side without counting it against the retries.
          record = await save(record.id, (r) => void (r.status = 'queued'));
          // Its own counter, so the wait grows while Kling stays full (the retry count must not, it is not a failure).
          await pause(delayFor(provider.retry, Math.min(queuedWaits++, 5), deps.random), record.id);
          attempt -= 1;
          continue;
        }
        if (error instanceof KlingApiError && !error.retryable) {
          if (!creating && outcomeUnknown) {
            // The *lookup* was refused (e.g. a revoked key): the task may still exist, so it must not be failed.
            await note(record.id, error);
            await pause(delayFor(provider.retry, attempt, deps.random), record.id);
            continue;
          }
          // A refusal of a create that was sent before may be Kling rejecting our duplicate external_task_id: find
          // out, however long the lookup takes, before calling the generation failed.
          const existing = duplicateSuspect ? await lookUpPatiently(provider, record) : undefined;
          if (existing) return adopt(record.id, existing);
          return fail(record.id, error);
        }
        const retryable = error instanceof KlingTransportError || (error instanceof KlingApiError && error.retryable);
        // While the outcome is unknown the task may exist on Kling: giving up would lose it (it runs and is charged
        // with no record following it), and creating again could duplicate it. Keep looking, at the capped backoff.
        if (!retryable || (attempt >= MAX_RETRIES && !outcomeUnknown)) return fail(record.id, error);
        deps.log?.(`create ${record.id}: ${(error as Error).message}; retrying`);
        await pause(delayFor(provider.retry, attempt, deps.random), record.id);
      }
    }
  }

  async function follow(provider: ActiveProvider, record: GenerationRecord): Promise<GenerationRecord> {
    let failures = 0;
    for (let poll = 0; record.status === 'submitted' || record.status === 'processing'; poll += 1) {
      await pause(delayFor(provider.poll, poll, deps.random), record.id);
      try {
        const task = await provider.client.getTask(record.taskId ?? record.externalTaskId);
        failures = 0;
        if (task.task_status !== record.status) {
          record = await adopt(record.id, task);
        } else if (record.error) {
          // Kling answers again: the note about earlier trouble no longer holds.
          record = await save(record.id, (r) => void delete r.error);
        }
      } catch (error) {
        if (error instanceof Stopped) throw error;
        const retryable = error instanceof KlingTransportError || (error instanceof KlingApiError && error.retryable);
        // The task exists and runs on Kling whatever our network or our credential does: marking it failed would lose
        // a clip that is made and charged. Only Kling's own `failed` ends it; keep asking at the capped backoff, and
        // say on the record why it is taking long when Kling refuses to answer (revoked key, account problem, …).
        if (!retryable) await note(record.id, error);
        failures += 1;
        await pause(delayFor(provider.retry, failures, deps.random), record.id);
      }
    }
    return record;
  }

  async function download(provider: ActiveProvider, record: GenerationRecord): Promise<GenerationRecord> {
    const target = join(deps.library.folderPath(record), RESULT_FILE);
    let lastEmit = 0;
    // Which response the `.part` file came from. Kept here, not only re-read from disk: progress is saved without
    // waiting, so a retry that re-read the record could miss it and start over instead of resuming with Range.
    let validator = record.download?.validator;
    let failures = 0; // attempts that failed for a reason other than the network
    for (let attempt = 0; ; attempt += 1) {
      try {
        let url = record.result?.sourceUrl;
        if (!url) {
          record = await adopt(record.id, await provider.client.getTask(record.taskId ?? record.externalTaskId));
          url = record.result?.sourceUrl;
          if (!url) throw new Error('Kling reported success but gave no video URL');
        }
        const { bytes } = await downloadFile({
          url,
          target,
          fetch: deps.fetch,
          validator,
          onProgress: (p) => {
            validator = p.validator;
            const now = Date.now();
            const done = p.totalBytes !== undefined && p.receivedBytes >= p.totalBytes;
            // Progress goes to disk and the UI at most a few times a second, not once per network chunk.
            if (now - lastEmit < 250 && !done && p.receivedBytes !== 0) return;
            lastEmit = now;
            void save(record.id, (r) => {
              r.download = { receivedBytes: p.receivedBytes, totalBytes: p.totalBytes, validator: p.validator };
            });
          },
        });
        return await save(record.id, (r) => {
          r.status = 'succeed';
          r.result = { ...(r.result ?? { file: RESULT_FILE }), file: RESULT_FILE, bytes };
          r.timings.downloadedAt = r.timings.finishedAt = deps.now().toISOString();
          delete r.download;
          delete r.error;
        });
      } catch (error) {
        if (error instanceof Stopped) throw error;
        if (error instanceof ExpiredUrlError) {
          // Signed URLs expire: ask the task again for a fresh one.
          record = await save(record.id, (r) => {
            if (r.result) delete r.result.sourceUrl;
          });
        }
        // An outage (connection refused or cut, no answer to the query for a fresh URL) says nothing about the clip,
        // which Kling keeps for 30 days: failing the record over it would lose a clip that was made and charged.
        const interrupted = error instanceof DownloadInterruptedError || error instanceof KlingTransportError;
        if (!interrupted && ++failures > MAX_DOWNLOAD_ATTEMPTS) {
          // The clip is made and paid for: leave the record downloading, with the reason, to be tried again at the
          // next start rather than marking a paid clip failed.
          return save(record.id, (r) => {
            r.error = { message: `Could not download the clip: ${(error as Error).message}. It will be tried again at the next start.` };
          });
        }
        await pause(delayFor(provider.retry, attempt, deps.random), record.id);
        record = (await deps.library.get(record.id)) ?? record;
      }
    }
  }

  /**
   * Take the generation's lock; while another process (the command line, another app instance) drives it, say so on
   * the record and check again now and then, so the generation is picked up when that process lets go.
   */
  async function lockOrWait(id: string, folder: string): Promise<() => Promise<void>> {
    for (let attempt = 0; ; attempt += 1) {
      const unlock = await lockGeneration(folder);
      if (unlock) {
        held.add(id);
        return async () => {
          held.delete(id);
          await unlock();
        };
      }
      if (attempt === 0) {
        // The one write to a record another process drives: save() goes through the library's record lock, which that
        // process's writes take too, so neither write is lost.
        await save(id, (r) => void (r.error = { message: 'Being followed by another program (the command line?); shown here as it goes.' }));
      }
      await pause(LOCK_RECHECK_MS, id);
    }
  }

  async function run(id: string): Promise<void> {
    let record = await deps.library.get(id);
    if (!record || isFinished(record.status)) return;
    if (record.timings.submittedAt === undefined) everyCreateAnswered.add(id);
    // The lock first: notes below are writes, and a record driven by another process is that process's to write.
    const unlock = await lockOrWait(id, deps.library.folderPath(record));
    let release: (() => void) | undefined;
    try {
      record = (await deps.library.get(id)) ?? record;
      if (isFinished(record.status)) return;
      const downloadAsked = record.status === 'downloading';
      const provider = deps.providerFor(record.provider.id, record.provider);
      if (!provider) {
        // Failing it could lose a task that runs (and is charged) on Kling: wait until its profile is configured again.
        await save(id, (r) => {
          r.error = {
            message: `Waiting for the profile “${r.provider.label}”: add it in Settings (or resume from the command line) to finish this generation.`,
          };
        });
        return;
      }
      const sentBefore = record.taskId !== undefined || record.timings.submittedAt !== undefined;
      if (record.provider.account && record.provider.account !== provider.account) {
        if (sentBefore) {
          // Its task (maybe) lives on the account that sent it: another account would not find it and would create
          // it again, on the wrong bill.
          await save(id, (r) => {
            r.error = { message: `The profile “${provider.label}” now uses another account than the one that sent this generation. Restore that key to finish it.` };
          });
          return;
        }
        record = await save(id, (r) => void (r.provider = providerRef(provider)));
      }
      if (record.status === 'submitting' || record.status === 'queued' || record.status === 'submitted' || record.status === 'processing') {
        release = await slotsFor(provider).acquire(() => {
          if (record?.status === 'submitting') void save(id, (r) => void (r.status = 'queued'));
        }, cancellers.get(id)?.signal);
        // A slot handed over after stop() (by a job that stopped) must not start a create during shutdown.
        if (stopped) throw new Stopped();
      }
      if (!record.taskId) record = await submit(provider, record);
      record = await follow(provider, record);
      release?.();
      if (record.status === 'downloading' && !downloadAsked && deps.autoDownload?.() === false) {
        await save(id, (r) => {
          r.status = 'succeed';
          r.timings.finishedAt = deps.now().toISOString();
          delete r.download;
        });
      } else if (record.status === 'downloading') {
        await download(provider, record);
      }
    } finally {
      release?.();
      await unlock();
    }
  }

  return {
    start(id) {
      if (running.has(id) || stopped) return;
      cancellers.set(id, new AbortController());
      const job = run(id)
        .catch((error: unknown) => {
          if (error instanceof Stopped || error instanceof Cancelled) return;
          if (cancellers.get(id)?.signal.aborted) return;
          deps.log?.(`generation ${id}: ${(error as Error).stack ?? String(error)}`);
          // Something unexpected: a generation Kling may have (sent, or with a task id) gets a note and is tried again
          // at the next start; failing it could lose a paid task. One never sent can simply fail.
          return deps.library
            .get(id)
            .then((r) => (r && (r.taskId !== undefined || r.timings.submittedAt !== undefined) ? note(id, error) : fail(id, error)))
            .then(() => undefined);
        })
        .finally(() => {
          running.delete(id);
          cancellers.delete(id);
          maybeOnKling.delete(id);
          everyCreateAnswered.delete(id);
        });
      running.set(id, job);
    },
    async cancel(id) {
      const record = await deps.library.get(id);
      if (!record) throw new CancelRefused('That generation is no longer in the library.');
      if (isFinished(record.status)) throw new CancelRefused('That generation has already ended.');
      // Synchronous from here to the abort: the run cannot slip a create in between.
      const sent =
        record.taskId !== undefined ||
        maybeOnKling.has(id) ||
        (record.timings.submittedAt !== undefined && !everyCreateAnswered.has(id));
      if (sent) {
        throw new CancelRefused(
          record.taskId
            ? 'Kling already has this task and offers no way to cancel it; it will run to its end.'
            : 'The request is on its way to Kling right now, so it may already exist there. If Kling refuses it for now, you can cancel it then.',
        );
      }
      // Not followed here: another process may be driving it, and may be about to send it. Only its lock holder decides.
      const unlock = held.has(id) ? undefined : await lockGeneration(deps.library.folderPath(record));
      if (!held.has(id) && !unlock) {
        throw new CancelRefused('Another program (the command line?) is following this generation; cancel it there.');
      }
      try {
        cancellers.get(id)?.abort(new Cancelled());
        await save(id, (r) => {
          r.status = 'cancelled';
          r.timings.finishedAt = deps.now().toISOString();
          delete r.error;
        });
      } finally {
        await unlock?.();
      }
      await running.get(id)?.catch(() => undefined);
      // Read again: what the job wrote while it stopped is the truth, not the copy saved above.
      return (await deps.library.get(id)) ?? record;
    },
    async giveUp(id) {
      const record = await deps.library.get(id);
      if (!record) throw new CancelRefused('That generation is no longer in the library.');
      if (isFinished(record.status)) throw new CancelRefused('That generation has already ended.');
      cancellers.get(id)?.abort(new Cancelled());
      const updated = await deps.library.update(id, (r) => {
        if (isFinished(r.status)) return; // it ended meanwhile: nothing to give up
        r.status = 'given-up';
        r.timings.finishedAt = deps.now().toISOString();
        r.error = {
          message: r.taskId
            ? 'Given up: no longer followed. Kling may still finish this task and charge for it.'
            : 'Given up: no longer followed. If the request reached Kling, it may still run and be charged.',
        };
      });
      deps.onChange(updated);
      await running.get(id)?.catch(() => undefined);
      return (await deps.library.get(id)) ?? updated;
    },
    async resume() {
      // From the index: with 10,000 generations only the few unfinished records are read (by their jobs).
      const unfinished = await deps.library.unfinished(); // oldest first
      for (const id of unfinished) this.start(id);
      return unfinished.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    stop() {
      stopped = true;
    },
    capacityChanged() {
      for (const s of slots.values()) s.recheck();
    },
  };
}
