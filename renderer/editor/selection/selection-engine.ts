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
  /**
   * Sends `frame`'s photo to the worker unless it holds it already (kept there for every select on the document
   * after). Called when a selection tool is chosen, so the first box or click does not wait for it.
   */
  prepare(frame: PhotoFrame): Promise<void>;
  /** GrabCut for a new box on `frame`'s photo: `region` around the box, and `box`, in photo pixels. */
  selectObject(frame: PhotoFrame, region: Rect, box: Rect): Promise<RegionMask>;
  /** Refines the last box's result with a click at `point` (photo pixels). */
  hint(region: Rect, point: { x: number; y: number }, object: boolean): Promise<RegionMask>;
  /** Similar colour over the whole photo of `frame`. */
  similarColour(frame: PhotoFrame, seed: { x: number; y: number }, tolerance: number): Promise<RegionMask>;
  /** Lets the worker drop the photo it keeps (the document closed). */
  forgetFrame(): void;
  /**
   * Stops the box, click or fill that runs (its promise rejects with SelectionCancelled; the worker is ended, the
   * last box forgotten) or that waits for the photo (it is not sent).
   */
  cancel(): void;
  /** Forgets the last box. */
  close(): void;
}

/** The photo the selection tools work on: the document's generation and how to read all of it when needed. */
export interface PhotoFrame {
  key: number;
  load(): Promise<ImageBitmap | null>;
}

/** The photo the worker holds or is being sent; `lost` says why it was dropped while on its way. */
interface KeptPhoto {
  key: number;
  sent: Promise<void>;
  lost?: Error;
}

/** A request as sent before its id is given (Omit that keeps the union's members apart). */
type Unsent = SelectionRequest extends infer R ? (R extends SelectionRequest ? Omit<R, 'id'> : never) : never;

type Pending = {
  id: number;
  region: Rect | null;
  /**
   * Whether a cancel stops it (a box, a click, a fill). Loading OpenCV and taking the photo are not stopped: they
   * serve the next request too, and ending the worker for them would only make that one load everything again.
   */
  stoppable: boolean;
  resolve(value: RegionMask | null): void;
  reject(error: Error): void;
};

/**
 * `onEngineState` hears how OpenCV's loading goes; `onPhotoDropped` that the worker ended while holding the photo (a
 * cancel or a crash), so that whoever prepared it can prepare it again.
 */
export function createSelectionEngine(
  makeWorker: () => Worker,
  onEngineState: (state: EngineState) => void = () => {},
  onPhotoDropped: () => void = () => {},
): SelectionEngine {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let ready: Promise<void> | null = null;
  /** The photo the current worker keeps (or is being sent), by document generation; null: none. */
  let kept: KeptPhoto | null = null;
  /** Counts cancels: a request still waiting for its photo when one comes is not sent. */
  let cancels = 0;

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
    if (kept) {
      kept.lost = error; // a photo still being read learns why it is not wanted, rather than "cancelled"
      kept = null;
      onPhotoDropped();
    }
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.reject(error);
  };

  const send = (request: Unsent, region: Rect | null, transfer: Transferable[] = []): Promise<RegionMask | null> => {
    const w = start();
    const id = nextId++;
    const stoppable = request.kind !== 'warm-up' && request.kind !== 'frame';
    return new Promise((resolve, reject) => {
      pending.set(id, { id, region, stoppable, resolve, reject });
      w.postMessage({ ...request, id } as SelectionRequest, transfer);
    });
  };

  const mask = async (p: Promise<RegionMask | null>): Promise<RegionMask> => {
    const result = await p;
    if (!result) throw new Error('the selection worker answered without a mask');
    return result;
  };

  function prepare(frame: PhotoFrame): Promise<void> {
    // Held by the worker, or on its way there (a worker that stopped forgot it: fail() cleared `kept`).
    if (kept?.key === frame.key) return kept.sent;
    const entry: KeptPhoto = { key: frame.key, sent: Promise.resolve() };
    entry.sent = (async () => {
      const pixels = await frame.load();
      if (!pixels) throw new Error('The photo is still loading; try again in a moment.');
      if (kept !== entry) {
        // The document closed (or another photo was asked for) meanwhile, or the worker ended.
        pixels.close();
        throw entry.lost ?? new SelectionCancelled('another photo');
      }
      await send({ kind: 'frame', frame: frame.key, pixels }, null, [pixels]);
    })();
    kept = entry;
    // Not held: sent again next time (a failure is told by the request that waits for it).
    entry.sent.catch(() => {
      if (kept === entry) kept = null;
    });
    return entry.sent;
  }

  /** Waits for `frame`'s photo to be in the worker, for a request that must not be sent if cancelled meanwhile. */
  async function photoOf(frame: PhotoFrame): Promise<void> {
    const asked = cancels;
    await prepare(frame);
    if (cancels !== asked) throw new SelectionCancelled('cancelled');
  }

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
    prepare,
    async selectObject(frame, region, box) {
      await photoOf(frame);
      const local = { x: box.x - region.x, y: box.y - region.y, width: box.width, height: box.height };
      return mask(send({ kind: 'object', frame: frame.key, region, box: local }, region));
    },
    hint(region, point, object) {
      return mask(send({ kind: 'hint', point: { x: point.x - region.x, y: point.y - region.y }, object }, region));
    },
    async similarColour(frame, seed, tolerance) {
      await photoOf(frame);
      return mask(send({ kind: 'wand', frame: frame.key, seed, tolerance }, null));
    },
    forgetFrame() {
      if (!kept) return;
      kept = null; // a photo still on its way is dropped when it arrives (prepare checks `kept`)
      worker?.postMessage({ kind: 'forget-frame', id: 0 } satisfies SelectionRequest);
    },
    cancel() {
      cancels++;
      if ([...pending.values()].some((job) => job.stoppable)) fail(new SelectionCancelled('cancelled'));
    },
    close() {
      // No answer expected: the worker just drops the box's pixels.
      worker?.postMessage({ kind: 'close', id: 0 } satisfies SelectionRequest);
    },
  };
}
