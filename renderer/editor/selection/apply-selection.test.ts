import { describe, expect, it } from 'vitest';
import { History } from '../model/history';
import { LabelMap } from '../model/label-map';
import { applySelection, readRegion, reapplySelection, type RegionMask } from './apply-selection';

const STILL = 1;
const MOVING = 2;

/** 6×4 map: column 0 still, column 5 moving. */
function setUp() {
  const history = new History();
  const labels = new LabelMap(6, 4, { history });
  labels.fillRect({ x: 0, y: 0, width: 1, height: 4 }, STILL);
  labels.fillRect({ x: 5, y: 0, width: 1, height: 4 }, MOVING);
  history.settle('setup');
  return { history, labels };
}

/** A 3×2 region at (0, 1) with its top row selected. */
const mask: RegionMask = { region: { x: 0, y: 1, width: 3, height: 2 }, data: Uint8Array.from([1, 1, 1, 0, 0, 0]) };
const row = (labels: LabelMap, y: number) => [...labels.data.subarray(y * 6, y * 6 + 6)];

describe('applying a selection to the label map', () => {
  it('replace: the area becomes the selection, taking pixels from others, as one undo step', () => {
    const { history, labels } = setUp();
    const before = labels.snapshot();
    history.transact('Select object', () => applySelection(labels, mask, MOVING, 'replace', 'Select object'));
    expect(row(labels, 1)).toEqual([2, 2, 2, 0, 0, 0]);
    expect(row(labels, 0)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(labels.countPixels(MOVING)).toBe(3);
    expect(labels.countPixels(STILL)).toBe(3);
    history.undo();
    expect([...labels.data]).toEqual([...before]);
  });

  it('add keeps the area’s pixels; subtract removes only its own', () => {
    const { labels } = setUp();
    applySelection(labels, mask, MOVING, 'add', 'x');
    expect(row(labels, 1)).toEqual([2, 2, 2, 0, 0, 2]);
    applySelection(labels, { ...mask, data: Uint8Array.from([1, 1, 1, 1, 1, 1]) }, STILL, 'subtract', 'x');
    expect(row(labels, 1)).toEqual([2, 2, 2, 0, 0, 2]);
    expect(row(labels, 2)).toEqual([0, 0, 0, 0, 0, 2]);
  });

  it('a refined result changes only the difference and gives back what the pixels had', () => {
    const { history, labels } = setUp();
    const before = readRegion(labels, mask.region);
    history.transact('Select object', () => applySelection(labels, mask, MOVING, 'add', 'x'));
    const next: RegionMask = { region: mask.region, data: Uint8Array.from([0, 1, 1, 0, 1, 0]) };
    history.transact('Select object', () => reapplySelection(labels, before, mask, next, MOVING, 'add', 'x'));
    expect(row(labels, 1)).toEqual([1, 2, 2, 0, 0, 2]);
    expect(row(labels, 2)).toEqual([1, 2, 0, 0, 0, 2]);
    labels.recount();
    expect(labels.countPixels(MOVING)).toBe(7);
    history.undo();
    expect(row(labels, 1)).toEqual([2, 2, 2, 0, 0, 2]);
  });
});
