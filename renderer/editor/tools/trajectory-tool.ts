// The path tool, for the active moving area:
//   drag on empty canvas → freehand path, fitted with fitTrajectory (the dots shown are exactly the points sent);
//   click, click, … then double-click or Enter → a path through the clicked points;
//   drag an existing point → move it (one undo step); a click on a point selects it (Delete removes it).
import type { Point } from '../../../shared/editor/geometry';
import { fitTrajectory } from '../../../shared/editor/trajectory';
import { LIMITS } from '../../../shared/kling/limits';
import type { Tool, ToolContext } from './tool';

/** Screen pixels: a drag shorter than this is a click; a point closer than this to the pointer is grabbed. */
const CLICK_SLOP_PX = 4;
const GRAB_RADIUS_PX = 9;

type State =
  | { kind: 'idle' }
  | { kind: 'pressed'; start: Point; raw: Point[]; clicks: Point[] | null }
  | { kind: 'drawing'; raw: Point[] }
  | { kind: 'clicking'; clicks: Point[] }
  | { kind: 'dragging'; areaId: string; index: number; points: Point[]; moved: boolean };

export function snapPoint(p: Point, width: number, height: number): Point {
  return { x: Math.min(width - 1, Math.max(0, Math.round(p.x))), y: Math.min(height - 1, Math.max(0, Math.round(p.y))) };
}

/** Index of the trajectory point within the grab radius of `p`, nearest first; -1 when none. */
export function hitPoint(points: readonly Point[], p: Point, scale: number): number {
  const radius = GRAB_RADIUS_PX / scale;
  let best = -1;
  let bestD = radius;
  points.forEach((q, i) => {
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** Clicked points as a trajectory: snapped, repeats dropped, refitted only if over Kling's point limit. */
export function pathFromClicks(clicks: readonly Point[], width: number, height: number): Point[] | null {
  const out: Point[] = [];
  for (const c of clicks) {
    const q = snapPoint(c, width, height);
    const prev = out[out.length - 1];
    if (!prev || prev.x !== q.x || prev.y !== q.y) out.push(q);
  }
  if (out.length < 2) return null;
  if (out.length <= LIMITS.trajectoryPoints.max) return out;
  const fit = fitTrajectory(out, { width, height });
  return fit.ok ? fit.points : null;
}

export function createTrajectoryTool(): Tool {
  let state: State = { kind: 'idle' };

  const commitClicks = (ctx: ToolContext, clicks: readonly Point[]): boolean => {
    state = { kind: 'idle' };
    ctx.setPreview(null);
    const area = ctx.area;
    if (!area || area.kind !== 'dynamic') return false;
    const path = pathFromClicks(clicks, ctx.doc.start.width, ctx.doc.start.height);
    if (!path) return false;
    ctx.doc.setTrajectory(area.id, path);
    return true;
  };

  return {
    get active() {
      return state.kind !== 'idle';
    },
    paints: false,
    down(p, ctx) {
      const area = ctx.area;
      if (!area || area.kind !== 'dynamic') return;
      const existing = ctx.doc.trajectoryOf(area.id);
      const clicks = state.kind === 'clicking' ? state.clicks : null;
      if (existing && !clicks) {
        const index = hitPoint(existing, p, ctx.scale);
        if (index >= 0) {
          ctx.selectPoint({ areaId: area.id, index });
          state = { kind: 'dragging', areaId: area.id, index, points: existing.map((q) => ({ x: q.x, y: q.y })), moved: false };
          return;
        }
      }
      ctx.selectPoint(null);
      state = { kind: 'pressed', start: p, raw: [p], clicks };
    },
    move(points, ctx) {
      const last = points[points.length - 1];
      if (!last) return;
      if (state.kind === 'pressed') {
        state.raw.push(...points);
        const far = Math.hypot(last.x - state.start.x, last.y - state.start.y) * ctx.scale > CLICK_SLOP_PX;
        if (far && !state.clicks) {
          state = { kind: 'drawing', raw: state.raw };
          ctx.setPreview({ kind: 'path', points: [...state.raw] });
        }
      } else if (state.kind === 'drawing') {
        state.raw.push(...points);
        ctx.setPreview({ kind: 'path', points: [...state.raw] });
      } else if (state.kind === 'dragging') {
        state.points[state.index] = snapPoint(last, ctx.doc.start.width, ctx.doc.start.height);
        state.moved = true;
        ctx.setPreview({ kind: 'move-point', areaId: state.areaId, points: [...state.points] });
      }
    },
    up(p, ctx) {
      const area = ctx.area;
      if (state.kind === 'pressed') {
        const clicks = [...(state.clicks ?? []), snapPoint(p, ctx.doc.start.width, ctx.doc.start.height)];
        state = { kind: 'clicking', clicks };
        ctx.setPreview({ kind: 'clicks', points: clicks });
      } else if (state.kind === 'drawing') {
        const raw = [...state.raw, p];
        state = { kind: 'idle' };
        ctx.setPreview(null);
        if (!area || area.kind !== 'dynamic') return;
        const fit = fitTrajectory(raw, { width: ctx.doc.start.width, height: ctx.doc.start.height });
        if (fit.ok) ctx.doc.setTrajectory(area.id, fit.points);
      } else if (state.kind === 'dragging') {
        const { areaId, points, moved } = state;
        state = { kind: 'idle' };
        ctx.setPreview(null);
        if (moved) ctx.doc.setTrajectory(areaId, points);
      }
    },
    cancel(ctx) {
      state = { kind: 'idle' };
      ctx.setPreview(null);
    },
    finish(ctx) {
      if (state.kind !== 'clicking') return false;
      return commitClicks(ctx, state.clicks);
    },
  };
}
