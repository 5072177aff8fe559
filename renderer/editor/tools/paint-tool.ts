// Brush and eraser: each pointer sample stamps a round capsule from the previous sample, so fast strokes leave no
// gaps; the whole stroke is one undo step (History gesture) and Escape rolls it back.
import type { Point } from '../../../shared/editor/geometry';
import type { InkMode } from '../model/label-map';
import type { Tool } from './tool';

export function createPaintTool(mode: InkMode): Tool {
  let last: Point | null = null;
  let label = 0;
  return {
    get active() {
      return last !== null;
    },
    paints: mode === 'paint',
    down(p, ctx) {
      if (!ctx.area || last) return;
      label = ctx.area.label;
      ctx.doc.history.begin(mode === 'erase' ? 'Erase' : 'Brush');
      last = p;
      ctx.doc.labels.stampStroke(p, p, ctx.brushRadius, label, mode);
    },
    move(points, ctx) {
      if (!last) return;
      for (const p of points) {
        ctx.doc.labels.stampStroke(last, p, ctx.brushRadius, label, mode);
        last = p;
      }
    },
    up(p, ctx) {
      if (!last) return;
      if (p.x !== last.x || p.y !== last.y) ctx.doc.labels.stampStroke(last, p, ctx.brushRadius, label, mode);
      last = null;
      ctx.doc.history.commit();
    },
    cancel(ctx) {
      if (!last) return;
      last = null;
      ctx.doc.history.cancel();
    },
  };
}
