// Task life cycle on an injected clock, lookup by both ids, list paging and its bounds, duplicate external_task_id,
// the parallel limit, and the tasks that are accepted but end `failed`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskData } from '../../shared/kling/wire';
import { API, GOOD_IMAGE, OTHER_API_KEY, T0, TIMING, b64, png, startHarness, type Harness } from './test-helpers';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.server.close());

const create = (body: Record<string, unknown> = {}, token?: string) => h.call('POST', API, { body: { image: GOOD_IMAGE, ...body }, token });

describe('life cycle', () => {
  it('submitted → processing → succeed, timed by the clock, with the documented fields', async () => {
    const c = await create({ external_task_id: 'life-1', mode: 'pro' });
    expect(c.json.data).toEqual({
      task_id: expect.any(String),
      task_status: 'submitted',
      task_info: { external_task_id: 'life-1' },
      created_at: T0,
      updated_at: T0,
    });
    const id = c.json.data!.task_id;

    h.clock.t = T0 + TIMING.submittedMs - 1;
    expect((await h.call('GET', `${API}/${id}`)).json.data?.task_status).toBe('submitted');

    h.clock.t = T0 + TIMING.submittedMs;
    const p = (await h.call('GET', `${API}/${id}`)).json.data!;
    expect([p.task_status, p.updated_at, p.task_result]).toEqual(['processing', T0 + TIMING.submittedMs, undefined]);

    h.clock.t = T0 + TIMING.submittedMs + TIMING.processingMs;
    const done = (await h.call('GET', `${API}/${id}`)).json.data!;
    expect(done.task_status).toBe('succeed');
    expect(done.updated_at).toBe(T0 + TIMING.submittedMs + TIMING.processingMs);
    expect(done.created_at).toBe(T0);
    expect(done.final_unit_deduction).toBe('2'); // pro 5 s
    expect(done.task_result?.videos).toHaveLength(1);
    const video = done.task_result!.videos[0]!;
    expect(video.duration).toBe('5');
    expect(video.url).toMatch(new RegExp(`^${h.server.baseUrl}/results/[A-Za-z0-9_-]+/video\\.mp4$`));
    expect(h.server.tasks()[0]?.status).toBe('succeed');
  });

  it('charges by mode and duration', async () => {
    await create({ external_task_id: 'std5' });
    await create({ external_task_id: 'std10', duration: '10' });
    await create({ external_task_id: 'pro10', duration: '10', mode: 'pro' });
    h.clock.t = T0 + 60_000;
    const units = async (id: string) => (await h.call('GET', `${API}/${id}`)).json.data?.final_unit_deduction;
    expect([await units('std5'), await units('std10'), await units('pro10')]).toEqual(['1', '2', '4']);
  });

  it('failNextTask makes exactly the next task end failed with that message', async () => {
    h.server.failNextTask('content moderation: rejected');
    const a = (await create()).json.data!.task_id;
    const b = (await create()).json.data!.task_id;
    h.clock.t = T0 + 60_000;
    const fa = (await h.call('GET', `${API}/${a}`)).json.data!;
    expect([fa.task_status, fa.task_status_msg, fa.final_unit_deduction, fa.task_result]).toEqual([
      'failed',
      'content moderation: rejected',
      '0',
      undefined,
    ]);
    expect((await h.call('GET', `${API}/${b}`)).json.data?.task_status).toBe('succeed');
  });

  it('mask size mismatch is accepted, then the task ends failed saying so', async () => {
    const c = await create({ static_mask: b64(png(640, 360)), dynamic_masks: [{ mask: b64(png(320, 180)), trajectories: [{ x: 0, y: 0 }, { x: 5, y: 5 }] }] });
    expect(c.json.code).toBe(0);
    expect(c.json.data?.task_status).toBe('submitted');
    h.clock.t = T0 + 60_000;
    const d = (await h.call('GET', `${API}/${c.json.data!.task_id}`)).json.data!;
    expect(d.task_status).toBe('failed');
    expect(d.task_status_msg).toMatch(/mask size mismatch.*static_mask.*dynamic_masks\[0\]\.mask/);
  });

  it('mask aspect unlike the start frame is accepted, then fails', async () => {
    const c = await create({ static_mask: b64(png(360, 360)) });
    expect(c.json.code).toBe(0);
    h.clock.t = T0 + 60_000;
    const d = (await h.call('GET', `${API}/${c.json.data!.task_id}`)).json.data!;
    expect([d.task_status, d.task_status_msg]).toEqual(['failed', expect.stringMatching(/aspect ratio mismatch/)]);
  });

  it('matching masks at half the start frame size succeed', async () => {
    const c = await create({ static_mask: b64(png(320, 180)) });
    h.clock.t = T0 + 60_000;
    expect((await h.call('GET', `${API}/${c.json.data!.task_id}`)).json.data?.task_status).toBe('succeed');
  });
});

describe('lookup', () => {
  it('finds a task by task_id and by external_task_id; unknown → 404/1203', async () => {
    const id = (await create({ external_task_id: 'mine-42' })).json.data!.task_id;
    expect((await h.call('GET', `${API}/${id}`)).json.data?.task_info?.external_task_id).toBe('mine-42');
    expect((await h.call('GET', `${API}/mine-42`)).json.data?.task_id).toBe(id);
    expect((await h.call('GET', `/kling${API}/mine-42`)).json.data?.task_id).toBe(id);
    const missing = await h.call('GET', `${API}/nope`);
    expect([missing.status, missing.json.code]).toEqual([404, 1203]);
  });

  it('refuses a duplicate external_task_id in the same account with 400/1201 naming it', async () => {
    expect((await create({ external_task_id: 'dup' })).json.code).toBe(0);
    const again = await create({ external_task_id: 'dup' });
    expect([again.status, again.json.code]).toEqual([400, 1201]);
    expect(again.json.message).toMatch(/^external_task_id: .*dup/);
    expect(h.server.tasks()).toHaveLength(1);
  });
});

describe('list', () => {
  it('pages newest first within the account', async () => {
    for (let i = 0; i < 5; i++) {
      h.clock.t = T0 + i * 10_000; // each ends before the next, so the parallel limit never bites
      await create({ external_task_id: `t${i}` });
    }
    await create({ external_task_id: 'bob' }, OTHER_API_KEY);
    const page = async (q: string) => ((await h.call<TaskData[]>('GET', `${API}?${q}`)).json.data ?? []).map((t) => t.task_info?.external_task_id);
    expect(await page('pageNum=1&pageSize=2')).toEqual(['t4', 't3']);
    expect(await page('pageNum=2&pageSize=2')).toEqual(['t2', 't1']);
    expect(await page('pageNum=3&pageSize=2')).toEqual(['t0']);
    expect(await page('pageNum=4&pageSize=2')).toEqual([]);
    expect(await page('')).toEqual(['t4', 't3', 't2', 't1', 't0']);
  });

  it.each([
    ['pageNum=0', 'pageNum'],
    ['pageNum=1001', 'pageNum'],
    ['pageNum=abc', 'pageNum'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=501', 'pageSize'],
    ['pageSize=2.5', 'pageSize'],
  ])('%s → 400/1201 naming %s', async (q, field) => {
    const r = await h.call('GET', `${API}?${q}`);
    expect([r.status, r.json.code]).toEqual([400, 1201]);
    expect(r.json.message.startsWith(field)).toBe(true);
  });

  it('accepts the bounds 1000 and 500', async () => {
    expect((await h.call('GET', `${API}?pageNum=1000&pageSize=500`)).json.code).toBe(0);
  });
});

describe('parallel limit', () => {
  it('refuses the 6th task in flight with 429/1303, per account, and frees slots as tasks end', async () => {
    for (let i = 0; i < 5; i++) expect((await create()).json.code).toBe(0);
    const sixth = await create({ external_task_id: 'sixth' });
    expect([sixth.status, sixth.json.code]).toEqual([429, 1303]);
    // A refused create leaves no task behind, so its external_task_id stays free.
    expect(h.server.tasks().some((t) => t.externalTaskId === 'sixth')).toBe(false);
    // Another account has its own slots.
    expect((await create({}, OTHER_API_KEY)).json.code).toBe(0);
    // Queries do not count; once the five end, slots are free again.
    h.clock.t = T0 + TIMING.submittedMs + TIMING.processingMs;
    expect((await create({ external_task_id: 'sixth' })).json.code).toBe(0);
  });

  it('honours a configured limit', async () => {
    await h.server.close();
    h = await startHarness({ parallelLimit: 1 });
    expect((await create()).json.code).toBe(0);
    expect((await create()).json.code).toBe(1303);
  });
});

describe('refusals', () => {
  it('lists what the sandbox itself refused, and not what a test injected', async () => {
    expect((await create({ external_task_id: 'ok-1' })).json.code).toBe(0);
    expect(h.server.refused).toEqual([]);
    const bad = await create({ external_task_id: 'bad-1', duration: '7' });
    expect(bad.json.code).not.toBe(0);
    h.server.faults.inject({ kind: 'kling-error', code: 1302, method: 'POST' });
    expect((await create({ external_task_id: 'injected' })).json.code).toBe(1302);
    expect(h.server.refused).toEqual([{ method: 'POST', path: API, code: bad.json.code, message: expect.any(String), at: T0 }]);
  });

  it('does not count the parallel-task limit, which says "later" to a valid request', async () => {
    await h.server.close();
    h = await startHarness({ parallelLimit: 1 });
    expect((await create({ external_task_id: 'first' })).json.code).toBe(0);
    expect((await create({ external_task_id: 'second' })).json.code).toBe(1303);
    expect(h.server.refused).toEqual([]);
  });
});

describe('a sandbox that runs for real (keepRequests: false)', () => {
  it('keeps no requests and no create bodies, and still serves the whole life cycle', async () => {
    await h.server.close();
    h = await startHarness({ keepRequests: false });
    const created = await create({ external_task_id: 'quiet-1' });
    expect(created.json.code).toBe(0);
    h.clock.t += TIMING.submittedMs + TIMING.processingMs;
    expect((await h.call('GET', `${API}/quiet-1`)).json.data?.task_status).toBe('succeed');
    expect(h.server.received).toHaveLength(0);
    expect(h.server.tasks()[0]?.body).toEqual({});
  });
});
