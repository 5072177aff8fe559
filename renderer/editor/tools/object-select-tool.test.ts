// The object select tool's states with a stand-in engine: what it keeps between a box and the clicks that refine it,
// and that it never stays busy when its request ends without a result.
import { describe, expect, it } from 'vitest';
import { EditorDocument } from '../model/document';
import type { RegionMask } from '../selection/apply-selection';
import { SelectionCancelled, type SelectionEngine } from '../selection/selection-engine';
import { useSelectionUi } from '../selection/selection-store';
import { useEditor } from '../store';
import { createObjectSelectTool } from './object-select-tool';
import { NO_MODIFIERS, type ToolContext } from './tool';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setUp(selectObject: SelectionEngine['selectObject']) {
  const doc = new EditorDocument({ start: { width: 64, height: 64, source: 'a.png' } });
  const area = doc.addArea('dynamic');
  doc.history.clear();
  useEditor.setState({ doc });
  const hints: { x: number; y: number }[] = [];
  const engine = {
    selectObject,
    hint: async (region, point) => {
      hints.push(point);
      return { region, data: new Uint8Array(region.width * region.height).fill(1) };
    },
    cancel() {},
    close() {},
  } as Partial<SelectionEngine> as SelectionEngine;
  const tool = createObjectSelectTool(() => engine);
  const ctx: ToolContext = {
    doc,
    area,
    modifiers: NO_MODIFIERS,
    brushRadius: 4,
    scale: 1,
    setPreview() {},
    selectPoint() {},
    selectedPoint: null,
  };
  const box = async () => {
    tool.down({ x: 10, y: 10 }, ctx);
    tool.move([{ x: 40, y: 40 }], ctx);
    tool.up({ x: 40, y: 40 }, ctx);
    await settle();
  };
  const click = async (x: number, y: number) => {
    tool.down({ x, y }, ctx);
    tool.up({ x, y }, ctx);
    await settle();
  };
  return { doc, area, tool, box, click, hints };
}

const whole = async (_frame: unknown, region: RegionMask['region']): Promise<RegionMask> => ({
  region,
  data: new Uint8Array(region.width * region.height).fill(1),
});

describe('object select tool', () => {
  it('a box selects, a click refines it; once the document is forgotten a click asks for a new box', async () => {
    const { doc, area, tool, box, click, hints } = setUp(whole);
    await box();
    expect(doc.labels.countPixels(area.label)).toBeGreaterThan(0);
    expect(tool.active).toBe(false);
    await click(20, 20);
    expect(hints).toHaveLength(1);

    tool.forget?.();
    await click(20, 20);
    expect(hints).toHaveLength(1);
    expect(useSelectionUi.getState().status).toMatchObject({ kind: 'message', text: expect.stringMatching(/^Drag a box/) });
  });

  it('a select stopped from elsewhere (the photo dropped) leaves the tool idle, not busy', async () => {
    const { tool, box } = setUp(() => Promise.reject(new SelectionCancelled('another photo')));
    await box();
    expect(tool.active).toBe(false);
    expect(useSelectionUi.getState().status).toEqual({ kind: 'idle' });
  });

  it('a select that fails says why and leaves the tool idle', async () => {
    const { tool, box } = setUp(() => Promise.reject(new Error('The selection engine stopped: out of memory')));
    await box();
    expect(tool.active).toBe(false);
    expect(useSelectionUi.getState().status).toEqual({ kind: 'message', text: 'The selection engine stopped: out of memory', tone: 'error' });
  });
});
