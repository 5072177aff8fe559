// A selection result (object select or magic wand) entering the label map like any stroke: through LabelMap spans,
// so ownership stays exclusive (painting an area takes the pixels from the others), the counts stay right and the
// history records only the changed rectangle. The caller wraps each call in one history gesture (one undo step).
//
// Modes, as in image editors: a plain gesture REPLACES the area's pixels with the selection, Shift ADDS to them,
// Alt SUBTRACTS from them.
import type { Rect } from '../../../shared/editor/geometry';
import { UNPAINTED } from '../../../shared/editor/labels';
import type { LabelMap } from '../model/label-map';
import type { SpanSink } from '../model/raster';

export type SelectionMode = 'replace' | 'add' | 'subtract';

/** A mask over part of the photo: `data` has region.width × region.height bytes, 1 = selected. */
export interface RegionMask {
  readonly region: Rect;
  readonly data: Uint8Array;
}

export function modeOf(modifiers: { shift: boolean; alt: boolean }): SelectionMode {
  return modifiers.alt ? 'subtract' : modifiers.shift ? 'add' : 'replace';
}

/** The runs of the region's pixels for which `test(index)` holds, as label-map spans (image coordinates). */
export function spansWhere(region: Rect, test: (index: number) => boolean): (sink: SpanSink) => void {
  return (sink) => {
    for (let y = 0; y < region.height; y++) {
      const row = y * region.width;
      let x = 0;
      while (x < region.width) {
        while (x < region.width && !test(row + x)) x++;
        const start = x;
        while (x < region.width && test(row + x)) x++;
        if (x > start) sink(region.y + y, region.x + start, region.x + x);
      }
    }
  };
}

/**
 * The runs of 1 in `data` (a region's mask of 0 and 1), as label-map spans: the same spans as
 * spansWhere(region, (i) => data[i] === 1), found by the typed array's own indexOf (native code) instead of a test
 * per pixel: for a 4096² region that took most of applying an object select on the main thread.
 */
export function maskSpans(region: Rect, data: Uint8Array): (sink: SpanSink) => void {
  return (sink) => {
    const w = region.width;
    const n = Math.min(data.length, w * region.height);
    let one = data.indexOf(1);
    while (one !== -1 && one < n) {
      let zero = data.indexOf(0, one);
      if (zero === -1 || zero > n) zero = n;
      // [one, zero) may run over several rows: one span a row.
      let y = Math.floor(one / w);
      let from = one - y * w;
      for (let rowStart = y * w; rowStart < zero; rowStart += w, y++, from = 0) {
        const to = Math.min(w, zero - rowStart);
        sink(region.y + y, region.x + from, region.x + to);
      }
      one = zero < n ? data.indexOf(1, zero) : -1;
    }
  };
}

/** The labels of the region's pixels, row by row (to put them back later). */
export function readRegion(labels: LabelMap, region: Rect): Uint8Array {
  const out = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const from = (region.y + y) * labels.width + region.x;
    out.set(labels.data.subarray(from, from + region.width), y * region.width);
  }
  return out;
}

/** Applies a fresh selection to area `label`. */
export function applySelection(labels: LabelMap, mask: RegionMask, label: number, mode: SelectionMode, opName: string): void {
  const { region, data } = mask;
  if (mode === 'subtract') {
    labels.fillSpans(maskSpans(region, data), label, 'erase', opName);
    return;
  }
  if (mode === 'replace') labels.clear(label);
  labels.fillSpans(maskSpans(region, data), label, 'paint', opName);
}

/**
 * Changes an applied selection from `previous` to `next` (a refined result over the same region): pixels that
 * joined get the mode's change, pixels that left get back what they had before the selection (`before`, read with
 * readRegion before it was first applied); in replace mode the area's own old pixels stay released.
 */
export function reapplySelection(
  labels: LabelMap,
  before: Uint8Array,
  previous: RegionMask,
  next: RegionMask,
  label: number,
  mode: SelectionMode,
  opName: string,
): void {
  const { region } = next;
  const was = previous.data;
  const now = next.data;
  labels.fillSpans(spansWhere(region, (i) => now[i] === 1 && was[i] !== 1), label, mode === 'subtract' ? 'erase' : 'paint', opName);
  const restored = (i: number) => {
    const v = before[i] ?? UNPAINTED;
    return mode === 'replace' && v === label ? UNPAINTED : v;
  };
  const left = (i: number) => was[i] === 1 && now[i] !== 1;
  const targets = new Set<number>();
  for (let i = 0; i < now.length; i++) if (left(i)) targets.add(restored(i));
  for (const v of targets) labels.fillSpans(spansWhere(region, (i) => left(i) && restored(i) === v), v, 'paint', opName);
}
