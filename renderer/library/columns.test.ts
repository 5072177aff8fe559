import { describe, expect, it } from 'vitest';
import { columnsFor, moveFocus } from './columns';

describe('grid columns', () => {
  it('fits as many minimum-width cards as the row holds', () => {
    expect(columnsFor(200)).toBe(1);
    expect(columnsFor(240)).toBe(1);
    expect(columnsFor(496)).toBe(2);
    expect(columnsFor(2500)).toBe(9);
  });
});

describe('keyboard moves in the grid', () => {
  it('moves by one, by a row and by a page, never out of the results', () => {
    expect(moveFocus('ArrowRight', 0, 10, 4, 2)).toBe(1);
    expect(moveFocus('ArrowLeft', 0, 10, 4, 2)).toBe(0);
    expect(moveFocus('ArrowDown', 1, 10, 4, 2)).toBe(5);
    expect(moveFocus('ArrowDown', 7, 10, 4, 2)).toBe(9);
    expect(moveFocus('ArrowUp', 5, 10, 4, 2)).toBe(1);
    expect(moveFocus('PageDown', 0, 100, 4, 3)).toBe(12);
    expect(moveFocus('End', 0, 10, 4, 2)).toBe(9);
    expect(moveFocus('Home', 7, 10, 4, 2)).toBe(0);
    expect(moveFocus('x', 0, 10, 4, 2)).toBeUndefined();
    expect(moveFocus('ArrowDown', 0, 0, 4, 2)).toBeUndefined();
  });
});
