// After the create: polls through an outage, downloads that are cut or whose URL expired, an engine that is stopped
// or dies mid-flight and a new one over the same library that finishes the job without a second create, and the
// per-profile cap on tasks in flight.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationRecord } from '../../shared/library/generation';
import { CLIP_PATH } from '../sandbox/test-helpers';
import {
  addGeneration,
  creates,
  downloads,
  folderFiles,
  isCreate,
  makeRig,
  readRecordFromDisk,
  readResult,
  runOne,
  startWorld,
  type World,
} from './engine-harness';

const CLIP = readFileSync(CLIP_PATH);
const never = <T>() => new Promise<T>(() => undefined);
const isDownload = (input: Parameters<typeof fetch>[0]) => String(input).includes('/results/');

/**
 * A fetch whose first clip download delivers exactly `bytes` bytes and then fails, as a dropped connection does.
 * (The sandbox's `truncate` cuts the socket, but a stream that errors drops chunks the reader has not pulled yet, so
 * how many bytes arrive varies; this cut is exact, which lets the test name the Range it expects.)
 */
function cutFirstDownloadAfter(bytes: number): typeof fetch {
  let done = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!isDownload(input) || done) return response;
    done = true;
    const head = new Uint8Array(await response.arrayBuffer()).subarray(0, bytes);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(head);
        else controller.error(new TypeError('terminated'));
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.close());

async function expectTheClip(record: GenerationRecord | undefined): Promise<void> {
  expect(record?.status).toBe('succeed');
  expect((await readResult(world.root, record!)).equals(CLIP)).toBe(true);
  expect(await folderFiles(world.root, record!)).toEqual(['generation.json', 'request.json', 'result.mp4', 'start.png']);
}

describe('following and downloading', () => {
  it('keeps polling through a long outage: a task running on Kling is never given up', async () => {
    world.server.faults.inject({ kind: 'reset-before', method: 'GET', pathPrefix: '/v1/', times: 15 });
    const record = await runOne(makeRig(world));
    await expectTheClip(record);
    expect(creates(world.server)).toHaveLength(1);
  });

  it('a download cut by the sandbox mid-body still ends with the exact bytes', async () => {
    // How many bytes reach the client before the cut is up to the socket, so only the outcome is asserted here.
    world.server.faults.inject({ kind: 'truncate', afterBytes: 20_000, pathPrefix: '/results/' });
    const record = await runOne(makeRig(world));
    await expectTheClip(record);
    expect(downloads(world.server)).toHaveLength(2);
    expect(record.download).toBeUndefined();
  });

  it('a download cut mid-body resumes with Range + If-Range from where it stopped', async () => {
    const record = await runOne(makeRig(world, { fetch: cutFirstDownloadAfter(20_000) }));
    await expectTheClip(record);
    const [first, second] = downloads(world.server);
    expect(downloads(world.server)).toHaveLength(2);
    expect(first?.headers.range).toBeUndefined();
    expect(second?.headers.range).toBe('bytes=20000-');
    expect(second?.headers['if-range']).toMatch(/^"/); // the ETag of the first answer
    expect(record.download).toBeUndefined();
  });

  it('keeps downloading through a long outage: a made and charged clip is never given up', async () => {
    world.server.faults.inject({ kind: 'reset-before', pathPrefix: '/results/', times: 12 });
    const record = await runOne(makeRig(world));
    await expectTheClip(record);
    expect(downloads(world.server)).toHaveLength(13);
  });

  it('a clip that is not an MP4 is given up for now after a bounded number of tries, still resumable, no .part left', async () => {
    const notAVideo: typeof fetch = async (input, init) => {
      if (!isDownload(input)) return fetch(input, init);
      await (await fetch(input, init)).arrayBuffer(); // let the sandbox see the request
      return new Response('<html>a captive portal</html>', { status: 200, headers: { ETag: '"portal"' } });
    };
    const record = await runOne(makeRig(world, { fetch: notAVideo }));
    // A paid clip is never marked failed over a download: it stays downloading, with the reason, for the next start.
    expect(record.status).toBe('downloading');
    expect(record.error?.message).toMatch(/^Could not download the clip: .*not an MP4.*tried again at the next start/);
    expect(downloads(world.server)).toHaveLength(7);
    expect(await folderFiles(world.root, record)).toEqual(['generation.json', 'request.json', 'start.png']);

    // At the next start the same record is picked up and, with the real clip reachable, finishes.
    const next = makeRig(world);
    expect(await next.engine.resume()).toBe(1);
    await next.engine.idle();
    expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('succeed');
  });

  it('a CDN answering 503 is an interruption, not a failure: the clip arrives once it recovers', async () => {
    let refusals = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (isDownload(input) && refusals < 10) {
        refusals += 1;
        return new Response('busy', { status: 503 });
      }
      return fetch(input, init);
    };
    const record = await runOne(makeRig(world, { fetch: flaky }));
    expect(record.status).toBe('succeed');
    expect(refusals).toBe(10);
  });

  it('an expired result URL (403) is replaced by querying the task again', async () => {
    let expired = false;
    const expireFirst: typeof fetch = (input, init) => {
      if (isDownload(input) && !expired) {
        expired = true;
        world.server.expireResultUrls();
      }
      return fetch(input, init);
    };
    const record = await runOne(makeRig(world, { fetch: expireFirst }));
    await expectTheClip(record);
    const [first, second] = downloads(world.server);
    expect(downloads(world.server)).toHaveLength(2);
    expect(second?.path).not.toBe(first?.path);
    expect(record.result?.sourceUrl).toBe(`${world.server.baseUrl}${second?.path}`);
  });
});

describe('an engine dropped mid-flight, and a new one over the same library', () => {
  it('stopped while processing: the new engine follows the same task, no second create', async () => {
    const a = makeRig(world, { onChange: (r) => r.status === 'processing' && a.engine.stop() });
    const { id } = await addGeneration(a.library);
    a.engine.start(id);
    await a.engine.idle();
    expect((await readRecordFromDisk(world.root, id))?.status).toBe('processing');

    const b = makeRig(world);
    expect(await b.engine.resume()).toBe(1);
    await b.engine.idle();
    await expectTheClip(await readRecordFromDisk(world.root, id));
    expect(creates(world.server)).toHaveLength(1);
    expect(world.server.tasks()).toHaveLength(1);
  });

  it('died with the create in flight after the sandbox made the task: found by external_task_id, no second create', async () => {
    const dieAfterSending: typeof fetch = async (input, init) => {
      if (!isCreate(input, init)) return fetch(input, init);
      await fetch(input, init); // the sandbox makes the task…
      return never(); // …and the process dies before reading the answer
    };
    const a = makeRig(world, { fetch: dieAfterSending });
    const { id } = await addGeneration(a.library);
    a.engine.start(id);
    await expect.poll(() => world.server.tasks().length).toBe(1);
    a.engine.stop();

    const onDisk = await readRecordFromDisk(world.root, id);
    expect([onDisk?.status, onDisk?.taskId, onDisk?.timings.submittedAt !== undefined]).toEqual(['submitting', undefined, true]);
    const b = makeRig(world);
    await b.engine.resume();
    await b.engine.idle();
    const record = await readRecordFromDisk(world.root, id);
    await expectTheClip(record);
    expect(record?.taskId).toBe(world.server.tasks()[0]?.taskId);
    expect(creates(world.server)).toHaveLength(1);
  });

  it('died before the create left the machine: the new engine looks it up, then sends it once', async () => {
    let attempted = false;
    const dieBeforeSending: typeof fetch = (input, init) => {
      if (!isCreate(input, init)) return fetch(input, init);
      attempted = true;
      return never();
    };
    const a = makeRig(world, { fetch: dieBeforeSending });
    const { id } = await addGeneration(a.library);
    a.engine.start(id);
    await expect.poll(() => attempted).toBe(true);
    a.engine.stop();

    const b = makeRig(world);
    await b.engine.resume();
    await b.engine.idle();
    await expectTheClip(await readRecordFromDisk(world.root, id));
    expect(creates(world.server)).toHaveLength(1);
    expect(world.server.received[0]?.method).toBe('GET'); // the lookup by external_task_id came first
  });

  it('stopped while a second generation waited for a slot: nothing new is sent after stop', async () => {
    const a = makeRig(world, { concurrency: 1, onChange: (r) => r.status === 'processing' && a.engine.stop() });
    const first = await addGeneration(a.library);
    const second = await addGeneration(a.library);
    a.engine.start(first.id);
    a.engine.start(second.id);
    await a.engine.idle();
    expect(creates(world.server)).toHaveLength(1);
    const onDisk = await Promise.all([first, second].map((r) => readRecordFromDisk(world.root, r.id)));
    // Either may have won the slot; the other waited and must not have been sent.
    expect(onDisk.map((r) => [r?.status, r?.timings.submittedAt === undefined]).sort()).toEqual([
      ['processing', false],
      ['queued', true],
    ]);

    const b = makeRig(world, { concurrency: 1 });
    expect(await b.engine.resume()).toBe(2);
    await b.engine.idle();
    await expectTheClip(await readRecordFromDisk(world.root, first.id));
    await expectTheClip(await readRecordFromDisk(world.root, second.id));
    expect(creates(world.server)).toHaveLength(2);
    expect(new Set(world.server.tasks().map((t) => t.externalTaskId))).toEqual(new Set([first.externalTaskId, second.externalTaskId]));
  });

  it('died mid-download: the new engine resumes the .part with Range', async () => {
    const cut = cutFirstDownloadAfter(30_000);
    let attempts = 0;
    const dieOnSecondDownload: typeof fetch = (input, init) => {
      if (isDownload(input) && ++attempts === 2) return never();
      return cut(input, init);
    };
    const a = makeRig(world, { fetch: dieOnSecondDownload });
    const { id } = await addGeneration(a.library);
    a.engine.start(id);
    await expect.poll(() => attempts).toBe(2);
    a.engine.stop();
    const onDisk = await readRecordFromDisk(world.root, id);
    expect([onDisk?.status, onDisk?.download?.validator]).toEqual(['downloading', expect.stringMatching(/^"/)]);

    const b = makeRig(world);
    await b.engine.resume();
    await b.engine.idle();
    await expectTheClip(await readRecordFromDisk(world.root, id));
    expect(downloads(world.server).map((r) => r.headers.range)).toEqual([undefined, 'bytes=30000-']);
    expect(creates(world.server)).toHaveLength(1);
  });
});

describe('concurrency', () => {
  /** A fetch that notes, after every create, how many tasks the sandbox has in flight. */
  function watchInFlight(): { fetch: typeof fetch; max: () => number } {
    let max = 0;
    return {
      max: () => max,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (isCreate(input, init)) {
          const inFlight = world.server.tasks().filter((t) => t.status === 'submitted' || t.status === 'processing').length;
          max = Math.max(max, inFlight);
        }
        return response;
      },
    };
  }

  it('a per-profile cap of 2 keeps at most 2 tasks in flight on the sandbox; all 6 finish, once each', async () => {
    const watch = watchInFlight();
    const rig = makeRig(world, { concurrency: 2, fetch: watch.fetch });
    const records = await Promise.all(Array.from({ length: 6 }, () => addGeneration(rig.library)));
    for (const r of records) rig.engine.start(r.id);
    await rig.engine.idle();
    for (const r of records) await expectTheClip(await readRecordFromDisk(world.root, r.id));
    expect(watch.max()).toBe(2);
    expect(creates(world.server)).toHaveLength(6);
    expect(new Set(world.server.tasks().map((t) => t.externalTaskId)).size).toBe(6);
    expect(records.filter((r) => rig.seen.get(r.id)?.includes('queued'))).toHaveLength(4);
  });

  it("Kling's own parallel limit (1303) queues the rest; every generation ends with exactly one task", async () => {
    await world.close();
    world = await startWorld({ parallelLimit: 1 });
    const watch = watchInFlight();
    const rig = makeRig(world, { concurrency: 3, fetch: watch.fetch });
    const records = await Promise.all(Array.from({ length: 3 }, () => addGeneration(rig.library)));
    for (const r of records) rig.engine.start(r.id);
    await rig.engine.idle();
    for (const r of records) await expectTheClip(await readRecordFromDisk(world.root, r.id));
    expect(watch.max()).toBe(1);
    expect(world.server.tasks().map((t) => t.externalTaskId).sort()).toEqual(records.map((r) => r.externalTaskId).sort());
    expect(records.some((r) => rig.seen.get(r.id)?.includes('queued'))).toBe(true);
  });
});

describe('a .part that is already whole', () => {
  it('is started over when the server refuses to resume it (416), and the clip arrives intact', async () => {
    let refused = 0;
    // First a cut download leaves a .part and a validator, so the next attempt asks for a range, which is refused.
    const cut = cutFirstDownloadAfter(20_000);
    const refuseResume: typeof fetch = async (input, init) => {
      const range = new Headers(init?.headers).get('range');
      if (isDownload(input) && range && refused === 0) {
        refused += 1;
        return new Response(null, { status: 416 });
      }
      return cut(input, init);
    };
    const record = await runOne(makeRig(world, { fetch: refuseResume }));
    expect(refused).toBe(1);
    expect(record.status).toBe('succeed');
    expect((await readResult(world.root, record)).equals(readFileSync(CLIP_PATH))).toBe(true);
  });
});
