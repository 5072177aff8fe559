// Motion-brush masks from the editor's label map: one grayscale PNG per non-empty area, binary 0/255 with white =
// the area, no alpha, at the start frame's exact pixel size (../shared/kling-api.md, "Motion brush": a size mismatch
// is accepted at submit time and fails the task later, so it is refused here instead).
//
// The label map is scanned ONCE for all areas: each run of equal labels is handed to every area's deflater as a run
// of 255 (its own label) or 0 (anything else); the deflaters merge adjacent runs of the same value.
import { RunDeflater } from './deflate-runs';
import { FIRST_DYNAMIC_LABEL, LABEL_COUNT, MAX_LABEL, STATIC_LABEL, assertLabel } from './labels';
import { wrapGrayPng } from './png';

/** The label map as the export sees it: row-major, one label per pixel. */
export interface LabelRaster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface ExportedMask {
  /** 1 = static, 2..7 = dynamic areas 1..6 (shared/editor/labels.ts). */
  label: number;
  kind: 'static' | 'dynamic';
  pixelCount: number;
  /** Grayscale PNG, 0 / 255. */
  png: Uint8Array;
}

export interface ExportMasksOptions {
  /** The start frame's size; the label map must match it exactly. */
  frame?: { width: number; height: number };
  /** Areas to export (default: static and all dynamic labels). Empty ones are still left out. */
  labels?: readonly number[];
}

export class MaskSizeError extends Error {
  override readonly name = 'MaskSizeError';
}

function checkRaster(raster: LabelRaster, frame?: { width: number; height: number }): void {
  if (raster.data.length !== raster.width * raster.height) {
    throw new RangeError(`label map holds ${raster.data.length} labels, expected ${raster.width}×${raster.height}`);
  }
  if (frame && (frame.width !== raster.width || frame.height !== raster.height)) {
    throw new MaskSizeError(
      `masks are ${raster.width}×${raster.height} but the start frame is ${frame.width}×${frame.height}; Kling fails such tasks`,
    );
  }
}

/** The non-empty areas' masks, in label order (static first, then dynamic areas 1..6). */
export function exportMasks(raster: LabelRaster, options: ExportMasksOptions = {}): ExportedMask[] {
  checkRaster(raster, options.frame);
  const wanted = [...new Set(options.labels ?? range(STATIC_LABEL, MAX_LABEL))].sort((a, b) => a - b);
  wanted.forEach(assertLabel);
  const { width, height, data } = raster;
  // Rough output estimate: a few bytes per row, so most exports never grow their buffer.
  const deflaters = wanted.map(() => new RunDeflater(Math.min(1 << 20, 64 + height * 8)));
  const white = new Int32Array(LABEL_COUNT).fill(-1);
  wanted.forEach((label, i) => (white[label] = i));
  const counts = new Float64Array(256);
  const k = deflaters.length;
  // Runs are found four labels at a time where every row starts on a word boundary (any width that is a multiple of
  // 4): the scan of every pixel was most of exporting a 4096² document's masks.
  const words = width % 4 === 0 && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
  for (let y = 0; y < height; y++) {
    for (let m = 0; m < k; m++) deflaters[m]!.pushRun(0, 1); // PNG filter type 0
    const end = (y + 1) * width;
    let i = y * width;
    while (i < end) {
      const v = data[i] as number;
      let j = i + 1;
      if (words !== null) {
        while (j < end && (j & 3) !== 0 && data[j] === v) j++;
        if ((j & 3) === 0) for (const four = v * 0x01010101; j < end && words[j >> 2] === four; ) j += 4;
      }
      while (j < end && data[j] === v) j++;
      const n = j - i;
      counts[v]! += n;
      const own = v < LABEL_COUNT ? (white[v] ?? -1) : -1;
      for (let m = 0; m < k; m++) deflaters[m]!.pushRun(m === own ? 255 : 0, n);
      i = j;
    }
  }
  const masks: ExportedMask[] = [];
  wanted.forEach((label, m) => {
    const zlib = deflaters[m]!.finish();
    const pixelCount = counts[label] ?? 0;
    if (pixelCount === 0) return;
    masks.push({
      label,
      kind: label >= FIRST_DYNAMIC_LABEL ? 'dynamic' : 'static',
      pixelCount,
      png: wrapGrayPng(width, height, zlib),
    });
  });
  return masks;
}

/** The 0/255 pixels of one area (previews, tests); what exportMasks encodes for that label. */
export function binaryMask(raster: LabelRaster, label: number): Uint8Array {
  checkRaster(raster);
  assertLabel(label);
  const out = new Uint8Array(raster.data.length);
  const data = raster.data;
  for (let i = 0; i < data.length; i++) if (data[i] === label) out[i] = 255;
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v++) out.push(v);
  return out;
}
