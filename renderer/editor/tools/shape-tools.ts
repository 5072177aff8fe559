// Rectangle and lasso fills: the shape is previewed while dragging and painted into the active area on release
// (one undo step); Escape drops it.
import type { Point } from '../../../shared/editor/geometry';
import type { Tool } from './tool';

export function createRectTool(): Tool {
  let from: Point | null = null;
  let to: Point | null = null;
  return {
    get active() {
      return from !== null;
    },
    paints: true,
    down(p, ctx) {
      if (!ctx.area) return;
      from = to = p;
      ctx.setPreview({ kind: 'rect', from: p, to: p });
    },
    move(points, ctx) {
      const p = points[points.length - 1];
      if (!from || !p) return;
      to = p;
      ctx.setPreview({ kind: 'rect', from, to });
    },
    up(p, ctx) {
      if (!from || !ctx.area) return;
      const a = from;
      from = to = null;
      ctx.setPreview(null);
      ctx.doc.labels.fillRect(
        { x: Math.min(a.x, p.x), y: Math.min(a.y, p.y), width: Math.abs(p.x - a.x), height: Math.abs(p.y - a.y) },
        ctx.area.label,
      );
    },
    cancel(ctx) {
      from = to = null;
      ctx.setPreview(null);
    },
  };
}

export function createLassoTool(): Tool {
  let points: Point[] | null = null;
  return {
    get active() {
      return points !== null;
    },
    paints: true,
    down(p, ctx) {
      if (!ctx.area) return;
      points = [p];
      ctx.setPreview({ kind: 'lasso', points: [...points] });
    },
    move(samples, ctx) {
      if (!points) return;
      points.push(...samples);
      ctx.setPreview({ kind: 'lasso', points: [...points] });
    },
    up(p, ctx) {
      if (!points || !ctx.area) return;
      points.push(p);
      const polygon = points;
      points = null;
      ctx.setPreview(null);
      ctx.doc.labels.fillPolygon(polygon, ctx.area.label);
    },
    cancel(ctx) {
      points = null;
      ctx.setPreview(null);
    },
  };
}
