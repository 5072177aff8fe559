// Upscaling a coarse mask so that its edge follows the photo's real edges at full resolution: the fast guided filter
// (He & Sun, "Fast Guided Filter", 2015). On the small copy, every window fits the mask as a linear function of the
// colour (q = a·I + b); those coefficients are smooth, so they are upsampled bilinearly and applied to the FULL
// resolution colours. Where the photo has an edge the mask gets that edge, not the staircase of the small copy.
// Only pixels near the coarse boundary are computed; the rest copy the coarse mask.
import { boxMean } from './box-filter';
import type { Rect } from '../geometry';
import type { Mask, RgbaImage } from './images';
import { assertInside } from './resample';

export interface SnapOptions {
  /** Window radius in small pixels. */
  radius?: number;
  /** Regularisation: larger = smoother, less edge-following. Colours are in [0, 1]. */
  epsilon?: number;
}

/**
 * `probability` holds the coarse mask (0..1) at `small`'s size; `area` of `full` (all of it when left out; read in
 * place) is the same view at full resolution. Returns the full-resolution mask, `area`'s size.
 */
export function snapToEdges(full: RgbaImage, small: RgbaImage, probability: Float32Array, options: SnapOptions = {}, area?: Rect): Mask {
  const r = options.radius ?? 2;
  const eps = options.epsilon ?? 0.002;
  const { width: w, height: h } = small;
  const n = w * h;
  const I = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  for (let i = 0; i < n; i++) {
    I[0][i] = small.data[i * 4]! / 255;
    I[1][i] = small.data[i * 4 + 1]! / 255;
    I[2][i] = small.data[i * 4 + 2]! / 255;
  }
  const mean = (a: Float32Array) => boxMean(a, w, h, r);
  const product = (a: Float32Array, b: Float32Array) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
    return mean(out);
  };
  const p = probability;
  const mI = [mean(I[0]), mean(I[1]), mean(I[2])] as const;
  const mP = mean(p);
  const mIP = [product(I[0], p), product(I[1], p), product(I[2], p)] as const;
  const rr = product(I[0], I[0]);
  const rg = product(I[0], I[1]);
  const rb = product(I[0], I[2]);
  const gg = product(I[1], I[1]);
  const gb = product(I[1], I[2]);
  const bb = product(I[2], I[2]);
  const A = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  const B = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const m0 = mI[0][i]!;
    const m1 = mI[1][i]!;
    const m2 = mI[2][i]!;
    const mp = mP[i]!;
    const c0 = mIP[0][i]! - m0 * mp;
    const c1 = mIP[1][i]! - m1 * mp;
    const c2 = mIP[2][i]! - m2 * mp;
    // Σ + εU, symmetric 3×3; solve with its adjugate.
    const s00 = rr[i]! - m0 * m0 + eps;
    const s01 = rg[i]! - m0 * m1;
    const s02 = rb[i]! - m0 * m2;
    const s11 = gg[i]! - m1 * m1 + eps;
    const s12 = gb[i]! - m1 * m2;
    const s22 = bb[i]! - m2 * m2 + eps;
    const i00 = s11 * s22 - s12 * s12;
    const i01 = s02 * s12 - s01 * s22;
    const i02 = s01 * s12 - s02 * s11;
    const i11 = s00 * s22 - s02 * s02;
    const i12 = s01 * s02 - s00 * s12;
    const i22 = s00 * s11 - s01 * s01;
    const det = s00 * i00 + s01 * i01 + s02 * i02;
    const a0 = (i00 * c0 + i01 * c1 + i02 * c2) / det;
    const a1 = (i01 * c0 + i11 * c1 + i12 * c2) / det;
    const a2 = (i02 * c0 + i12 * c1 + i22 * c2) / det;
    A[0][i] = a0;
    A[1][i] = a1;
    A[2][i] = a2;
    B[i] = mp - a0 * m0 - a1 * m1 - a2 * m2;
  }
  const mA = [mean(A[0]), mean(A[1]), mean(A[2])] as const;
  const mB = mean(B);
  // A small pixel is certain when the coarse mask is all 0 or all 1 within 2r + 1 of it: then every window whose
  // coefficients reach its bilinear neighbours (±1) sees a constant mask, so a = 0 and b = that constant exactly, and
  // the filter would give the coarse value. (Each ring more is a few % of a 4096² region's pixels to compute.)
  const reach = boxMean(p, w, h, 2 * r + 1);

  const view = area ?? { x: 0, y: 0, width: full.width, height: full.height };
  assertInside(view, full);
  const W = view.width;
  const H = view.height;
  const out = new Uint8Array(W * H);
  const src = full.data;
  const sx = w / W;
  const sy = h / H;
  // Per full-resolution column: the small column on each side and the weight of the right one (bilinear).
  const cx0 = new Int32Array(W);
  const cx1 = new Int32Array(W);
  const fxs = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    const u = Math.min(w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    cx0[x] = Math.floor(u);
    cx1[x] = Math.min(w - 1, cx0[x]! + 1);
    fxs[x] = u - cx0[x]!;
  }
  // The full-resolution columns whose nearest small column is c: runStart[c] ≤ x < runStart[c + 1]. A run of a
  // certain small pixel is filled at once; only runs near the coarse boundary are computed pixel by pixel (on a
  // 4096² region they are a small share of its 16 M pixels, and visiting each of those took seconds).
  const runStart = new Int32Array(w + 1);
  for (let x = 0, c = 0; x < W; x++) {
    const near = Math.min(w - 1, Math.floor((x + 0.5) * sx));
    while (c < near) runStart[++c] = x;
  }
  for (let c = w; c > 0 && runStart[c] === 0; c--) runStart[c] = W;
  runStart[0] = 0;
  // The coefficients of the current row, interpolated vertically (then horizontally per pixel): computed only for
  // rows that have a pixel to compute.
  const rowA0 = new Float64Array(w);
  const rowA1 = new Float64Array(w);
  const rowA2 = new Float64Array(w);
  const rowB = new Float64Array(w);
  let rowReady = -1;
  for (let y = 0; y < H; y++) {
    const nearRow = Math.min(h - 1, Math.floor((y + 0.5) * sy)) * w;
    const base = y * W;
    const srcRow = ((view.y + y) * full.width + view.x) * 4;
    for (let c = 0; c < w; c++) {
      const from = runStart[c]!;
      const to = runStart[c + 1]!;
      if (from >= to) continue;
      const k = nearRow + c;
      const m = reach[k]!;
      if (m < 1e-6 || m > 1 - 1e-6) {
        if (p[k]! >= 0.5) out.fill(1, base + from, base + to);
        continue;
      }
      if (rowReady !== y) {
        const v = Math.min(h - 1, Math.max(0, (y + 0.5) * sy - 0.5));
        const row0 = Math.floor(v) * w;
        const row1 = Math.min(h - 1, Math.floor(v) + 1) * w;
        const fy = v - Math.floor(v);
        for (let i = 0; i < w; i++) {
          rowA0[i] = mA[0][row0 + i]! * (1 - fy) + mA[0][row1 + i]! * fy;
          rowA1[i] = mA[1][row0 + i]! * (1 - fy) + mA[1][row1 + i]! * fy;
          rowA2[i] = mA[2][row0 + i]! * (1 - fy) + mA[2][row1 + i]! * fy;
          rowB[i] = mB[row0 + i]! * (1 - fy) + mB[row1 + i]! * fy;
        }
        rowReady = y;
      }
      for (let x = from; x < to; x++) {
        const fx = fxs[x]!;
        const a = cx0[x]!;
        const b = cx1[x]!;
        const o = srcRow + x * 4;
        const q =
          ((rowA0[a]! * (1 - fx) + rowA0[b]! * fx) * src[o]! +
            (rowA1[a]! * (1 - fx) + rowA1[b]! * fx) * src[o + 1]! +
            (rowA2[a]! * (1 - fx) + rowA2[b]! * fx) * src[o + 2]!) /
            255 +
          rowB[a]! * (1 - fx) +
          rowB[b]! * fx;
        if (q >= 0.5) out[base + x] = 1;
      }
    }
  }
  return { width: W, height: H, data: out };
}
