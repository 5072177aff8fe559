import { describe, expect, it } from 'vitest';
import { fitView, stepScale, toImage, toScreen, zoomAt } from './canvas/viewport';
import { documentToDraft, draftToDocument } from './drafts/draft-codec';
import { EditorDocument } from './model/document';
import { pathFromClicks } from './tools/trajectory-tool';
import { motionWarnings } from './warnings';

function doc(): EditorDocument {
  const d = new EditorDocument({ start: { width: 64, height: 48, source: 'x.png' } });
  d.addArea('static');
  d.addArea('dynamic');
  d.addArea('dynamic');
  return d;
}

describe('viewport', () => {
  it('fits, zooms towards a point and maps both ways', () => {
    const v = fitView({ width: 1000, height: 500 }, { width: 548, height: 400 });
    expect(v.scale).toBeCloseTo(0.5);
    const z = zoomAt(v, 2, { x: 100, y: 80 });
    expect(toImage(z, { x: 100, y: 80 })).toEqual(toImage(v, { x: 100, y: 80 }));
    const p = toScreen(z, { x: 10, y: 20 });
    expect(toImage(z, p).x).toBeCloseTo(10);
    expect(stepScale(1, 1)).toBeCloseTo(Math.SQRT2);
    expect(stepScale(Math.SQRT2, -1)).toBeCloseTo(1);
  });
});

describe('drafts', () => {
  it('round-trips pixels, names, order, colours and paths, even with a gap in the labels', () => {
    const d = doc();
    const [still, a, b] = d.areas;
    if (!still || !a || !b) throw new Error('areas');
    d.labels.fillRect({ x: 0, y: 0, width: 10, height: 10 }, a.label);
    d.labels.fillRect({ x: 20, y: 0, width: 10, height: 10 }, b.label);
    d.labels.fillRect({ x: 0, y: 30, width: 64, height: 18 }, still.label);
    d.deleteArea(a.id); // leaves a gap: only label 3 is used among dynamic labels
    d.rename(b.id, 'Cloud');
    d.setColour(b.id, '#123456');
    d.setTrajectory(b.id, [
      { x: 25, y: 5 },
      { x: 60, y: 40 },
    ]);
    d.setSpeed(b.id, 'hold-end');
    const back = draftToDocument(documentToDraft(d, 'k', 1));
    if (!back) throw new Error('no document');
    expect(back.areas.map((x) => [x.kind, x.name, x.colour])).toEqual([
      ['static', 'Still', '#3b82f6'],
      ['dynamic', 'Cloud', '#123456'],
    ]);
    const cloud = back.dynamicAreas[0];
    expect(cloud && back.trajectoryOf(cloud.id)).toEqual([
      { x: 25, y: 5 },
      { x: 60, y: 40 },
    ]);
    expect(cloud && back.speedOf(cloud.id)).toBe('hold-end');
    expect(back.labels.countPixels(cloud?.label ?? 0)).toBe(100);
    expect(back.labels.labelAt(25, 5)).toBe(cloud?.label);
    expect(back.labels.countPixels(1)).toBe(64 * 18);
    expect(back.history.canUndo).toBe(false);
  });
});

describe('paths and warnings', () => {
  it('clicked paths are snapped, deduplicated and need two points', () => {
    expect(pathFromClicks([{ x: 1.4, y: 2.6 }], 10, 10)).toBeNull();
    expect(pathFromClicks([{ x: 1.4, y: 2.6 }, { x: 1, y: 3 }, { x: 20, y: -3 }], 10, 10)).toEqual([
      { x: 1, y: 3 },
      { x: 9, y: 0 },
    ]);
  });

  it('warns about a missing path, an empty area with a path, and a path starting outside', () => {
    const d = doc();
    const [, a, b] = d.areas;
    if (!a || !b) throw new Error('areas');
    d.labels.fillRect({ x: 0, y: 0, width: 10, height: 10 }, a.label);
    d.setTrajectory(b.id, [
      { x: 1, y: 1 },
      { x: 5, y: 5 },
    ]);
    expect(motionWarnings(d).map((w) => w.message)).toEqual([
      'Motion 1 has no path: draw one with the Path tool (T).',
      'Motion 2 has a path but no painted pixels; it will not be sent.',
    ]);
    d.setTrajectory(a.id, [
      { x: 30, y: 30 },
      { x: 5, y: 5 },
    ]);
    expect(motionWarnings(d)[0]?.message).toBe("Motion 1's path starts outside its area.");
  });
});
