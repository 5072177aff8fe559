import { describe, expect, it } from 'vitest';
import { DocumentError, EditorDocument } from './document';

function newDoc(): EditorDocument {
  let n = 0;
  return new EditorDocument({ start: { width: 40, height: 30, source: 'start.png' }, newId: () => `a${++n}` });
}

describe('EditorDocument', () => {
  it('adds one static area and up to six dynamic areas with distinct labels', () => {
    const doc = newDoc();
    const still = doc.addArea('static');
    expect(still.label).toBe(1);
    expect(() => doc.addArea('static')).toThrow(DocumentError);
    const labels = Array.from({ length: 6 }, () => doc.addArea('dynamic').label);
    expect(labels).toEqual([2, 3, 4, 5, 6, 7]);
    expect(() => doc.addArea('dynamic')).toThrow(DocumentError);
    expect(doc.areas[0]?.kind).toBe('static');
  });

  it('deletes an area with its pixels and trajectory as one undo step, and reuses the label', () => {
    const doc = newDoc();
    const a = doc.addArea('dynamic');
    const b = doc.addArea('dynamic');
    doc.labels.fillRect({ x: 0, y: 0, width: 10, height: 10 }, a.label);
    doc.labels.fillRect({ x: 20, y: 0, width: 10, height: 10 }, b.label);
    doc.setTrajectory(a.id, [
      { x: 1, y: 1 },
      { x: 9, y: 9 },
    ]);
    const depth = doc.history.undoDepth;
    doc.deleteArea(a.id);
    expect(doc.history.undoDepth).toBe(depth + 1);
    expect(doc.area(a.id)).toBeNull();
    expect(doc.trajectoryOf(a.id)).toBeNull();
    expect(doc.labels.countPixels(a.label)).toBe(0);
    expect(doc.labels.countPixels(b.label)).toBe(100);
    expect(doc.addArea('dynamic').label).toBe(a.label);
    doc.history.undo(); // the add
    doc.history.undo(); // the delete
    expect(doc.area(a.id)?.label).toBe(2);
    expect(doc.labels.countPixels(a.label)).toBe(100);
    expect(doc.trajectoryOf(a.id)).toEqual([
      { x: 1, y: 1 },
      { x: 9, y: 9 },
    ]);
  });

  it('reorders dynamic areas without touching pixels; rename and undo notify listeners', () => {
    const doc = newDoc();
    doc.addArea('static');
    const a = doc.addArea('dynamic', 'Boat');
    const b = doc.addArea('dynamic', 'Cloud');
    doc.labels.fillAll(a.label);
    const pixels = doc.labels.snapshot();
    let heard = 0;
    doc.subscribe(() => heard++);
    doc.reorderDynamic(b.id, 0);
    expect(doc.dynamicAreas.map((x) => x.name)).toEqual(['Cloud', 'Boat']);
    expect(doc.labels.snapshot()).toEqual(pixels);
    doc.rename(a.id, 'Ship');
    expect(doc.area(a.id)).toMatchObject({ name: 'Ship', label: a.label });
    doc.history.undo();
    doc.history.undo();
    expect(doc.dynamicAreas.map((x) => x.name)).toEqual(['Boat', 'Cloud']);
    expect(heard).toBe(4);
    expect(() => doc.setColour(a.id, 'blue')).toThrow(DocumentError);
  });

  it('keeps trajectories for dynamic areas only', () => {
    const doc = newDoc();
    const still = doc.addArea('static');
    expect(() => doc.setTrajectory(still.id, [])).toThrow(DocumentError);
  });

  it('keeps a speed per path: one undo step, the shape untouched, the points sent spaced by it', () => {
    const doc = newDoc();
    const a = doc.addArea('dynamic');
    const line = [
      { x: 0, y: 10 },
      { x: 39, y: 10 },
    ];
    doc.setTrajectory(a.id, line);
    expect(doc.speedOf(a.id)).toBe('steady');
    expect(doc.sentTrajectoryOf(a.id)).toEqual(line);
    doc.setSpeed(a.id, 'ease-in');
    expect(doc.history.state.undoLabel).toBe('Speed: Ease in');
    expect(doc.trajectoryOf(a.id)).toEqual(line);
    const sent = doc.sentTrajectoryOf(a.id) ?? [];
    expect(sent.length).toBeGreaterThan(2);
    expect(sent[0]).toEqual(line[0]);
    expect(sent.at(-1)).toEqual(line[1]);
    expect(doc.sentTrajectoryOf(a.id)).toBe(sent); // computed once per path and speed
    // Redrawing keeps the speed: it is how the area moves, not where.
    doc.setTrajectory(a.id, [line[1]!, line[0]!]);
    expect(doc.speedOf(a.id)).toBe('ease-in');
    doc.history.undo();
    doc.history.undo();
    expect(doc.speedOf(a.id)).toBe('steady');
    expect(doc.sentTrajectoryOf(a.id)).toEqual(line);
    doc.history.redo();
    expect(doc.speedOf(a.id)).toBe('ease-in');
    expect(() => doc.setSpeed(doc.addArea('static').id, 'ease-out')).toThrow(DocumentError);
  });
});
