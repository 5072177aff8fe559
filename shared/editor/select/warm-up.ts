// A select on a small made-up photo (a disc on a textured ground), run once when the object select's engine has
// loaded, while the person is still reaching for the photo: the first real box then runs code the JavaScript engine
// has already compiled. Measured under Node on the same code: the first select of a 1036² region spent ~190 ms of CPU
// outside GrabCut cold, ~80 ms after this warm-up (which costs ~170 ms, in the worker, before anyone waits).
import type { Mask } from './images';
import { ObjectSelection } from './object-selection';
import type { OpenCv } from './opencv';

const W = 240;
const H = 180;

export function warmUpObjectSelection(cv: OpenCv): Mask {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const disc = (x - 120) ** 2 + (y - 90) ** 2 < 50 ** 2;
      data[o] = disc ? 200 : 40 + (x % 7);
      data[o + 1] = disc ? 80 : 120;
      data[o + 2] = disc ? 60 : 90 + (y % 5);
      data[o + 3] = 255;
    }
  }
  const selection = new ObjectSelection(cv, { width: W, height: H, data }, { x: 60, y: 30, width: 120, height: 120 });
  try {
    return selection.select();
  } finally {
    selection.dispose();
  }
}
