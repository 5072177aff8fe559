// A better start for GrabCut than "everything in the box may be the object". GrabCut's first object colour model
// is learnt from the whole box, which on a thin or sparse object (a horse's legs, a bicycle) is mostly background,
// so the background leaks into the result and stays there. Here the colours seen around the box say which pixels
// inside it are probably background: a colour that is relatively more common outside the box than inside it starts
// as "probably background", the rest as "probably object". GrabCut then learns both models from that split.
import type { Rect } from '../geometry';

const LEVELS = 16;
const BINS = LEVELS * LEVELS * LEVELS;

function binOf(r: number, g: number, b: number): number {
  return ((r >> 4) * LEVELS + (g >> 4)) * LEVELS + (b >> 4);
}

/** Each bin's count spread over its 3×3×3 neighbours, so colours that fall next to each other count alike. */
function smooth(h: Float64Array): Float64Array {
  const out = new Float64Array(BINS);
  for (let r = 0; r < LEVELS; r++) {
    for (let g = 0; g < LEVELS; g++) {
      for (let b = 0; b < LEVELS; b++) {
        let sum = 0;
        for (let dr = -1; dr <= 1; dr++) {
          const rr = r + dr;
          if (rr < 0 || rr >= LEVELS) continue;
          for (let dg = -1; dg <= 1; dg++) {
            const gg = g + dg;
            if (gg < 0 || gg >= LEVELS) continue;
            for (let db = -1; db <= 1; db++) {
              const bb = b + db;
              if (bb < 0 || bb >= LEVELS) continue;
              sum += h[(rr * LEVELS + gg) * LEVELS + bb]!;
            }
          }
        }
        out[(r * LEVELS + g) * LEVELS + b] = sum;
      }
    }
  }
  return out;
}

/**
 * GrabCut labels for an RGB image (3 bytes a pixel): outside `rect` sure background, inside probably background or
 * probably object by colour. `values` are OpenCV's GC_* constants.
 */
export function initialLabels(
  rgb: Uint8Array,
  width: number,
  height: number,
  rect: Rect,
  values: { bgd: number; prBgd: number; prFgd: number },
): Uint8Array {
  const inside = new Float64Array(BINS);
  const outside = new Float64Array(BINS);
  const bins = new Uint16Array(width * height);
  const isIn = (x: number, y: number) => x >= rect.x && y >= rect.y && x < rect.x + rect.width && y < rect.y + rect.height;
  let nIn = 0;
  let nOut = 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const bin = binOf(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!);
      bins[i] = bin;
      if (isIn(x, y)) {
        inside[bin]!++;
        nIn++;
      } else {
        outside[bin]!++;
        nOut++;
      }
    }
  }
  const hin = smooth(inside);
  const hout = smooth(outside);
  const labels = new Uint8Array(width * height);
  let objects = 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (!isIn(x, y)) {
        labels[i] = values.bgd;
        continue;
      }
      const bin = bins[i]!;
      const background = nOut > 0 && hout[bin]! / nOut >= hin[bin]! / nIn;
      labels[i] = background ? values.prBgd : values.prFgd;
      if (!background) objects++;
    }
  }
  // Nothing in the box differs from its surroundings: fall back to GrabCut's own start (the whole box may be it).
  if (objects === 0) for (let i = 0; i < labels.length; i++) if (labels[i] === values.prBgd) labels[i] = values.prFgd;
  return labels;
}

/**
 * After GrabCut: `selected` (1 = object) loses the pixels whose colour is clearly the background's: at least
 * `ratio` times more typical of the unselected pixels than of the selected ones. GrabCut's smoothness fills the
 * background enclosed by thin parts (between a horse's legs) when the background is textured; its colour gives it
 * away. Only removes, never adds.
 */
export function trimBackgroundColours(rgb: Uint8Array, selected: Uint8Array, ratio = 2): void {
  const fg = new Float64Array(BINS);
  const bg = new Float64Array(BINS);
  let nFg = 0;
  let nBg = 0;
  for (let i = 0; i < selected.length; i++) {
    const bin = binOf(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!);
    if (selected[i]) {
      fg[bin]!++;
      nFg++;
    } else {
      bg[bin]!++;
      nBg++;
    }
  }
  if (nFg === 0 || nBg === 0) return;
  const hf = smooth(fg);
  const hb = smooth(bg);
  for (let i = 0; i < selected.length; i++) {
    if (!selected[i]) continue;
    const bin = binOf(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!);
    if (hb[bin]! / nBg > (ratio * hf[bin]!) / nFg) selected[i] = 0;
  }
}
