// "Magic wand" (similar colour): a click selects the pixels connected to it whose colour is within the tolerance
// (the slider) of the clicked one, in the selection worker. A plain click replaces the active area's pixels,
// Shift-click adds, Alt-click subtracts; one undo step each. Escape cancels a running fill.
import { applySelection, modeOf } from '../selection/apply-selection';
import { commitSelection } from '../selection/commit-selection';
import { selectionEngine } from '../selection/engine';
import { photoFrame } from '../selection/frame-pixels';
import { SelectionCancelled, type SelectionEngine } from '../selection/selection-engine';
import { setStatus, tellUser, useSelectionUi } from '../selection/selection-store';
import type { Tool } from './tool';

const OP_NAME = 'Magic wand';

export function createMagicWandTool(engine: () => SelectionEngine = selectionEngine): Tool {
  let pressed = false;
  let working: number | null = null;
  let tickets = 0;

  return {
    get active() {
      return pressed || working !== null;
    },
    paints: true,
    down(_p, ctx) {
      if (!ctx.area) {
        tellUser('Select an area first (the still area or a moving one).');
        return;
      }
      if (working !== null) engine().cancel();
      working = null;
      pressed = true;
    },
    move() {},
    up(p, ctx) {
      if (!pressed) return;
      pressed = false;
      const { doc } = ctx;
      const label = ctx.area?.label;
      if (label === undefined) return;
      const mode = modeOf(ctx.modifiers);
      const seed = { x: Math.floor(p.x), y: Math.floor(p.y) };
      if (seed.x < 0 || seed.y < 0 || seed.x >= doc.start.width || seed.y >= doc.start.height) return;
      const ticket = ++tickets;
      working = ticket;
      setStatus({ kind: 'working', what: 'wand' });
      const run = async () => {
        // The worker keeps the photo (sent when the tool was chosen, or by the first click): a click sends a seed.
        const mask = await engine().similarColour(photoFrame(doc), seed, useSelectionUi.getState().tolerance);
        if (working !== ticket) return;
        working = null;
        if (commitSelection(doc, label, OP_NAME, () => applySelection(doc.labels, mask, label, mode, OP_NAME))) setStatus({ kind: 'idle' });
      };
      run().catch((error: unknown) => {
        if (working !== ticket) return; // cancelled by this tool, or replaced by a newer click
        working = null;
        if (error instanceof SelectionCancelled) setStatus({ kind: 'idle' }); // stopped from elsewhere
        else tellUser(error instanceof Error ? error.message : String(error), 'error');
      });
    },
    cancel() {
      pressed = false;
      if (working !== null) {
        working = null;
        engine().cancel();
        tellUser('Selection cancelled.');
      }
    },
  };
}
