// How many cards fit in a row of the grid: every card at least CARD_MIN wide, the room shared out.
export const CARD_MIN = 240;
export const GRID_GAP = 16;

export function columnsFor(width: number, min = CARD_MIN, gap = GRID_GAP): number {
  return Math.max(1, Math.floor((width + gap) / (min + gap)));
}

/** Where the focus goes for a key in a grid of `count` items laid out in `columns`; undefined: not a move key. */
export function moveFocus(key: string, index: number, count: number, columns: number, rowsPerPage: number): number | undefined {
  if (count === 0) return undefined;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + columns);
    case 'ArrowUp':
      return clamp(index - columns);
    case 'PageDown':
      return clamp(index + columns * rowsPerPage);
    case 'PageUp':
      return clamp(index - columns * rowsPerPage);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
