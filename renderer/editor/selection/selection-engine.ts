// The main-thread side of the selection worker: one request at a time, answered by a promise; cancel() stops the
// running one at once by ending the worker (GrabCut cannot be interrupted from outside), and the next request
// starts a fresh worker. The worker is made on first use, never at app start.
import type { Rect } from '../../../shared/editor/geometry';
import type { SelectionRequest, SelectionResponse } from '../workers/selection-protocol';
import type { RegionMask } from './apply-selection';

export class SelectionCancelled extends Error {
  override readonly name = 'SelectionCancelled';
}

/**
 * The object select's engine (OpenCV in the worker): not loaded ('cold': never asked, or its worker was ended by a
 * cancel), loading, ready, or failed to load (not retried until asked again).
 */
export type EngineState = 'cold' | 'loading' | 'ready' | 'failed';

export interface SelectionEngine {
  /** Starts loading the object select's engine (OpenCV) in the background; resolves when it is ready. */
  warmUp(): Promise<void>;
  /** GrabCut for a new box. `pixels` is `region` of the photo at full resolution; `box` in photo pixels. */
  selectObject(pixels: ImageBitmap, region: Rect, box: Rect): Promise<RegionMask>;
  /** Refines the last box's result with a click at `point` (photo pixels). */
  hint(region: Rect, point: { x: number; y: number }, object: boolean): Promise<RegionMask>;
  /**
   * Similar colour over the whole photo of `frame`: its pixels are loaded and sent only when the worker does not
   * hold that document's frame yet (the first click on it, or after a cancel ended the worker).
   */
  similarColour(frame: WandFrame, seed: { x: number; y: number }, tolerance: number): Promise<RegionMask>;
  /** Lets the worker drop the frame it keeps for the magic wand (the document closed). */
  forgetFrame(): void;
  /** Stops what is running (its promise rejects with SelectionCancelled); the last box is forgotten. */
  cancel(): void;
  /** Forgets the last box. */
  close(): void;
}

/** The photo the magic wand works on: the document's generation and how to read all of it when needed. */
export interface WandFrame {
  key: number;
  load(): Promise<ImageBitmap | null>;
}

/** A request as sent before its id is given (Omit that keeps the union's members apart). */
type Unsent = SelectionRequest extends infer R ? (R extends SelectionRequest ? Omit<R, 'id'> : never) : never;

type Pending = { id: number; region: Rect | null; resolve(value: RegionMask | null): void; reject(error: Error): void };

export function createSelectionEngine(makeWorker: () => Worker, onEngineState: (state: EngineState) => void = () => {}): SelectionEngine {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let ready: Promise<void> | null = null;
  /** The document generation whose frame the current worker keeps for the wand (null: none, or not yet sent). */
  let wandKey: number | null = null;

  const start = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<SelectionResponse>) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      if (message.kind === 'error') job.reject(new Error(message.message));
      else if (message.kind === 'ready') job.resolve(null);
      else {
        const region = job.region ?? { x: 0, y: 0, width: message.width, height: message.height };
        job.resolve({ region, data: new Uint8Array(message.mask) });
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`The selection engine stopped: ${event.message || 'it could not start'}`));
    };
    worker = w;
    return w;
  };

  const fail = (error: Error): void => {
    worker?.terminate();
    worker = null;
    if (ready) onEngineState(error instanceof SelectionCancelled ? 'cold' : 'failed');
    ready = null;
    wandKey = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.reject(error);
  };

  const send = (request: Unsent, region: Rect | null, transfer: Transferable[] = []): Promise<RegionMask | null> => {
    const w = start();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { id, region, resolve, reject });
      w.postMessage({ ...request, id } as SelectionRequest, transfer);
    });
  };

  const mask = async (p: Promise<RegionMask | null>): Promise<RegionMask> => {
    const result = await p;
    if (!result) throw new Error('the selection worker answered without a mask');
    return result;
  };

  return {
    warmUp() {
      if (!ready) {
        onEngineState('loading');
        const loading: Promise<void> = send({ kind: 'warm-up' }, null).then(
          () => {
            if (ready === loading) onEngineState('ready');
          },
          (error: unknown) => {
            // The worker answered that it could not load (a worker that stopped was handled by fail()).
            if (ready === loading) {
              ready = null;
              onEngineState('failed');
            }
            throw error;
          },
        );
        ready = loading;
      }
      return ready;
    },
    selectObject(pixels, region, box) {
      const local = { x: box.x - region.x, y: box.y - region.y, width: box.width, height: box.height };
      return mask(send({ kind: 'object', pixels, box: local }, region, [pixels]));
    },
    hint(region, point, object) {
      return mask(send({ kind: 'hint', point: { x: point.x - region.x, y: point.y - region.y }, object }, region));
    },
    async similarColour(frame, seed, tolerance) {
      if (wandKey === frame.key && worker) return mask(send({ kind: 'wand', frame: frame.key, seed, tolerance }, null));
      const pixels = await frame.load();
      if (!pixels) throw new Error('The photo is still loading; try again in a moment.');
      const sent = send({ kind: 'wand', frame: frame.key, pixels, seed, tolerance }, null, [pixels]);
      wandKey = frame.key;
      return mask(sent).catch((error: unknown) => {
        if (wandKey === frame.key) wandKey = null; // the worker may not hold it: send it again next time
        throw error;
      });
    },
    forgetFrame() {
      if (wandKey === null || !worker) return;
      wandKey = null;
      worker.postMessage({ kind: 'forget-frame', id: 0 } satisfies SelectionRequest);
    },
    cancel() {
      if (pending.size > 0) fail(new SelectionCancelled('cancelled'));
    },
    close() {
      // No answer expected: the worker just drops the box's pixels.
      worker?.postMessage({ kind: 'close', id: 0 } satisfies SelectionRequest);
    },
  };
}
