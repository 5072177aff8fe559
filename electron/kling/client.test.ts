// The client against the sandbox simulator: real answers pass through, and a `code: 0` answer whose `data` is not a
// task (missing, no task_id, an unknown status, a list that is not a list) is a KlingTransportError, never junk. The
// odd bodies are served with the sandbox's `malformed` fault, which answers any text we give it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, API_KEY, GOOD_IMAGE, startHarness, type Harness } from '../sandbox/test-helpers';
import { bearerAuth, createKlingClient, type KlingClient } from './client';
import { KlingApiError, KlingTransportError } from './errors';

let h: Harness;
let client: KlingClient;
beforeEach(async () => {
  h = await startHarness();
  client = createKlingClient({ baseUrl: h.server.baseUrl, pathPrefix: '', auth: bearerAuth(API_KEY), fetch });
});
afterEach(() => h.server.close());

/** The next answer is this envelope, whatever was asked. */
const answer = (envelope: unknown) =>
  h.server.faults.inject({ kind: 'malformed', body: JSON.stringify({ message: 'SUCCEED', request_id: 'r-1', ...(envelope as object) }) });

const VIDEO = { task_result: { videos: [{ id: 'v', url: 'https://cdn.example/v.mp4', duration: '5' }] } };
/** A task as Kling answers it; a success carries its clip. */
const task = (over: Record<string, unknown> = {}) => ({
  task_id: 't-1',
  task_status: 'submitted',
  created_at: 1,
  updated_at: 1,
  ...(over.task_status === 'succeed' || over.task_status === 'succeeded' ? VIDEO : {}),
  ...over,
});

async function transportError(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KlingTransportError);
  return (error as Error).message;
}

describe('answers of the simulator', () => {
  it('create, query and list return the tasks as sent', async () => {
    const created = await client.createTask({ image: GOOD_IMAGE, external_task_id: 'ext-1' });
    expect(created).toMatchObject({ task_status: 'submitted', task_info: { external_task_id: 'ext-1' } });
    expect(await client.getTask('ext-1')).toMatchObject({ task_id: created.task_id });
    expect((await client.listTasks(1, 10)).map((t) => t.task_id)).toEqual([created.task_id]);
    expect(await client.listTasks(2, 10)).toEqual([]);
  });

  it('a non-zero code is still a KlingApiError', async () => {
    await expect(client.getTask('nobody')).rejects.toBeInstanceOf(KlingApiError);
  });
});

describe('code 0 with data that is not a task', () => {
  it.each([
    ['no data', {}],
    ['data null', { data: null }],
    ['data a string', { data: 'ok' }],
    ['data a list', { data: [task()] }],
    ['no task_id', { data: task({ task_id: undefined }) }],
    ['task_id a number', { data: task({ task_id: 42 }) }],
    ['task_id empty', { data: task({ task_id: '' }) }],
    ['no task_status', { data: task({ task_status: undefined }) }],
    ['unknown task_status', { data: task({ task_status: 'queued' }) }],
    ['task_status not a string', { data: task({ task_status: 1 }) }],
  ])('%s: create and query throw KlingTransportError', async (_name, envelope) => {
    answer({ code: 0, ...envelope });
    expect(await transportError(client.createTask({ image: GOOD_IMAGE, external_task_id: 'ext-2' }))).toMatch(/create/);
    answer({ code: 0, ...envelope });
    expect(await transportError(client.getTask('ext-2'))).toMatch(/query ext-2/);
  });

  it('an unknown status is named in the message', async () => {
    answer({ code: 0, data: task({ task_status: 'queued' }) });
    expect(await transportError(client.getTask('t-1'))).toMatch(/unknown task_status "queued"/);
  });
});

describe('status words', () => {
  it('maps the new-style "succeeded" to "succeed", keeping the rest of the task', async () => {
    const videos = [{ id: 'v', url: 'https://x/v.mp4', duration: '5' }];
    answer({ code: 0, data: task({ task_status: 'succeeded', task_result: { videos }, final_unit_deduction: '1' }) });
    expect(await client.getTask('t-1')).toEqual(task({ task_status: 'succeed', task_result: { videos }, final_unit_deduction: '1' }));
  });

  it.each(['submitted', 'processing', 'succeed', 'failed'])('keeps "%s"', async (status) => {
    answer({ code: 0, data: task({ task_status: status }) });
    expect((await client.getTask('t-1')).task_status).toBe(status);
  });
});

describe('a success without its clip', () => {
  it('is an unknown outcome (asked again), not a success the engine could not download', async () => {
    answer({ code: 0, data: { task_id: 't-1', task_status: 'succeed', created_at: 1, updated_at: 1, task_result: { videos: [] } } });
    expect(await transportError(client.getTask('t-1'))).toMatch(/without a video URL/);
    answer({ code: 0, data: { task_id: 't-1', task_status: 'succeed', created_at: 1, updated_at: 1 } });
    expect(await transportError(client.getTask('t-1'))).toMatch(/without a video URL/);
  });
});

describe('listTasks', () => {
  it.each([
    ['no data', {}],
    ['data an object', { data: task() }],
    ['data an object of tasks', { data: { tasks: [task()] } }],
  ])('%s: throws KlingTransportError', async (_name, envelope) => {
    answer({ code: 0, ...envelope });
    expect(await transportError(client.listTasks(1, 30))).toMatch(/not a list/);
  });

  it('validates every element: one bad task fails the page (a skipped one would end the paging early)', async () => {
    answer({ code: 0, data: [task({ task_id: 'a' }), task({ task_id: 'b', task_status: 'weird' })] });
    expect(await transportError(client.listTasks(1, 30))).toMatch(/list item 1/);
  });

  it('maps "succeeded" in every element', async () => {
    answer({ code: 0, data: [task({ task_id: 'a', task_status: 'succeeded' }), task({ task_id: 'b', task_status: 'failed' })] });
    expect((await client.listTasks(1, 30)).map((t) => [t.task_id, t.task_status])).toEqual([
      ['a', 'succeed'],
      ['b', 'failed'],
    ]);
  });
});

describe('bodies that are not the envelope', () => {
  it('the default malformed body is a KlingTransportError', async () => {
    h.server.faults.inject({ kind: 'malformed' });
    expect(await transportError(client.getTask('t-1'))).toMatch(/not JSON/);
    expect(h.server.received.at(-1)?.path).toBe(`${API}/t-1`);
  });
});
