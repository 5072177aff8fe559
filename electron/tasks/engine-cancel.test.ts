// Cancelling is only possible while Kling has not seen the task: Kling offers no cancel, so a generation whose
// create may have reached it runs to its end. And a generation whose profile is gone waits instead of failing.
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelRefused, createTaskEngine } from './engine';
import { addGeneration, creates, isCreate, KEY, makeRig, readRecordFile, readRecordFromDisk, startWorld, type World } from './engine-harness';
import { Library, RECORD_FILE } from '../library/library';
import { sandboxProvider } from './sandbox-provider';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.close());

describe('cancel', () => {
  it('a generation waiting for a slot is cancelled and never sent', async () => {
    // Hold the first create open so the second one is still waiting for the only slot when it is cancelled.
    let openGate = () => undefined as void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const gated: typeof fetch = async (input, init) => {
      if (isCreate(input, init)) await gate;
      return fetch(input, init);
    };
    const rig = makeRig(world, { concurrency: 1, fetch: gated });
    const first = await addGeneration(rig.library);
    const second = await addGeneration(rig.library);
    rig.engine.start(first.id);
    rig.engine.start(second.id);
    // Either may win the slot; the other waits for it.
    const statuses = async () => Promise.all([first.id, second.id].map(async (id) => (await readRecordFromDisk(world.root, id))?.status));
    await expect.poll(statuses).toContain('queued');
    const [waiting, holding] = (await statuses())[0] === 'queued' ? [first, second] : [second, first];

    const cancelled = await rig.engine.cancel(waiting.id);
    expect(cancelled.status).toBe('cancelled');
    openGate();
    await rig.engine.idle();

    expect((await readRecordFromDisk(world.root, holding.id))?.status).toBe('succeed');
    expect((await readRecordFromDisk(world.root, waiting.id))?.status).toBe('cancelled');
    expect(creates(world.server)).toHaveLength(1);
  });

  it('a generation Kling refused for now with 1303 can be cancelled between attempts', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1303, method: 'POST' });
    // A sleep that waits until the test lets it go, so the engine sits between attempts.
    const sleeping: (() => void)[] = [];
    const library = new Library({ root: world.root });
    const provider = sandboxProvider(world.server.baseUrl, KEY, fetch);
    const engine = createTaskEngine({
      library,
      providerFor: () => provider,
      onChange: () => undefined,
      fetch,
      sleep: () => new Promise<void>((resolve) => sleeping.push(resolve)),
      random: () => 0.5,
      now: () => new Date(),
    });
    const record = await addGeneration(library);
    engine.start(record.id);
    await expect.poll(() => sleeping.length).toBe(1);
    expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('queued');
    const cancelling = engine.cancel(record.id);
    await expect.poll(async () => (await readRecordFromDisk(world.root, record.id))?.status).toBe('cancelled');
    for (const wake of sleeping.splice(0)) wake();
    await cancelling;
    await engine.idle();
    expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('cancelled');
    expect(world.server.tasks()).toHaveLength(0);
  });

  it('a task Kling already has is not cancelled: it runs to its end', async () => {
    const rig = makeRig(world);
    const record = await addGeneration(rig.library);
    rig.engine.start(record.id);
    await expect.poll(async () => (await readRecordFromDisk(world.root, record.id))?.taskId).toBeDefined();
    await expect(rig.engine.cancel(record.id)).rejects.toBeInstanceOf(CancelRefused);
    await rig.engine.idle();
    expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('succeed');
  });

  it('an ended generation cannot be cancelled', async () => {
    const rig = makeRig(world);
    const record = await addGeneration(rig.library);
    rig.engine.start(record.id);
    await rig.engine.idle();
    await expect(rig.engine.cancel(record.id)).rejects.toThrow('already ended');
  });
});

describe('a generation whose profile is not configured here', () => {
  it('waits with a note instead of failing, and another engine with the profile finishes it', async () => {
    const library = new Library({ root: world.root });
    const record = await addGeneration(library);
    const withoutProfile = createTaskEngine({
      library,
      providerFor: () => undefined,
      onChange: () => undefined,
      fetch,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: () => new Date(),
    });
    withoutProfile.start(record.id);
    await withoutProfile.idle();
    const waiting = await readRecordFromDisk(world.root, record.id);
    expect(waiting?.status).toBe('submitting');
    expect(waiting?.error?.message).toMatch(/^Waiting for the profile “Sandbox”/);
    expect(creates(world.server)).toHaveLength(0);

    const rig = makeRig(world);
    rig.engine.start(record.id);
    await rig.engine.idle();
    const done = await readRecordFromDisk(world.root, record.id);
    expect(done?.status).toBe('succeed');
    expect(done?.error).toBeUndefined();
  });
});

describe('cancel after a restart', () => {
  it('is refused while the engine is still finding out whether an earlier create reached Kling', async () => {
    // An earlier run recorded the create as sent, then died before hearing the answer.
    const library = new Library({ root: world.root });
    const record = await addGeneration(library);
    await library.update(record.id, (r) => void (r.timings.submittedAt = new Date().toISOString()));
    // Every lookup fails at the network, so the engine sits between lookups, not knowing.
    world.server.faults.inject({ kind: 'reset-before', method: 'GET', times: 1000 });
    const sleeping: (() => void)[] = [];
    const engine = createTaskEngine({
      library,
      providerFor: () => sandboxProvider(world.server.baseUrl, KEY, fetch),
      onChange: () => undefined,
      fetch,
      sleep: () => new Promise<void>((resolve) => sleeping.push(resolve)),
      random: () => 0.5,
      now: () => new Date(),
    });
    engine.start(record.id);
    await expect.poll(() => sleeping.length).toBe(1);

    await expect(engine.cancel(record.id)).rejects.toThrow('may already exist there');
    expect((await readRecordFromDisk(world.root, record.id))?.status).not.toBe('cancelled');
    engine.stop();
    for (const wake of sleeping.splice(0)) wake();
    await engine.idle();
  });
});

describe('a generation driven by another process', () => {
  it('waits with a note, sends nothing while that process holds it, and takes over once it is gone', async () => {
    const rig = makeRig(world);
    const record = await addGeneration(rig.library);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(join(rig.library.folderPath(record), '.driver.lock'), JSON.stringify({ pid: other.pid, host: hostname() }));
      rig.engine.start(record.id);
      await expect.poll(async () => (await readRecordFromDisk(world.root, record.id))?.error?.message).toMatch(/^Being followed by another program/);
      await expect(rig.engine.cancel(record.id)).rejects.toThrow();
      expect(creates(world.server)).toHaveLength(0);
      expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('submitting');
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    await rig.engine.idle();
    expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('succeed');
    expect(creates(world.server)).toHaveLength(1);
  });

  it('cannot be cancelled from here while the other process holds it', async () => {
    const rig = makeRig(world);
    const record = await addGeneration(rig.library);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(join(rig.library.folderPath(record), '.driver.lock'), JSON.stringify({ pid: other.pid, host: hostname() }));
      await expect(rig.engine.cancel(record.id)).rejects.toThrow('cancel it there');
      expect((await readRecordFromDisk(world.root, record.id))?.status).toBe('submitting');
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('writes its note under the record lock, so what the other process writes meanwhile is not lost', async () => {
    const waiting: (() => void)[] = [];
    const rig = makeRig(world, { recordPause: () => new Promise<void>((resolve) => waiting.push(resolve)) });
    const record = await addGeneration(rig.library);
    const folder = rig.library.folderPath(record);
    const note = async () => (await readRecordFromDisk(world.root, record.id))?.error?.message;
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const holder = JSON.stringify({ pid: other.pid, host: hostname() });
      await writeFile(join(folder, '.driver.lock'), holder);
      // The other process drives it and is in the middle of a write: it has read the record and holds its lock.
      const itsCopy = await readRecordFile(world.root, record.folder);
      await writeFile(join(folder, '.record.lock'), holder);
      rig.engine.start(record.id);
      // The engine has found it driven elsewhere: it is writing its note (or waiting to).
      await expect.poll(async () => waiting.length > 0 || (await note()) !== undefined).toBe(true);
      // The other process's write lands (Kling took its create), then it lets go of the record.
      await writeFile(join(folder, RECORD_FILE), JSON.stringify({ ...itsCopy, status: 'submitted', taskId: 'task-sent-elsewhere' }));
      await rm(join(folder, '.record.lock'));
      for (const wake of waiting.splice(0)) wake();

      await expect.poll(note).toMatch(/^Being followed by another program/);
      expect(await readRecordFromDisk(world.root, record.id)).toMatchObject({ status: 'submitted', taskId: 'task-sent-elsewhere' });
      rig.engine.stop();
      await rig.engine.idle();
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    expect(creates(world.server)).toHaveLength(0);
  });
});

describe('give up', () => {
  it('stops following a task Kling will not report on at once, and nothing writes to it again', async () => {
    // Every query of a task fails with Kling's retryable 5000: the job would ask for ever.
    world.server.faults.inject({ method: 'GET', pathPrefix: '/v1/videos/image2video/', kind: 'kling-error', code: 5000, times: 1_000_000 });
    const rig = makeRig(world);
    const g = await addGeneration(rig.library);
    rig.engine.start(g.id);
    await expect.poll(async () => (await readRecordFromDisk(world.root, g.id))?.taskId).toBeDefined();
    await expect.poll(() => world.server.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(2);

    const given = await rig.engine.giveUp(g.id); // returns once the job has stopped: no backoff, no endless asking
    expect(given.status).toBe('given-up');
    expect(given.error?.message).toMatch(/may still finish this task and charge for it/);
    const asked = world.server.received.length;
    await rig.engine.idle();
    expect(world.server.received.length).toBe(asked);
    expect((await readRecordFromDisk(world.root, g.id))?.status).toBe('given-up');
    await expect(rig.engine.giveUp(g.id)).rejects.toBeInstanceOf(CancelRefused);
  });
});
