import { describe, expect, it } from 'vitest';
import { History } from '../model/history';
import { LabelMap } from '../model/label-map';
import { applySelection, maskSpans, readRegion, reapplySelection, spansWhere, type RegionMask } from './apply-selection';

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

describe('the spans of a mask', () => {
  const collect = (spans: (sink: (y: number, x0: number, x1: number) => void) => void) => {
    const out: number[][] = [];
    spans((y, x0, x1) => out.push([y, x0, x1]));
    return out;
  };

  it('are the runs of 1 row by row, whether a run ends at a row’s end, crosses rows or fills the region', () => {
    const region = { x: 3, y: 7, width: 5, height: 4 };
    const cases = [
      [0, 1, 1, 0, 1, /**/ 1, 1, 0, 0, 0, /**/ 0, 0, 0, 0, 0, /**/ 1, 1, 1, 1, 1],
      new Array<number>(20).fill(1),
      new Array<number>(20).fill(0),
      [1, 0, 0, 0, 0, /**/ 0, 0, 0, 0, 0, /**/ 0, 0, 0, 0, 0, /**/ 0, 0, 0, 0, 1],
    ];
    let seed = 7;
    for (let k = 0; k < 50; k++) {
      cases.push(
        Array.from({ length: 20 }, () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return seed % 3 === 0 ? 0 : 1;
        }),
      );
    }
    for (const values of cases) {
      const data = Uint8Array.from(values);
      expect(collect(maskSpans(region, data)), values.join('')).toEqual(collect(spansWhere(region, (i) => data[i] === 1)));
    }
    expect(collect(maskSpans(region, Uint8Array.from(cases[0]!)))).toEqual([
      [7, 4, 6],
      [7, 7, 8],
      [8, 3, 5],
      [10, 3, 8],
    ]);
  });
});
