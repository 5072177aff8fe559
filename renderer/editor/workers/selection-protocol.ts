// Messages between the editor and its selection worker (workers/selection.worker.ts). Pixels travel as
// ImageBitmaps and masks as ArrayBuffers, both transferred (moved, not copied).
import type { Rect } from '../../../shared/editor/geometry';

export type SelectionRequest =
  /** Load OpenCV now (first use of the object select), so the first box does not wait for it. */
  | { kind: 'warm-up'; id: number }
  /**
   * The whole photo of document `frame`, sent once per document (when a selection tool is chosen, or by its first
   * use): the worker keeps its RGBA for every box and click after, instead of the page reading and sending the
   * pixels at each one (a box over most of a 4096² photo spent ~300 ms just reading them). It replaces the photo
   * kept before.
   */
  | { kind: 'frame'; id: number; frame: number; pixels: ImageBitmap }
  /** A new box on the kept photo of document `frame`: `region` in photo pixels, `box` in the region's pixels. */
  | { kind: 'object'; id: number; frame: number; region: Rect; box: Rect }
  /** A click refining the last box's result; `point` in the region's pixels. */
  | { kind: 'hint'; id: number; point: { x: number; y: number }; object: boolean }
  /** Similar colour from `seed` over the kept photo of document `frame`. */
  | { kind: 'wand'; id: number; frame: number; seed: { x: number; y: number }; tolerance: number }
  /** Drop the kept photo and the last box (the document was closed or replaced). */
  | { kind: 'forget-frame'; id: number }
  /** Forget the last box. */
  | { kind: 'close'; id: number };

export type SelectionResponse =
  | { kind: 'ready'; id: number }
  /** `mask` has width × height bytes (the request's region), 1 = selected. */
  | { kind: 'mask'; id: number; width: number; height: number; mask: ArrayBuffer; ms: number }
  | { kind: 'error'; id: number; message: string };
