// Messages between the editor and its selection worker (workers/selection.worker.ts). Pixels travel as
// ImageBitmaps and masks as ArrayBuffers, both transferred (moved, not copied).
import type { Rect } from '../../../shared/editor/geometry';

export type SelectionRequest =
  /** Load OpenCV now (first use of the object select), so the first box does not wait for it. */
  | { kind: 'warm-up'; id: number }
  /** A new box: `pixels` is the region at full resolution, `box` is in the region's pixels. */
  | { kind: 'object'; id: number; pixels: ImageBitmap; box: Rect }
  /** A click refining the last box's result; `point` in the region's pixels. */
  | { kind: 'hint'; id: number; point: { x: number; y: number }; object: boolean }
  /**
   * Similar colour from `seed` over the whole photo of document `frame`. `pixels` (all of it) comes only with the
   * first click on a document: the worker keeps the frame's RGBA for the clicks after, rather than the page copying
   * the whole photo (64 MB at 4096²) at every click.
   */
  | { kind: 'wand'; id: number; frame: number; pixels?: ImageBitmap; seed: { x: number; y: number }; tolerance: number }
  /** Drop the frame kept for the magic wand (the document was closed or replaced). */
  | { kind: 'forget-frame'; id: number }
  /** Forget the last box (frees its pixels). */
  | { kind: 'close'; id: number };

export type SelectionResponse =
  | { kind: 'ready'; id: number }
  /** `mask` has width × height bytes (the request's region), 1 = selected. */
  | { kind: 'mask'; id: number; width: number; height: number; mask: ArrayBuffer; ms: number }
  | { kind: 'error'; id: number; message: string };
