// Long runs through the run deflater: every run length around a few dozen 258-byte matches and far longer (several
// deflate blocks), after lead-ins that leave the bit writer at each offset within a byte, must inflate to exactly
// what was pushed (a mask is mostly such runs).
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RunDeflater } from './deflate-runs';

function inflated(runs: [number, number][]): { ok: boolean; length: number } {
  const d = new RunDeflater(64);
  for (const [v, n] of runs) d.pushRun(v, n);
  const out = unzlibSync(d.finish());
  let at = 0;
  for (const [v, n] of runs) {
    for (let k = 0; k < n; k++) if (out[at + k] !== v) return { ok: false, length: out.length };
    at += n;
  }
  return { ok: at === out.length, length: out.length };
}

describe('RunDeflater, long runs', () => {
  it('inflates exactly for runs of 22 to 40 matches and far longer, after every lead-in offset', () => {
    // A match symbol covers 258 bytes: n copies ≈ 258·n bytes. Lead-ins of 1–9 literals shift the bit offset.
    for (let lead = 1; lead <= 9; lead++) {
      for (const copies of [22, 23, 24, 25, 31, 32, 33, 40, 1000, 70_000]) {
        const runs: [number, number][] = [];
        for (let k = 0; k < lead; k++) runs.push([k * 29 + 3, 1]);
        runs.push([255, 1 + copies * 258], [0, 5], [255, 3 + copies * 258 + lead]);
        expect(inflated(runs)).toEqual({ ok: true, length: runs.reduce((sum, [, n]) => sum + n, 0) });
      }
    }
  });

  it('a run long enough to fill several deflate blocks, of each value a mask holds, inflates exactly', () => {
    expect(inflated([[0, 40_000_000], [255, 1], [255, 17_000_000], [0, 2]]).ok).toBe(true);
  });
});
