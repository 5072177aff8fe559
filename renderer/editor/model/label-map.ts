// The document's mask storage: ONE byte per pixel of the start frame, holding the label of the area the pixel
// belongs to (0 = unpainted, 1 = static, 2..7 = dynamic areas 1..6; see shared/editor/labels.ts). A pixel therefore
// belongs to at most one area by construction: painting area k writes k, taking the pixel from whoever had it.
//
// Every operation returns the rectangle of pixels it actually changed (null when none changed), tells the pixel
// listeners (the overlay redraws only that rectangle) and, when a History is attached, is recorded lazily by tiles
// (tile-undo.ts): before a pixel changes its 64 × 64 tile is kept, encoded; when the gesture is sealed the step holds
// the before/after of the tiles that really changed. Outside a gesture each operation is one step.
//
// Choices a painter sees:
// - Eraser (mode 'erase') clears only pixels of the area being erased: erasing the static area near a dynamic one
//   never eats the dynamic one. To wipe whatever is under the brush, paint label 0 (UNPAINTED) in mode 'paint'.
// - invert(k) swaps area k with the UNPAINTED pixels and leaves other areas alone. The other reading ("every pixel
//   not in k becomes k") would steal other areas' paint: the usual flow "paint the boat as dynamic, then invert the
//   static area to get everything else" would turn the boat static. Swapping with unpainted pixels is also its own
//   inverse (invert twice = no change); fillAll(k) remains for "everything is k".
import { assertLabel, LABEL_COUNT, UNPAINTED } from '../../../shared/editor/labels';
import type { Point, Rect } from '../../../shared/editor/geometry';
import type { GestureParticipant, History, HistoryStep } from './history';
import { capsuleSpans, polygonSpans, rectSpans, type SpanSink } from './raster';
import { TileRecorder } from './tile-undo';

export type InkMode = 'paint' | 'erase';
export type PixelsListener = (rect: Rect) => void;

export interface LabelMapOptions {
  /** Records every change into this history (the map attaches itself as a gesture participant). */
  history?: History;
  /** Initial labels (e.g. a loaded draft); copied. Every value must be a valid label. */
  data?: Uint8Array;
}

function assertFinite(p: Point): void {
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new RangeError(`point must be finite, got (${p.x}, ${p.y})`);
}

export class LabelMap implements GestureParticipant {
  readonly width: number;
  readonly height: number;
  /** The labels, row-major. Read freely; write only through the methods (they keep counts, history and listeners). */
  readonly data: Uint8Array;
  private readonly counts = new Float64Array(256);
  private readonly history: History | null;
  private readonly detach: (() => void) | null;
  /** Keeps the tiles about to change since the last mark; null without a history. */
  private readonly recorder: TileRecorder | null;
  private readonly markCounts = new Float64Array(256);
  private readonly listeners = new Set<PixelsListener>();
  private readonly lut = Uint8Array.from({ length: 256 }, (_, i) => i);
  /** Per-operation histogram of the labels a paint operation replaced. */
  private readonly hist = new Int32Array(256);
  // Bounding box of what the operation in progress changed.
  private minX = 0;
  private minY = 0;
  private maxX = -1;
  private maxY = -1;

  constructor(width: number, height: number, options: LabelMapOptions = {}) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new RangeError(`label map size must be positive integers, got ${width}×${height}`);
    }
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height);
    if (options.data) {
      if (options.data.length !== this.data.length) throw new RangeError('initial data has the wrong size');
      for (const v of options.data) if (v >= LABEL_COUNT) throw new RangeError(`initial data holds label ${v}`);
      this.data.set(options.data);
    }
    if (options.data) this.recount();
    else this.counts[UNPAINTED] = this.data.length;
    this.history = options.history ?? null;
    this.recorder = this.history ? new TileRecorder(this.data, width, height) : null;
    this.markCounts.set(this.counts);
    this.detach = this.history?.attach(this) ?? null;
  }

  /** Stops recording into the history (e.g. the document is closed); pending changes are dropped. */
  dispose(): void {
    this.detach?.();
    this.recorder?.discard();
    this.listeners.clear();
  }

  /** Called with each changed rectangle: by operations, undo/redo and cancel. Returns the unsubscribe function. */
  onPixelsChanged(listener: PixelsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  labelAt(x: number, y: number): number {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return UNPAINTED;
    return this.data[y * this.width + x] ?? UNPAINTED;
  }

  /** Pixels holding `label`; O(1) (kept up to date by every write). */
  countPixels(label: number): number {
    assertLabel(label);
    return this.counts[label] ?? 0;
  }

  /** A round brush swept from `from` to `to` (one pointer move; from = to for a dab). */
  stampStroke(from: Point, to: Point, radius: number, label: number, mode: InkMode = 'paint'): Rect | null {
    assertLabel(label);
    assertFinite(from);
    assertFinite(to);
    if (!(radius >= 0)) throw new RangeError(`radius must be ≥ 0, got ${radius}`);
    return this.withSpans((sink) => capsuleSpans(from, to, radius, this.width, this.height, sink), label, mode, 'Brush');
  }

  /** The pixels whose centres are inside `rect` (fractional edges allowed). */
  fillRect(rect: Rect, label: number, mode: InkMode = 'paint'): Rect | null {
    assertLabel(label);
    const a = { x: rect.x, y: rect.y };
    const b = { x: rect.x + rect.width, y: rect.y + rect.height };
    assertFinite(a);
    assertFinite(b);
    return this.withSpans((sink) => rectSpans(a, b, this.width, this.height, sink), label, mode, 'Fill rectangle');
  }

  /** Lasso: even-odd fill of the closed polygon, by pixel centres. Fewer than three points change nothing. */
  fillPolygon(points: readonly Point[], label: number, mode: InkMode = 'paint'): Rect | null {
    assertLabel(label);
    points.forEach(assertFinite);
    return this.withSpans((sink) => polygonSpans(points, this.width, this.height, sink), label, mode, 'Lasso');
  }

  /**
   * Any shape given as spans (e.g. a selection mask turned into runs, see selection/mask-spans.ts), in `mode`.
   * `spans` must call the sink with rows and columns inside the map (x1 exclusive).
   */
  fillSpans(spans: (sink: SpanSink) => void, label: number, mode: InkMode = 'paint', opName = 'Selection'): Rect | null {
    assertLabel(label);
    return this.withSpans(spans, label, mode, opName);
  }

  /** The whole image becomes `label`, taking every pixel from every other area. */
  fillAll(label: number): Rect | null {
    assertLabel(label);
    if (this.counts[label] === this.data.length) return null;
    this.startOp();
    const d = this.data;
    const w = this.width;
    for (let y = 0; y < this.height; y++) {
      const base = y * w;
      const end = base + w;
      let first = base;
      while (first < end && d[first] === label) first++;
      if (first === end) continue;
      let last = end - 1;
      while (d[last] === label) last--;
      this.recorder?.willChange(y, first - base, last - base);
      d.fill(label, first, last + 1);
      this.touch(first - base, last - base, y);
    }
    this.counts.fill(0);
    this.counts[label] = d.length;
    return this.endOp('Fill all');
  }

  /** Area `label` ↔ unpainted; other areas untouched (see the header for why). */
  invert(label: number): Rect | null {
    assertLabel(label);
    if (label === UNPAINTED) throw new RangeError('invert needs an area label, not UNPAINTED');
    this.lut[label] = UNPAINTED;
    this.lut[UNPAINTED] = label;
    return this.withLut('Invert');
  }

  /**
   * Every pixel of `label` becomes unpainted. Each row's first and last pixel of the label are found by the typed
   * array's indexOf / lastIndexOf (native code), not by a look-up per pixel: a replacing object select clears its
   * area first, and on a 4096² frame the per-pixel scan of every row cost more than the rest of applying it.
   */
  clear(label: number): Rect | null {
    assertLabel(label);
    if (label === UNPAINTED || this.counts[label] === 0) return null;
    this.startOp();
    const d = this.data;
    const w = this.width;
    for (let first = d.indexOf(label); first !== -1; ) {
      const y = Math.floor(first / w);
      const base = y * w;
      const last = d.lastIndexOf(label, base + w - 1);
      this.recorder?.willChange(y, first - base, last - base);
      for (let i = first; i <= last; i++) if (d[i] === label) d[i] = UNPAINTED;
      this.touch(first - base, last - base, y);
      first = base + w < d.length ? d.indexOf(label, base + w) : -1;
    }
    this.counts[UNPAINTED] = (this.counts[UNPAINTED] ?? 0) + (this.counts[label] ?? 0);
    this.counts[label] = 0;
    return this.endOp('Clear area');
  }

  /**
   * Relabels every pixel: `mapping[old]` is the new label of pixels labelled `old` (missing entries keep their
   * label). E.g. deleting area 3 and closing the gap: [0, 1, 2, 3, 0, 4, 5, 6] (label 4 → 0, labels 5..7 → 4..6).
   */
  remapLabels(mapping: ArrayLike<number>): Rect | null {
    const n = Math.min(LABEL_COUNT, mapping.length);
    for (let v = 0; v < n; v++) assertLabel(mapping[v] ?? v);
    for (let v = 0; v < n; v++) this.lut[v] = mapping[v] ?? v;
    return this.withLut('Relabel areas');
  }

  /** A copy of the labels (tests, drafts). */
  snapshot(): Uint8Array {
    return this.data.slice();
  }

  /** Recomputes the per-label counts from the pixels (they are maintained incrementally; this is the reference). */
  recount(): void {
    this.counts.fill(0);
    for (const v of this.data) this.counts[v]!++;
  }

  // ---- GestureParticipant -------------------------------------------------------------------------------------

  seal(label: string): HistoryStep | null {
    const changes = this.recorder?.seal();
    if (!changes) return null;
    // Counts change exactly by (now − mark), whatever happened inside the tiles.
    const delta = new Float64Array(LABEL_COUNT);
    for (let v = 0; v < LABEL_COUNT; v++) delta[v] = (this.counts[v] ?? 0) - (this.markCounts[v] ?? 0);
    this.markCounts.set(this.counts);
    const apply = (state: 'before' | 'after', sign: 1 | -1): void => {
      changes.apply(state);
      for (let v = 0; v < LABEL_COUNT; v++) this.counts[v] = (this.counts[v] ?? 0) + sign * (delta[v] ?? 0);
      this.markCounts.set(this.counts);
      this.emit(changes.rect);
    };
    return {
      label,
      bytes: changes.bytes,
      undo: () => apply('before', -1),
      redo: () => apply('after', 1),
    };
  }

  rollback(): void {
    const rect = this.recorder?.rollback();
    if (!rect) return;
    this.counts.set(this.markCounts);
    this.emit(rect);
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  private withSpans(shape: (sink: SpanSink) => void, label: number, mode: InkMode, opName: string): Rect | null {
    this.startOp();
    const d = this.data;
    const w = this.width;
    const hist = this.hist;
    const recorder = this.recorder;
    let erased = 0;
    const sink: SpanSink =
      mode === 'paint'
        ? (y, x0, x1) => {
            // Trim what already has the label, histogram what is replaced (for the counts), then memset.
            const base = y * w;
            let first = base + x0;
            const end = base + x1;
            while (first < end && d[first] === label) first++;
            if (first === end) return;
            let last = end - 1;
            while (d[last] === label) last--;
            recorder?.willChange(y, first - base, last - base);
            for (let i = first; i <= last; i++) hist[d[i] as number]!++;
            d.fill(label, first, last + 1);
            this.touch(first - base, last - base, y);
          }
        : (y, x0, x1) => {
            if (label === UNPAINTED) return;
            const base = y * w;
            let first = base + x0;
            const end = base + x1;
            while (first < end && d[first] !== label) first++;
            if (first === end) return;
            let last = end - 1;
            while (d[last] !== label) last--;
            recorder?.willChange(y, first - base, last - base);
            for (let i = first; i <= last; i++) {
              if (d[i] === label) {
                d[i] = UNPAINTED;
                erased++;
              }
            }
            this.touch(first - base, last - base, y);
          };
    shape(sink);
    const counts = this.counts;
    if (mode === 'paint') {
      let gained = 0;
      for (let v = 0; v < 256; v++) {
        const n = hist[v] ?? 0;
        if (n === 0 || v === label) continue;
        counts[v] = (counts[v] ?? 0) - n;
        gained += n;
      }
      counts[label] = (counts[label] ?? 0) + gained;
      hist.fill(0);
    } else {
      counts[label] = (counts[label] ?? 0) - erased;
      counts[UNPAINTED] = (counts[UNPAINTED] ?? 0) + erased;
    }
    return this.endOp(mode === 'erase' ? 'Erase' : opName);
  }

  /** Applies `this.lut` to every pixel, then resets it to the identity. */
  private withLut(opName: string): Rect | null {
    const lut = this.lut;
    const d = this.data;
    const w = this.width;
    this.startOp();
    let identity = true;
    for (let v = 0; v < 256; v++) if (lut[v] !== v && this.counts[v] !== 0) identity = false;
    if (!identity) {
      this.buildPairLut();
      for (let y = 0; y < this.height; y++) {
        // Find the changed stretch from both ends, then map it without branches.
        const base = y * w;
        const end = base + w;
        let first = base;
        while (first < end && lut[d[first] as number] === d[first]) first++;
        if (first === end) continue;
        let last = end - 1;
        while (lut[d[last] as number] === d[last]) last--;
        this.recorder?.willChange(y, first - base, last - base);
        this.mapStretch(first, last + 1);
        this.touch(first - base, last - base, y);
      }
      const old = Float64Array.from(this.counts);
      this.counts.fill(0);
      for (let v = 0; v < 256; v++) this.counts[lut[v] as number]! += old[v] ?? 0;
    }
    for (let v = 0; v < 256; v++) lut[v] = v;
    return this.endOp(opName);
  }

  /** 65536-entry table mapping two labels at once: halves the iterations of whole-image relabelling. */
  private pairLut: Uint16Array | null = null;
  private pairView: Uint16Array | null = null;

  private buildPairLut(): void {
    const lut = this.lut;
    const pair = (this.pairLut ??= new Uint16Array(65536));
    // Both bytes of a pair go through the same table, so the machine's byte order does not matter.
    for (let hi = 0; hi < 256; hi++) {
      const high = (lut[hi] as number) << 8;
      for (let lo = 0; lo < 256; lo++) pair[(hi << 8) | lo] = high | (lut[lo] as number);
    }
  }

  /** data[i] = lut[data[i]] for start ≤ i < end, two pixels per step where aligned. */
  private mapStretch(start: number, end: number): void {
    const d = this.data;
    const lut = this.lut;
    const pair = this.pairLut as Uint16Array;
    const view = (this.pairView ??= new Uint16Array(d.buffer, d.byteOffset, d.length >> 1));
    let i = start;
    if (i & 1) {
      d[i] = lut[d[i] as number] as number;
      i++;
    }
    const pairs = (end - i) >> 1;
    for (let k = i >> 1, stop = k + pairs; k < stop; k++) view[k] = pair[view[k] as number] as number;
    for (i += pairs * 2; i < end; i++) d[i] = lut[d[i] as number] as number;
  }

  private startOp(): void {
    this.minX = this.minY = Infinity;
    this.maxX = this.maxY = -Infinity;
  }

  private touch(x0: number, x1: number, y: number): void {
    if (x0 < this.minX) this.minX = x0;
    if (x1 > this.maxX) this.maxX = x1;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  private endOp(opName: string): Rect | null {
    if (this.maxX < this.minX) return null;
    const rect: Rect = {
      x: this.minX,
      y: this.minY,
      width: this.maxX - this.minX + 1,
      height: this.maxY - this.minY + 1,
    };
    this.history?.settle(opName);
    this.emit(rect);
    return rect;
  }

  private emit(rect: Rect): void {
    for (const l of this.listeners) l(rect);
  }
}
