// "Similar colour" (the magic wand): the pixels connected to the seed (4-neighbours) whose colour is within
// `tolerance` of the seed's on every channel, as image editors do it (GIMP's "Select by colour" threshold,
// Photoshop's tolerance: 0 = exactly this colour, 255 = everything connected). Alpha is ignored: frames are opaque.
// A scanline fill: each run of a row is filled at once and only its ends push work, so a 4096² image takes one pass.
import { assertRgba, type Mask, type RgbaImage } from './images';

export const MAX_TOLERANCE = 255;

export function similarColour(image: RgbaImage, seed: { x: number; y: number }, tolerance: number): Mask {
  assertRgba(image);
  const { width, height, data } = image;
  const mask = new Uint8Array(width * height);
  const sx = Math.floor(seed.x);
  const sy = Math.floor(seed.y);
  if (!(sx >= 0 && sy >= 0 && sx < width && sy < height)) return { width, height, data: mask };
  const t = Math.max(0, Math.min(MAX_TOLERANCE, tolerance));
  const s = (sy * width + sx) * 4;
  const r0 = data[s] ?? 0;
  const g0 = data[s + 1] ?? 0;
  const b0 = data[s + 2] ?? 0;
  const similar = (i: number): boolean => {
    const o = i * 4;
    return (
      mask[i] === 0 &&
      Math.abs((data[o] ?? 0) - r0) <= t &&
      Math.abs((data[o + 1] ?? 0) - g0) <= t &&
      Math.abs((data[o + 2] ?? 0) - b0) <= t
    );
  };
  // Stack of (x, y) seeds; each grows into a run on its row, then scans the rows above and below the run.
  const stack: number[] = [sx, sy];
  while (stack.length > 0) {
    const y = stack.pop() as number;
    const x = stack.pop() as number;
    const row = y * width;
    if (!similar(row + x)) continue;
    let left = x;
    while (left > 0 && similar(row + left - 1)) left--;
    let right = x;
    while (right < width - 1 && similar(row + right + 1)) right++;
    mask.fill(1, row + left, row + right + 1);
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= height) continue;
      const nrow = ny * width;
      let inRun = false;
      for (let nx = left; nx <= right; nx++) {
        const ok = similar(nrow + nx);
        if (ok && !inRun) stack.push(nx, ny);
        inRun = ok;
      }
    }
  }
  return { width, height, data: mask };
}
