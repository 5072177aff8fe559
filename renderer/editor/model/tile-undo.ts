// Undo for a one-byte-per-pixel raster, by tiles. Before a pixel changes, the 64 × 64 tile holding it is kept as it
// was (encoded, once per mark); sealing keeps, for each kept tile that really changed, its encoded before and after.
// So the map needs no full copy of itself for undo (16 MB for a 4096² frame), and a step costs the tiles it touched,
// compressed: a diagonal stroke across the image keeps a band of tiles, not its bounding box, and a tile that is one
// label throughout is four bytes.
import { unionRect, type Rect } from '../../../shared/editor/geometry';
import { decodeTile, encodeTile, sameEncoding } from './tile-codec';

export const TILE = 64;

/** The before and after of the tiles one step changed; apply() writes either state back into the raster. */
export class TileChanges {
  /** Memory kept, for the history's byte cap. */
  readonly bytes: number;

  constructor(
    private readonly data: Uint8Array,
    private readonly width: number,
    private readonly rects: readonly Rect[],
    private readonly before: readonly Uint8Array[],
    private readonly after: readonly Uint8Array[],
    /** The union of the tiles, for listeners. */
    readonly rect: Rect,
  ) {
    let bytes = rects.length * 48;
    for (const b of before) bytes += b.byteLength;
    for (const a of after) bytes += a.byteLength;
    this.bytes = bytes;
  }

  apply(state: 'before' | 'after'): void {
    const tiles = state === 'before' ? this.before : this.after;
    this.rects.forEach((rect, i) => decodeTile(tiles[i] as Uint8Array, this.data, this.width, rect));
  }
}

export class TileRecorder {
  private readonly columns: number;
  /** Per tile: the mark number at which it was last kept (so starting a new mark clears nothing). */
  private readonly keptAt: Int32Array;
  private mark = 1;
  private kept: number[] = [];
  private keptBefore: Uint8Array[] = [];

  constructor(
    private readonly data: Uint8Array,
    readonly width: number,
    readonly height: number,
  ) {
    this.columns = Math.ceil(width / TILE);
    this.keptAt = new Int32Array(this.columns * Math.ceil(height / TILE));
  }

  /** Whether anything changed since the mark. */
  get pending(): boolean {
    return this.kept.length > 0;
  }

  /** Pixels x0..x1 (inclusive) of row y are about to change: keeps their tiles as they are, once per mark. */
  willChange(y: number, x0: number, x1: number): void {
    const row = (y / TILE) | 0;
    const last = (x1 / TILE) | 0;
    for (let column = (x0 / TILE) | 0; column <= last; column++) {
      const index = row * this.columns + column;
      if (this.keptAt[index] === this.mark) continue;
      this.keptAt[index] = this.mark;
      this.kept.push(index);
      this.keptBefore.push(encodeTile(this.data, this.width, this.tileRect(index)));
    }
  }

  /** The tiles that changed since the mark, as a step (null when none really changed); the present becomes the mark. */
  seal(): TileChanges | null {
    const rects: Rect[] = [];
    const before: Uint8Array[] = [];
    const after: Uint8Array[] = [];
    let union: Rect | null = null;
    for (let i = 0; i < this.kept.length; i++) {
      const rect = this.tileRect(this.kept[i] as number);
      const now = encodeTile(this.data, this.width, rect);
      const then = this.keptBefore[i] as Uint8Array;
      if (sameEncoding(then, now)) continue;
      rects.push(rect);
      before.push(then);
      after.push(now);
      union = unionRect(union, rect);
    }
    this.newMark();
    return union ? new TileChanges(this.data, this.width, rects, before, after, union) : null;
  }

  /** Puts every tile changed since the mark back; returns the rectangle restored (null when nothing had changed). */
  rollback(): Rect | null {
    let union: Rect | null = null;
    for (let i = 0; i < this.kept.length; i++) {
      const rect = this.tileRect(this.kept[i] as number);
      decodeTile(this.keptBefore[i] as Uint8Array, this.data, this.width, rect);
      union = unionRect(union, rect);
    }
    this.newMark();
    return union;
  }

  /** Forgets what changed since the mark (the map is being closed). */
  discard(): void {
    this.newMark();
  }

  private newMark(): void {
    this.kept = [];
    this.keptBefore = [];
    this.mark++;
  }

  private tileRect(index: number): Rect {
    const x = (index % this.columns) * TILE;
    const y = Math.floor(index / this.columns) * TILE;
    return { x, y, width: Math.min(TILE, this.width - x), height: Math.min(TILE, this.height - y) };
  }
}
