// The tinted mask overlay as a canvas at the label map's size. Only dirty rectangles are repainted (writeOverlay into
// a rectangle-sized ImageData, then putImageData), so a brush stamp costs its own box, not the whole image.
import type { Rect } from '../../../shared/editor/geometry';
import type { Area } from '../model/document';
import type { LabelMap } from '../model/label-map';
import { makeOverlayPalette, writeOverlay, type OverlayPalette, type OverlayStyle } from '../model/overlay';

export const OVERLAY_ALPHA = 0.5;
/** Full repaints go in bands of this many rows so the temporary ImageData stays small on 4096² frames. */
const BAND_ROWS = 256;

export function paletteFor(areas: readonly Area[], activeId: string | null, hidden: ReadonlySet<string>): OverlayPalette {
  const styles: Record<number, OverlayStyle> = {};
  for (const a of areas) {
    styles[a.label] = { colour: a.colour, alpha: a.id === activeId ? OVERLAY_ALPHA + 0.08 : OVERLAY_ALPHA, hidden: hidden.has(a.id) };
  }
  return makeOverlayPalette(styles);
}

export class OverlaySurface {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private palette: OverlayPalette;
  private readonly off: () => void;

  constructor(
    private readonly labels: LabelMap,
    palette: OverlayPalette,
    private readonly onRepaint: () => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = labels.width;
    this.canvas.height = labels.height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    this.ctx = ctx;
    this.palette = palette;
    this.repaintAll();
    this.off = labels.onPixelsChanged((rect) => {
      this.repaint(rect);
      this.onRepaint();
    });
  }

  setPalette(palette: OverlayPalette): void {
    if (palette.every((v, i) => v === this.palette[i])) return;
    this.palette = palette;
    this.repaintAll();
    this.onRepaint();
  }

  repaint(rect: Rect): void {
    if (rect.width < 1 || rect.height < 1) return;
    const image = this.ctx.createImageData(rect.width, rect.height);
    writeOverlay(this.labels, rect, this.palette, image.data);
    this.ctx.putImageData(image, rect.x, rect.y);
  }

  repaintAll(): void {
    const { width, height } = this.labels;
    for (let y = 0; y < height; y += BAND_ROWS) this.repaint({ x: 0, y, width, height: Math.min(BAND_ROWS, height - y) });
  }

  dispose(): void {
    this.off();
    this.canvas.width = this.canvas.height = 0;
  }
}

const surfaces = new WeakMap<LabelMap, OverlaySurface>();
const repaintListeners = new WeakMap<OverlaySurface, () => void>();

/** The overlay of a document's label map, made once per map; `onRepaint` is who redraws the layer. */
export function overlayFor(labels: LabelMap, palette: OverlayPalette): OverlaySurface {
  let surface = surfaces.get(labels);
  if (!surface) {
    const made: OverlaySurface = new OverlaySurface(labels, palette, () => repaintListeners.get(made)?.());
    surface = made;
    surfaces.set(labels, surface);
  }
  return surface;
}

export function onOverlayRepaint(surface: OverlaySurface, listener: () => void): () => void {
  repaintListeners.set(surface, listener);
  return () => {
    if (repaintListeners.get(surface) === listener) repaintListeners.delete(surface);
  };
}
