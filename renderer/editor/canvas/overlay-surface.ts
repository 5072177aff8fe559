// The tinted mask overlay, drawn straight into the overlay layer's own canvas at screen resolution.
//
// It used to be a canvas at the label map's size (64 MB for a 4096² frame) that Konva scaled onto the layer at every
// redraw; Chromium also copied that whole canvas whenever it was changed while a snapshot of it was still referenced.
// Now an ImageData the size of the layer's canvas holds the overlay as seen through the current view (computed from
// the label map by writeOverlayView): a zoom, a pan or a tint change recomputes it once (a screenful of look-ups),
// and a brush stroke recomputes only the screen pixels it changed and puts just those into the layer's canvas, once
// per animation frame, without Konva redrawing the layer.
import type { Rect } from '../../../shared/editor/geometry';
import { unionRect } from '../../../shared/editor/geometry';
import type { Area } from '../model/document';
import type { LabelMap } from '../model/label-map';
import { makeOverlayPalette, surfaceRegion, writeOverlayView, type OverlayPalette, type OverlayStyle, type SurfaceTransform } from '../model/overlay';

export const OVERLAY_ALPHA = 0.5;

export function paletteFor(areas: readonly Area[], activeId: string | null, hidden: ReadonlySet<string>): OverlayPalette {
  const styles: Record<number, OverlayStyle> = {};
  for (const a of areas) {
    styles[a.label] = { colour: a.colour, alpha: a.id === activeId ? OVERLAY_ALPHA + 0.08 : OVERLAY_ALPHA, hidden: hidden.has(a.id) };
  }
  return makeOverlayPalette(styles);
}

function sameTransform(a: SurfaceTransform | null, b: SurfaceTransform): boolean {
  return a !== null && a.scale === b.scale && a.x === b.x && a.y === b.y;
}

export class OverlaySurface {
  private palette: OverlayPalette;
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  /** The view the buffer was computed for; null = compute it all at the next draw. */
  private transform: SurfaceTransform | null = null;
  /** The canvas the layer draws into (known after its first draw). */
  private target: CanvasRenderingContext2D | null = null;
  /** Screen pixels changed since they were last put into the canvas. */
  private dirty: Rect | null = null;
  private frame = 0;
  private hidden = false;
  private readonly off: () => void;

  constructor(
    private readonly labels: LabelMap,
    palette: OverlayPalette,
    /** Asks for the whole layer to be drawn again (a new tint). */
    private readonly redrawLayer: () => void,
  ) {
    this.palette = palette;
    this.off = labels.onPixelsChanged((rect) => this.pixelsChanged(rect));
  }

  setPalette(palette: OverlayPalette): void {
    if (palette.every((v, i) => v === this.palette[i])) return;
    this.palette = palette;
    this.transform = null;
    this.redrawLayer();
  }

  /** While hidden (the motion preview plays) the layer shows something else; nothing is put into its canvas. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
  }

  /**
   * Draws the whole overlay into the layer's canvas `ctx` (device pixels) for `transform` (image → device pixels):
   * called by the layer's draw, which has just cleared the canvas.
   */
  draw(ctx: CanvasRenderingContext2D, transform: SurfaceTransform): void {
    this.target = ctx;
    const { width, height } = ctx.canvas;
    if (width < 1 || height < 1) return;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = new ImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.transform = null;
    }
    if (!sameTransform(this.transform, transform)) {
      this.transform = transform;
      writeOverlayView(this.labels, this.palette, transform, this.pixels, width, { x: 0, y: 0, width, height });
      this.dirty = null;
    } else this.refresh();
    ctx.putImageData(this.image, 0, 0);
  }

  dispose(): void {
    this.off();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.image = null;
    this.pixels = new Uint32Array(0);
    this.target = null;
  }

  private pixelsChanged(rect: Rect): void {
    if (!this.image || !this.transform) return; // the next draw computes everything
    const region = surfaceRegion(rect, this.transform, this.image);
    if (!region) return;
    this.dirty = unionRect(this.dirty, region);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  /** Recomputes the changed screen pixels in the buffer. */
  private refresh(): Rect | null {
    const region = this.dirty;
    if (!region || !this.transform || !this.image) return null;
    this.dirty = null;
    writeOverlayView(this.labels, this.palette, this.transform, this.pixels, this.image.width, region);
    return region;
  }

  /** Puts the changed screen pixels into the layer's canvas (no layer redraw). */
  private flush(): void {
    const region = this.refresh();
    if (!region || !this.image || !this.target || this.hidden) return;
    this.target.putImageData(this.image, 0, 0, region.x, region.y, region.width, region.height);
  }
}
