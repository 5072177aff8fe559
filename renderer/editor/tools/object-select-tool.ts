// "Select object" (W): drag a box around an object and the active area gets the object's mask (GrabCut in the
// selection worker); a plain drag replaces the area's pixels, Shift-drag adds, Alt-drag subtracts. Then clicks
// refine the same result: a click says "this is the object", an Alt-click "this is not". Each result is one undo
// step; Escape cancels a running select (the worker is stopped) or the box being dragged.
//
// States: idle → pressed (button down) → boxing (moved past the click slop) → working (waiting for the worker) → idle.
// A release without moving is a click: it refines the last box's result when that result is still what the area
// holds there.
import type { Point, Rect } from '../../../shared/editor/geometry';
import { clampBox, selectionRegion } from '../../../shared/editor/select/region';
import type { EditorDocument } from '../model/document';
import { applySelection, modeOf, readRegion, reapplySelection, type RegionMask, type SelectionMode } from '../selection/apply-selection';
import { commitSelection, sameBytes } from '../selection/commit-selection';
import { selectionEngine } from '../selection/engine';
import { photoFrame } from '../selection/frame-pixels';
import { SelectionCancelled, type SelectionEngine } from '../selection/selection-engine';
import { setStatus, tellUser } from '../selection/selection-store';
import type { Tool, ToolContext } from './tool';

/** Screen pixels: a press that moves less than this is a click. */
const CLICK_SLOP_PX = 4;
const OP_NAME = 'Select object';

/** The last box's result, kept so clicks can refine it. */
interface Session {
  doc: EditorDocument;
  label: number;
  mode: SelectionMode;
  region: Rect;
  /** The region's labels before the first result was applied. */
  before: Uint8Array;
  /** The result as applied, and the region's labels right after: a click refines only while they are still there. */
  applied: RegionMask;
  written: Uint8Array;
}

type State =
  | { kind: 'idle' }
  | { kind: 'pressed'; start: Point; alt: boolean; shift: boolean }
  | { kind: 'boxing'; start: Point; to: Point; alt: boolean; shift: boolean }
  | { kind: 'working'; ticket: number };

export function createObjectSelectTool(engine: () => SelectionEngine = selectionEngine): Tool {
  let state: State = { kind: 'idle' };
  let session: Session | null = null;
  let tickets = 0;

  const finish = (ticket: number): boolean => {
    if (state.kind !== 'working' || state.ticket !== ticket) return false;
    state = { kind: 'idle' };
    return true;
  };
  const failed = (ticket: number, error: unknown): void => {
    if (!finish(ticket)) return; // this tool moved on already (a cancel, a new box): nothing to say
    if (error instanceof SelectionCancelled) {
      setStatus({ kind: 'idle' }); // stopped from elsewhere (the photo was dropped): not working any more
      return;
    }
    tellUser(error instanceof Error ? error.message : String(error), 'error');
  };

  const selectBox = async (ctx: ToolContext, box: Rect, mode: SelectionMode, ticket: number, released: number): Promise<void> => {
    const { doc } = ctx;
    const label = ctx.area?.label;
    if (label === undefined) {
      if (finish(ticket)) tellUser('Select an area first (the still area or a moving one).');
      return;
    }
    const region = selectionRegion(box, doc.start.width, doc.start.height);
    const mask = await engine().selectObject(photoFrame(doc), region, box);
    if (!finish(ticket)) return;
    const before = readRegion(doc.labels, region);
    const ok = commitSelection(doc, label, OP_NAME, () => applySelection(doc.labels, mask, label, mode, OP_NAME));
    session = ok ? { doc, label, mode, region, before, applied: mask, written: readRegion(doc.labels, region) } : null;
    if (!ok) return;
    setStatus({ kind: 'idle' });
    // From release to the mask on screen (the overlay is drawn in the next frame), for npm run bench.
    requestAnimationFrame(() => performance.measure('editor.select.object', { start: released, end: performance.now() }));
  };

  const refine = async (s: Session, point: Point, object: boolean, ticket: number): Promise<void> => {
    const mask = await engine().hint(s.region, point, object);
    if (!finish(ticket)) return;
    if (!sameBytes(readRegion(s.doc.labels, s.region), s.written)) {
      session = null;
      tellUser('The area changed since the box was drawn: drag a new box.', 'info');
      return;
    }
    const ok = commitSelection(s.doc, s.label, OP_NAME, () => reapplySelection(s.doc.labels, s.before, s.applied, mask, s.label, s.mode, OP_NAME));
    if (!ok) return;
    s.applied = mask;
    s.written = readRegion(s.doc.labels, s.region);
    setStatus({ kind: 'idle' });
  };

  const startJob = (run: (ticket: number) => Promise<void>): void => {
    const ticket = ++tickets;
    state = { kind: 'working', ticket };
    setStatus({ kind: 'working', what: 'object' });
    run(ticket).catch((error: unknown) => failed(ticket, error));
  };

  const click = (ctx: ToolContext, p: Point, alt: boolean): void => {
    const s = session;
    const inside = s && p.x >= s.region.x && p.y >= s.region.y && p.x < s.region.x + s.region.width && p.y < s.region.y + s.region.height;
    if (!s || s.doc !== ctx.doc || s.label !== ctx.area?.label) {
      tellUser('Drag a box around an object first; then click to say what is (or, with Alt, is not) part of it.');
      return;
    }
    if (!inside) {
      tellUser('Click inside the area around the last box, or drag a new box.');
      return;
    }
    startJob((ticket) => refine(s, p, !alt, ticket));
  };

  return {
    get active() {
      return state.kind !== 'idle';
    },
    paints: true,
    down(p, ctx) {
      if (!ctx.area) {
        tellUser('Select an area first (the still area or a moving one).');
        return;
      }
      if (state.kind === 'working') {
        // A new gesture replaces the running select.
        engine().cancel();
        session = null;
        setStatus({ kind: 'idle' });
      }
      state = { kind: 'pressed', start: p, alt: ctx.modifiers.alt, shift: ctx.modifiers.shift };
    },
    move(points, ctx) {
      const last = points[points.length - 1];
      if (!last) return;
      if (state.kind === 'pressed') {
        const far = Math.hypot(last.x - state.start.x, last.y - state.start.y) * ctx.scale > CLICK_SLOP_PX;
        if (!far) return;
        state = { kind: 'boxing', start: state.start, to: last, alt: state.alt, shift: state.shift };
      } else if (state.kind === 'boxing') {
        state.to = last;
      } else return;
      ctx.setPreview({ kind: 'rect', from: state.start, to: state.to });
    },
    up(p, ctx) {
      if (state.kind === 'pressed') {
        const { alt } = state;
        state = { kind: 'idle' };
        click(ctx, p, alt);
        return;
      }
      if (state.kind !== 'boxing') return;
      const { start, alt, shift } = state;
      state = { kind: 'idle' };
      ctx.setPreview(null);
      const box = clampBox({ x: start.x, y: start.y, width: p.x - start.x, height: p.y - start.y }, ctx.doc.start.width, ctx.doc.start.height);
      if (!box || box.width < 4 || box.height < 4) {
        tellUser('The box is too small: drag around the whole object.');
        return;
      }
      session = null;
      engine().close();
      const released = performance.now();
      startJob((ticket) => selectBox(ctx, box, modeOf({ alt, shift }), ticket, released));
    },
    forget() {
      // The last box's result holds the document and copies of its labels (up to 16 MB each at 4096²).
      session = null;
    },
    cancel(ctx) {
      if (state.kind === 'working') {
        engine().cancel();
        session = null;
        tellUser('Selection cancelled.');
      }
      state = { kind: 'idle' };
      ctx.setPreview(null);
    },
  };
}
