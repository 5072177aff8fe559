// Each fault kind, how faults match (method, path prefix on both path forms, times), and the two that matter most
// to a client: the unknown-outcome create (reset after processing) and the cut download that must resume.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, CLIP_PATH, GOOD_IMAGE, startHarness, type Harness } from './test-helpers';

const CLIP = readFileSync(CLIP_PATH);
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.server.close());

const create = (extra: Record<string, unknown> = {}) => h.call('POST', API, { body: { image: GOOD_IMAGE, ...extra } });

/** The low-level error under fetch's "fetch failed". */
async function networkError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? String(e);
  }
  throw new Error('expected the request to fail');
}

describe('kling-error', () => {
  it.each([
    [1302, 429],
    [1303, 429],
    [5000, 500],
    [5001, 503],
    [5002, 504],
  ])('code %i answers HTTP %i and processes nothing', async (code, status) => {
    h.server.faults.inject({ kind: 'kling-error', code, method: 'POST' });
    const r = await create();
    expect([r.status, r.json.code]).toEqual([status, code]);
    expect(h.server.tasks()).toHaveLength(0);
    expect((await create()).json.code).toBe(0); // used up after one hit
  });

  it('times, method and path prefix decide what it hits; one prefix covers both path forms', async () => {
    h.server.faults.inject({ kind: 'kling-error', code: 1302, method: 'GET', pathPrefix: API, times: 2 });
    expect((await create()).json.code).toBe(0); // POST: not matched
    expect((await h.call('GET', API)).json.code).toBe(1302);
    expect(h.server.faults.pending()).toEqual([expect.objectContaining({ times: 1 })]);
    expect((await h.call('GET', `/kling${API}`)).json.code).toBe(1302);
    expect(h.server.faults.pending()).toEqual([]);
    expect((await h.call('GET', API)).json.code).toBe(0);
  });

  it('clear() drops queued faults', async () => {
    h.server.faults.inject({ kind: 'kling-error', code: 5000, times: 3 });
    h.server.faults.clear();
    expect((await h.call('GET', API)).json.code).toBe(0);
  });
});

describe('connection resets', () => {
  it('reset-before: the client sees a reset and no task is made', async () => {
    h.server.faults.inject({ kind: 'reset-before', method: 'POST' });
    expect(await networkError(create({ external_task_id: 'rb' }))).toBe('ECONNRESET');
    expect(h.server.tasks()).toHaveLength(0);
    expect(h.server.received.at(-1)).toMatchObject({ method: 'POST', path: API, body: { external_task_id: 'rb' } });
  });

  it('reset-after: the create happened although the client never saw it; the task is found by external_task_id', async () => {
    h.server.faults.inject({ kind: 'reset-after', method: 'POST', pathPrefix: API });
    expect(await networkError(create({ external_task_id: 'unknown-outcome' }))).toBe('ECONNRESET');
    expect(h.server.tasks()).toHaveLength(1);
    const q = await h.call('GET', `${API}/unknown-outcome`);
    expect(q.json.code).toBe(0);
    expect(q.json.data?.task_id).toBe(h.server.tasks()[0]?.taskId);
    // Retrying the create blindly would be refused: the id is taken.
    expect((await create({ external_task_id: 'unknown-outcome' })).json.code).toBe(1201);
  });
});

describe('delay and malformed', () => {
  // Proven by order, not by wall time (house rule: no timed assertions): the delayed request arrives first, yet a
  // later request without the fault is answered while the first is still held; then the first answers normally.
  it('delay holds the answer back while later requests are answered, then answers normally', async () => {
    h.server.faults.inject({ kind: 'delay', ms: 1_000 });
    const answered: string[] = [];
    const held = h.call('GET', `${API}?pageNum=1`).then((r) => {
      answered.push('held');
      return r;
    });
    // The fault is taken when the request arrives; only then send the second, which the used-up fault cannot hit.
    await expect.poll(() => h.server.received.length).toBe(1);
    const later = await h.call('GET', `${API}?pageNum=2`);
    answered.push('later');
    expect(later.json.code).toBe(0);
    expect(answered).toEqual(['later']);
    expect((await held).json.code).toBe(0);
    expect(answered).toEqual(['later', 'held']);
    expect(h.server.received.map((r) => r.query.pageNum)).toEqual(['1', '2']);
  });

  it('malformed answers a body that is not JSON (default and custom)', async () => {
    h.server.faults.inject({ kind: 'malformed' });
    h.server.faults.inject({ kind: 'malformed', status: 502, body: '<html>Bad Gateway</html>' });
    const a = await fetch(`${h.server.baseUrl}${API}`, { headers: { Authorization: 'Bearer key-alice' } });
    expect(a.status).toBe(200);
    const text = await a.text();
    expect(() => JSON.parse(text)).toThrow();
    const b = await fetch(`${h.server.baseUrl}${API}`);
    expect([b.status, await b.text()]).toEqual([502, '<html>Bad Gateway</html>']);
  });
});

describe('truncate', () => {
  it('cuts a download after N bytes; a Range request resumes it to the exact file', async () => {
    const id = (await create()).json.data!.task_id;
    h.clock.t += 60_000;
    const url = (await h.call('GET', `${API}/${id}`)).json.data!.task_result!.videos[0]!.url;

    const CUT = 10_000;
    h.server.faults.inject({ kind: 'truncate', afterBytes: CUT, pathPrefix: '/results/' });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(CLIP.length);
    const etag = res.headers.get('etag')!;
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    let failed = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
      }
    } catch {
      failed = true;
    }
    const head = Buffer.concat(parts);
    expect(failed).toBe(true);
    expect(head.length).toBe(CUT);

    const rest = await fetch(url, { headers: { Range: `bytes=${head.length}-`, 'If-Range': etag } });
    expect(rest.status).toBe(206);
    const whole = Buffer.concat([head, Buffer.from(await rest.arrayBuffer())]);
    expect(whole.equals(CLIP)).toBe(true);
  });
});
