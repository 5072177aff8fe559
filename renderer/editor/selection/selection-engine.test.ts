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
}

function setUp() {
  const workers: FakeWorker[] = [];
  const states: EngineState[] = [];
  const engine = createSelectionEngine(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (state) => states.push(state),
  );
  return { engine, workers, states };
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
  it('makes no worker until asked, and places a box’s mask at its region', async () => {
    const { engine, workers } = setUp();
    expect(workers).toHaveLength(0);
    const region = { x: 10, y: 20, width: 2, height: 1 };
    const result = engine.selectObject(bitmap, region, { x: 11, y: 20, width: 1, height: 1 });
    const w = workers[0]!;
    const request = w.sent[0];
    expect(request).toMatchObject({ kind: 'object', box: { x: 1, y: 0, width: 1, height: 1 } });
    w.answer({ kind: 'mask', id: request!.id, width: 2, height: 1, mask: Uint8Array.from([1, 0]).buffer, ms: 1 });
    expect(await result).toEqual({ region, data: Uint8Array.from([1, 0]) });
  });

  it('cancel stops the worker at once, rejects what runs, and the next request gets a fresh worker', async () => {
    const { engine, workers } = setUp();
    const running = engine.similarColour(frame(1), { x: 0, y: 0 }, 10);
    await settle();
    engine.cancel();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(workers[0]?.terminated).toBe(true);
    void engine.warmUp();
    expect(workers).toHaveLength(2);
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
    const running = engine.selectObject(bitmap, { x: 0, y: 0, width: 8, height: 8 }, { x: 1, y: 1, width: 4, height: 4 });
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

  it('sends the magic wand the photo once per document: later clicks send a seed, a new document its own photo', async () => {
    const { engine, workers } = setUp();
    const loads = { count: 0 };
    const click = async (f: ReturnType<typeof frame>) => {
      const result = engine.similarColour(f, { x: 1, y: 1 }, 10);
      await settle();
      const w = workers.at(-1)!;
      const request = w.sent.at(-1)!;
      w.answer({ kind: 'mask', id: request.id, width: 1, height: 1, mask: Uint8Array.from([1]).buffer, ms: 1 });
      await result;
      return request;
    };
    expect(await click(frame(1, loads))).toMatchObject({ kind: 'wand', frame: 1, pixels: bitmap });
    const second = await click(frame(1, loads));
    expect(second).toMatchObject({ kind: 'wand', frame: 1 });
    expect('pixels' in second).toBe(false);
    expect(loads.count).toBe(1);
    expect(await click(frame(2))).toMatchObject({ frame: 2, pixels: bitmap });
    // Closing the document lets the worker drop it; the next click sends it again.
    engine.forgetFrame();
    expect(workers[0]!.sent.at(-1)).toMatchObject({ kind: 'forget-frame' });
    expect(await click(frame(2))).toMatchObject({ frame: 2, pixels: bitmap });
    // A cancel ends the worker and what it kept: the fresh worker gets the photo with the next click.
    const running = engine.similarColour(frame(2), { x: 0, y: 0 }, 10);
    await settle();
    engine.cancel();
    await expect(running).rejects.toBeInstanceOf(SelectionCancelled);
    expect(await click(frame(2))).toMatchObject({ frame: 2, pixels: bitmap });
    expect(workers).toHaveLength(2);
  });
});
