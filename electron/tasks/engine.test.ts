// The engine's create path against the real sandbox over loopback: the happy path, and every fault a create can meet
// (resets before and after processing, retryable and queueing codes, refusals, a body that is not JSON). Whatever
// happens, the sandbox ends up with at most one task per generation and the record says how it ended.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KLING_ERRORS } from '../../shared/kling/errors';
import { API_PATH, type CreateTaskBody } from '../../shared/kling/wire';
import type { GenerationRecord, GenerationView } from '../../shared/library/generation';
import { CLIP_PATH } from '../sandbox/test-helpers';
import {
  START_FRAME,
  creates,
  downloads,
  folderFiles,
  isCreate,
  makeRig,
  readRecordFile,
  readRecordFromDisk,
  readResult,
  runOne,
  servicesOver,
  startWorld,
  type World,
} from './engine-harness';

const CLIP = readFileSync(CLIP_PATH);
const userMessage = (code: number) => KLING_ERRORS.find((r) => r.code === code)?.userMessage;

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.close());

/** The generation succeeded with exactly the sample clip, from exactly one task on the sandbox. */
async function expectOneTaskAndTheClip(record: GenerationRecord): Promise<void> {
  expect(record.status).toBe('succeed');
  expect(record.error).toBeUndefined();
  const tasks = world.server.tasks();
  expect(tasks).toHaveLength(1);
  expect(tasks[0]?.externalTaskId).toBe(record.externalTaskId);
  expect(record.taskId).toBe(tasks[0]?.taskId);
  expect((await readResult(world.root, record)).equals(CLIP)).toBe(true);
  expect(record.result?.bytes).toBe(CLIP.length);
  expect(await folderFiles(world.root, record)).toEqual(['generation.json', 'request.json', 'result.mp4', 'start.png']);
}

describe('happy path', () => {
  it('submits, follows and downloads; the external_task_id was on disk before the create was sent', async () => {
    const onDiskAtCreate: GenerationRecord[] = [];
    const sentBodies: CreateTaskBody[] = [];
    const watch: typeof fetch = async (input, init) => {
      if (isCreate(input, init)) {
        const [folder] = await readdir(world.root);
        onDiskAtCreate.push(await readRecordFile(world.root, folder!));
        sentBodies.push(JSON.parse(String(init?.body)) as CreateTaskBody);
      }
      return fetch(input, init);
    };
    const rig = makeRig(world, { fetch: watch });
    const record = await runOne(rig);

    await expectOneTaskAndTheClip(record);
    expect(record.creditsCharged).toBe('1'); // std 5 s in the sandbox's price list
    expect(rig.seen.get(record.id)).toEqual(['submitting', 'submitted', 'processing', 'downloading', 'succeed']);
    expect(creates(world.server)).toHaveLength(1);
    expect(sentBodies[0]?.external_task_id).toBe(record.externalTaskId);
    expect(sentBodies[0]?.model_name).toBe('kling-v1');
    expect(onDiskAtCreate[0]?.externalTaskId).toBe(record.externalTaskId);
    expect(onDiskAtCreate[0]?.status).toBe('submitting');
    expect(onDiskAtCreate[0]?.timings.submittedAt).toBeDefined();
    expect(record.timings.finishedAt).toBeDefined();
    expect(record.result).toMatchObject({ file: 'result.mp4', durationSec: 5 });
  });

  it('runs through the services and the bridge: create over IPC, then a pro clip charged 2 units', async () => {
    const events: string[] = [];
    const rig = makeRig(world);
    const services = servicesOver(world, rig, (event, view) => {
      if (event === 'generation.updated') events.push((view as GenerationView).status);
    });
    const created = await services.registry.handle(
      'generations:create',
      { startFrame: { fileName: 'cat.png', bytes: START_FRAME }, prompt: 'a cat', model: 'kling-v1', mode: 'pro', duration: '5' },
      { url: 'app://studio' },
    );
    if (!created.ok) throw new Error(created.error.message);
    await services.engine.idle();
    const record = (await services.library.get((created.value as GenerationRecord).id))!;
    await expectOneTaskAndTheClip(record);
    expect(record.creditsCharged).toBe('2');
    expect(events.at(-1)).toBe('succeed');
  });
});

describe('Settings ▸ Download finished clips automatically', () => {
  /** A generation made through the bridge, as the window does it; its id once the engine is idle. */
  async function generateThrough(services: ReturnType<typeof servicesOver>): Promise<string> {
    const request = { startFrame: { fileName: 'cat.png', bytes: START_FRAME }, prompt: 'a cat', model: 'kling-v1', mode: 'std', duration: '5' };
    const created = await services.registry.handle('generations:create', request, { url: 'app://studio' });
    if (!created.ok) throw new Error(created.error.message);
    await services.engine.idle();
    return (created.value as GenerationRecord).id;
  }

  it('off: a finished clip stays on Kling until the person asks for it (Re-download), then it is downloaded', async () => {
    const services = servicesOver(world, makeRig(world));
    services.settings.update({ autoDownload: false });
    const id = await generateThrough(services);
    const made = (await readRecordFromDisk(world.root, id))!;
    expect(made.status).toBe('succeed');
    expect(made.result).toMatchObject({ bytes: 0 });
    expect(made.result?.sourceUrl).toBeDefined();
    expect(made.timings.downloadedAt).toBeUndefined();
    expect(downloads(world.server)).toHaveLength(0);
    expect(await folderFiles(world.root, made)).not.toContain('result.mp4');

    // Asked for: downloaded even though the setting is still off.
    expect((await services.registry.handle('generations:redownload', { id }, { url: 'app://studio' })).ok).toBe(true);
    await services.engine.idle();
    await expectOneTaskAndTheClip((await readRecordFromDisk(world.root, id))!);
  });

  it('on (the default): the clip is downloaded as soon as Kling has it', async () => {
    const services = servicesOver(world, makeRig(world));
    expect(services.settings.preferences().autoDownload).toBe(true);
    await expectOneTaskAndTheClip((await readRecordFromDisk(world.root, await generateThrough(services)))!);
  });
});

describe('a create whose outcome is unknown', () => {
  it('reset after the sandbox made the task: found by external_task_id, never sent again', async () => {
    world.server.faults.inject({ kind: 'reset-after', method: 'POST' });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(1);
  });

  it('malformed answer to the create: treated as unknown, looked up by external_task_id before sending again', async () => {
    // The sandbox answers this fault without processing the create, so the lookup finds nothing and it is resent.
    world.server.faults.inject({ kind: 'malformed', method: 'POST' });
    const rig = makeRig(world);
    const record = await runOne(rig);
    await expectOneTaskAndTheClip(record);
    const apiCalls = world.server.received.filter((r) => !r.path.startsWith('/results/')).map((r) => `${r.method} ${r.path}`);
    expect(apiCalls.slice(0, 3)).toEqual([
      `POST ${API_PATH}`,
      `GET ${API_PATH}/${record.externalTaskId}`,
      `POST ${API_PATH}`,
    ]);
    expect(creates(world.server)).toHaveLength(2);
  });

  it('malformed answer after the sandbox made the task: adopted, never sent again', async () => {
    // A proxy that mangles the answer of a create that did happen: the sandbox made the task, the client got junk.
    const mangleFirstCreate: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!isCreate(input, init) || creates(world.server).length > 1) return response;
      await response.arrayBuffer();
      return new Response('{"code":0,"message":"SUCC', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const record = await runOne(makeRig(world, { fetch: mangleFirstCreate }));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(1);
  });

  it('reset after the create, then the lookup answers 5000: the create is still not sent again', async () => {
    // The 5000 answers the lookup, not the create: the create's outcome stays unknown.
    world.server.faults.inject({ kind: 'reset-after', method: 'POST' });
    world.server.faults.inject({ kind: 'kling-error', code: 5000, method: 'GET' });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(1);
  });

  it('a lookup that lags (1203 for a task that exists): the refused resend is resolved by looking again', async () => {
    world.server.faults.inject({ kind: 'reset-after', method: 'POST' });
    world.server.faults.inject({ kind: 'kling-error', code: 1203, method: 'GET' });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(2); // the second was refused as a duplicate external_task_id
  });

  it('reset after the create, then a long outage of the lookups: the task is not given up', async () => {
    world.server.faults.inject({ kind: 'reset-after', method: 'POST' });
    world.server.faults.inject({ kind: 'reset-before', method: 'GET', times: 12 });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(1);
  });
});

describe('a create that did not happen', () => {
  it('reset before the sandbox processed it: sent again, one task', async () => {
    world.server.faults.inject({ kind: 'reset-before', method: 'POST' });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    expect(creates(world.server)).toHaveLength(2);
  });

  it.each([1302, 5000, 5001, 5002])('code %i twice: retried with growing backoff, then one task', async (code) => {
    world.server.faults.inject({ kind: 'kling-error', code, method: 'POST', times: 2 });
    const record = await runOne(makeRig(world));
    await expectOneTaskAndTheClip(record);
    const sent = creates(world.server);
    expect(sent).toHaveLength(3);
    // The sandbox retry schedule starts at 300 ms and doubles; random() = 0.5 means no jitter.
    expect(sent.slice(1).map((r, i) => r.at - sent[i]!.at)).toEqual([300, 600]);
  });

  it('1303 (parallel-task limit): queued, then submitted once Kling has a slot', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1303, method: 'POST', times: 3 });
    const rig = makeRig(world);
    const record = await runOne(rig);
    await expectOneTaskAndTheClip(record);
    expect(rig.seen.get(record.id)?.slice(0, 4)).toEqual(['submitting', 'queued', 'submitting', 'queued']);
    expect(rig.seen.get(record.id)?.slice(-4)).toEqual(['submitted', 'processing', 'downloading', 'succeed']);
    expect(creates(world.server)).toHaveLength(4);
  });
});

describe('a create that is refused', () => {
  it('1102 (resource pack used up): failed at once with the table message and the server words, no retry', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1102, method: 'POST', message: 'pack exhausted: 0 units left' });
    const record = await runOne(makeRig(world));
    expect(record.status).toBe('failed');
    expect(record.error).toEqual({ code: 1102, message: userMessage(1102), detail: 'pack exhausted: 0 units left' });
    expect(creates(world.server)).toHaveLength(1);
    expect(world.server.tasks()).toHaveLength(0);
    expect(downloads(world.server)).toHaveLength(0);
    expect(record.timings.finishedAt).toBeDefined();
  });

  it('1201 for a real invalid parameter (cfg_scale 5): failed naming the field, no retry', async () => {
    const record = await runOne(makeRig(world), { cfgScale: 5 });
    expect(record.status).toBe('failed');
    expect(record.error).toEqual({ code: 1201, message: userMessage(1201), detail: expect.stringMatching(/^cfg_scale: /) });
    expect(creates(world.server)).toHaveLength(1);
    expect(world.server.tasks()).toHaveLength(0);
  });

  it('1000 (credential refused) stops without a retry', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1000, method: 'POST' });
    const record = await runOne(makeRig(world));
    expect([record.status, record.error?.code, record.error?.message]).toEqual(['failed', 1000, userMessage(1000)]);
    expect(creates(world.server)).toHaveLength(1);
  });
});

describe('a task that fails on Kling', () => {
  it('ends failed with task_status_msg as the detail and what was charged', async () => {
    world.server.failNextTask('content moderation: rejected');
    const record = await runOne(makeRig(world));
    expect(record.status).toBe('failed');
    expect(record.error?.detail).toBe('content moderation: rejected');
    expect(record.creditsCharged).toBe('0');
    expect(record.taskId).toBe(world.server.tasks()[0]?.taskId);
    expect(creates(world.server)).toHaveLength(1);
    expect(downloads(world.server)).toHaveLength(0);
  });
});

describe('Kling refusing to report on a task that exists', () => {
  it('does not fail it: the record says why it is slow, and finishes once Kling answers again', async () => {
    // A revoked or mistyped key while polling (1000), three times, then Kling answers again.
    world.server.faults.inject({ kind: 'kling-error', code: 1000, method: 'GET', pathPrefix: API_PATH, times: 3 });
    const notes: string[] = [];
    const rig = makeRig(world, { onChange: (r) => void (r.error && notes.push(r.error.message)) });
    const record = await runOne(rig);
    expect(record.status).toBe('succeed');
    expect(record.error).toBeUndefined();
    expect(notes[0]).toMatch(/did not accept the credential.*Still asking about this task/);
    expect(world.server.tasks()).toHaveLength(1);
  });
});

describe('every code of the error table, answered to a create', () => {
  // 1004 is handled by the client (sign again, retry once) and 1303 queues; see their own tests.
  const refusals = KLING_ERRORS.filter((r) => !['retry-backoff', 'queue', 'resign-retry-once'].includes(r.action));
  const retryable = KLING_ERRORS.filter((r) => r.action === 'retry-backoff');

  it.each(refusals.map((r) => [r.code, r.action] as const))('%i (%s): failed at once with the table message, no retry', async (code) => {
    world.server.faults.inject({ kind: 'kling-error', code, method: 'POST', message: `server words for ${code}` });
    const record = await runOne(makeRig(world));
    expect(record.status).toBe('failed');
    expect(record.error).toEqual({ code, message: userMessage(code), detail: `server words for ${code}` });
    expect(creates(world.server)).toHaveLength(1);
    expect(world.server.tasks()).toHaveLength(0);
  });

  it.each(retryable.map((r) => [r.code] as const))('%i: retried with backoff, then one task and the clip', async (code) => {
    world.server.faults.inject({ kind: 'kling-error', code, method: 'POST', times: 2 });
    const record = await runOne(makeRig(world));
    expect(record.status).toBe('succeed');
    expect(creates(world.server)).toHaveLength(3);
    expect(world.server.tasks()).toHaveLength(1);
  });
});

describe('waiting out the parallel-task limit', () => {
  it('waits longer each time Kling is still full (1303), instead of asking every second', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1303, method: 'POST', times: 5 });
    const record = await runOne(makeRig(world));
    expect(record.status).toBe('succeed');
    const sent = creates(world.server).map((r) => r.at);
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    expect(gaps).toHaveLength(5);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!, `gap ${i}`).toBeGreaterThan(gaps[i - 1]!);
  });
});
