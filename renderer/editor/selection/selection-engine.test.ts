import { describe, expect, it } from 'vitest';
import type { SelectionRequest, SelectionResponse } from '../workers/selection-protocol';
import { createSelectionEngine, SelectionCancelled, type EngineState } from './selection-engine';

/** A stand-in for the worker: records what it is sent; the test answers for it. */
class FakeWorker {
  sent: SelectionRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<SelectionResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: SelectionRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: SelectionResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<SelectionResponse>);
  }
  /** Answers the last request with a mask of `bytes` (width × 1). */
  answerMask(bytes: number[]): SelectionRequest {
    const request = this.sent.at(-1)!;
    this.answer({ kind: 'mask', id: request.id, width: bytes.length, height: 1, mask: Uint8Array.from(bytes).buffer, ms: 1 });
    return request;
  }
  /** Says the last request (a photo) is kept. */
  answerReady(): SelectionRequest {
    const request = this.sent.at(-1)!;
    this.answer({ kind: 'ready', id: request.id });
    return request;
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const states: EngineState[] = [];
  const drops = { count: 0 };
  const engine = createSelectionEngine(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (state) => states.push(state),
    () => drops.count++,
  );
  return { engine, workers, states, drops };
}

const bitmap = {} as ImageBitmap;

/** Document `key`'s photo; counts how often the engine reads all of it. */
function frame(key: number, loads = { count: 0 }) {
  return {
    key,
    loads,
    load: async () => {
      loads.count++;
      return bitmap;
    },
  };
}
/** Lets the engine's awaits (loading the frame) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('selection engine (main-thread side of the worker)', () => {
  it('makes no worker until asked, sends the photo before the box, and places the box’s mask at its region', async () => {
    const { engine, workers } = setUp();
    expect(workers).toHaveLength(0);
    const region = { x: 10, y: 20, width: 2, height: 1 };
    const result = engine.selectObject(frame(1), region, { x: 11, y: 20, width: 1, height: 1 });
    await settle();
    const w = workers[0]!;
    expect(w.sent).toHaveLength(1);
    expect(w.answerReady()).toMatchObject({ kind: 'frame', frame: 1, pixels: bitmap });
    await settle();
    expect(w.sent[1]).toMatchObject({ kind: 'object', frame: 1, region, box: { x: 1, y: 0, width: 1, height: 1 } });
    w.answerMask([1, 0]);
    expect(await result).toEqual({ region, data: Uint8Array.from([1, 0]) });
  });

  it('cancel stops the worker at once, rejects what runs, and the next request gets a fresh worker', async () => {
    const { engine, workers, drops } = setUp();
    const running = engine.similarColour(frame(1), { x: 0, y: 0 }, 10);
    await settle();
    workers[0]!.answerReady();
    await settle();
    expect(workers[0]!.sent.at(-1)).toMatchObject({ kind: 'wand' });
    engine.cancel();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(workers[0]?.terminated).toBe(true);
    expect(drops.count).toBe(1); // the photo went with the worker: whoever prepared it prepares it again
    void engine.warmUp();
    expect(workers).toHaveLength(2);
  });

  it('a cancel while only OpenCV and the photo are on their way ends nothing: both serve the next box', async () => {
    const { engine, workers, states, drops } = setUp();
    void engine.warmUp();
    const box = engine.selectObject(frame(1), { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
    await settle();
    expect(workers[0]!.sent.map((r) => r.kind)).toEqual(['warm-up', 'frame']);
    engine.cancel();
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.answerReady(); // the photo is kept
    await expect(box).rejects.toBeInstanceOf(SelectionCancelled); // …but the cancelled box is not sent
    workers[0]!.answer({ kind: 'ready', id: workers[0]!.sent[0]!.id });
    await settle();
    expect(states).toEqual(['loading', 'ready']);
    expect(drops.count).toBe(0);
    // The next box goes straight to the same worker.
    const next = engine.selectObject(frame(1), { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
    await settle();
    expect(workers[0]!.sent.map((r) => r.kind)).toEqual(['warm-up', 'frame', 'object']);
    workers[0]!.answerMask([1]);
    await next;
    expect(workers).toHaveLength(1);
  });

  it('a worker that stops while the photo is being read: the waiting box fails with why, not as cancelled', async () => {
    const { engine, workers, drops } = setUp();
    void engine.warmUp().catch(() => {});
    let release: (b: ImageBitmap) => void = () => {};
    let closed = false;
    const slow = { key: 1, load: () => new Promise<ImageBitmap>((resolve) => (release = resolve)) };
    const box = engine.selectObject(slow, { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
    await settle();
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    release({ close: () => (closed = true) } as unknown as ImageBitmap);
    await expect(box).rejects.toThrow('The selection engine stopped: out of memory');
    expect(closed).toBe(true);
    expect(drops.count).toBe(1);
  });

  it('a cancel while the photo is being read sends no box: the request rejects as cancelled', async () => {
    const { engine, workers } = setUp();
    let release: (b: ImageBitmap) => void = () => {};
    const slow = { key: 1, load: () => new Promise<ImageBitmap>((resolve) => (release = resolve)) };
    const running = engine.selectObject(slow, { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
    await settle();
    engine.cancel();
    release(bitmap);
    await settle();
    // The photo still goes (it is this document's, and kept for the next box); the box does not.
    workers[0]!.answerReady();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(workers[0]!.sent.map((r) => r.kind)).toEqual(['frame']);
  });

  it('says how the engine’s loading goes: loading, ready; a cancel makes it cold, a failure failed', async () => {
    const { engine, workers, states } = setUp();
    const first = engine.warmUp();
    expect(engine.warmUp()).toBe(first);
    expect(states).toEqual(['loading']);
    workers[0]!.answer({ kind: 'ready', id: workers[0]!.sent[0]!.id });
    await first;
    expect(states).toEqual(['loading', 'ready']);

    // A cancel ends the worker with the engine in it.
    const running = engine.selectObject(frame(1), { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
    await settle();
    workers[0]!.answerReady();
    await settle();
    expect(workers[0]!.sent.at(-1)).toMatchObject({ kind: 'object' });
    engine.cancel();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(states.at(-1)).toBe('cold');

    // A worker that answers it cannot load: failed, and the next warm-up asks again.
    const second = engine.warmUp();
    workers[1]!.answer({ kind: 'error', id: workers[1]!.sent[0]!.id, message: 'OpenCV did not load' });
    await expect(second).rejects.toThrow('OpenCV did not load');
    expect(states.slice(-2)).toEqual(['loading', 'failed']);
    void engine.warmUp();
    expect(states.at(-1)).toBe('loading');
  });

  it('reports the worker’s error message', async () => {
    const { engine, workers } = setUp();
    const hint = engine.hint({ x: 0, y: 0, width: 4, height: 4 }, { x: 1, y: 1 }, false);
    const w = workers[0]!;
    w.answer({ kind: 'error', id: w.sent[0]!.id, message: 'Drag a box around the object first.' });
    await expect(hint).rejects.toThrow('Drag a box around the object first.');
  });

  it('a photo still loading is told, and asked for again by the next request', async () => {
    const { engine, workers } = setUp();
    let shown = false;
    const loads = { count: 0 };
    const photo = { key: 1, load: async () => (loads.count++, shown ? bitmap : null) };
    await expect(engine.similarColour(photo, { x: 0, y: 0 }, 10)).rejects.toThrow('The photo is still loading');
    shown = true;
    const next = engine.similarColour(photo, { x: 0, y: 0 }, 10);
    await settle();
    workers[0]!.answerReady();
    await settle();
    workers[0]!.answerMask([1]);
    await next;
    expect(loads.count).toBe(2);
  });

  it('sends the photo once per document, prepared or not: later boxes and clicks send no pixels; a new document its own photo', async () => {
    const { engine, workers } = setUp();
    const loads = { count: 0 };
    /** Runs a click, answering whatever the engine sends; returns what it sent. */
    const click = async (f: ReturnType<typeof frame>) => {
      const w = () => workers.at(-1)!;
      const mark = { worker: workers.at(-1), sent: workers.at(-1)?.sent.length ?? 0 };
      const result = engine.similarColour(f, { x: 1, y: 1 }, 10);
      await settle();
      const from = w() === mark.worker ? mark.sent : 0; // a fresh worker: all it was sent
      if (w().sent.at(-1)?.kind === 'frame') {
        w().answerReady();
        await settle();
      }
      w().answerMask([1]);
      await result;
      return w()
        .sent.slice(from)
        .map((r) => (r.kind === 'frame' ? `frame ${r.frame}` : r.kind === 'wand' ? `wand ${r.frame}` : r.kind));
    };
    // Chosen the tool: the photo goes at once, and the click after sends only the seed.
    const prepared = engine.prepare(frame(1, loads));
    expect(engine.prepare(frame(1, loads))).toBe(prepared);
    await settle();
    workers[0]!.answerReady();
    await prepared;
    expect(await click(frame(1, loads))).toEqual(['wand 1']);
    expect(await click(frame(1, loads))).toEqual(['wand 1']);
    expect(loads.count).toBe(1);
    expect(await click(frame(2))).toEqual(['frame 2', 'wand 2']);
    // Closing the document lets the worker drop it; the next click sends it again.
    engine.forgetFrame();
    expect(workers[0]!.sent.at(-1)).toMatchObject({ kind: 'forget-frame' });
    expect(await click(frame(2))).toEqual(['frame 2', 'wand 2']);
    // A cancel ends the worker and what it kept: the fresh worker gets the photo with the next click.
    const running = engine.similarColour(frame(2), { x: 0, y: 0 }, 10);
    await settle();
    engine.cancel();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(await click(frame(2))).toEqual(['frame 2', 'wand 2']);
    expect(workers).toHaveLength(2);
  });

  it('a document closed while its photo is read: the photo is dropped, not sent', async () => {
    const { engine, workers } = setUp();
    let release: (b: ImageBitmap) => void = () => {};
    let closed = false;
    const closable = { close: () => (closed = true) } as unknown as ImageBitmap;
    const slow = { key: 1, load: () => new Promise<ImageBitmap>((resolve) => (release = resolve)) };
    const prepared = engine.prepare(slow);
    engine.forgetFrame();
    release(closable);
    await expect(prepared).rejects.toBeInstanceOf(SelectionCancelled);
    expect(closed).toBe(true);
    expect(workers).toHaveLength(0);
  });
});
