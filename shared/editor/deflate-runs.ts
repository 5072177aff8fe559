// A zlib (RFC 1950/1951) encoder specialised for data made of runs, such as binary masks.
//
// Why not fflate's zlibSync: on this machine it needs ~125 ms per 4096 × 4096 mask at any level, so exporting seven
// masks would take close to a second. Masks are long runs of 0 and 255, which deflate expresses as "repeat the
// previous byte" matches (distance 1). This encoder only ever emits literals and distance-1 matches, takes its
// input as runs (so the caller can scan a label map once for all masks), and codes each block with Huffman tables
// built from that block's own symbol counts. Result: a few ms per mask and outputs within ~1.5× of fflate's level 6.
// Any zlib decoder reads the output; the tests decode it with fflate.

const MOD_ADLER = 65521;
/** Symbols buffered per deflate block; bounds memory whatever the input. */
const BLOCK_SYMBOLS = 1 << 16;
const MAX_MATCH = 258;
const MIN_MATCH = 3;

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Order in which code-length code lengths are sent (RFC 1951 §3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** For a match length L (3..258): its symbol (257..285), extra-bit count and extra-bit value. */
const LEN_SYMBOL = new Uint16Array(MAX_MATCH + 1);
const LEN_EXTRA_BITS = new Uint8Array(MAX_MATCH + 1);
const LEN_EXTRA_VALUE = new Uint8Array(MAX_MATCH + 1);
for (let code = 0; code < LENGTH_BASE.length; code++) {
  const base = LENGTH_BASE[code] ?? 0;
  const extra = LENGTH_EXTRA[code] ?? 0;
  const span = code === LENGTH_BASE.length - 1 ? 1 : 1 << extra;
  for (let k = 0; k < span && base + k <= MAX_MATCH; k++) {
    // 258 has its own code (285); code 284 with 5 extra bits must not claim it.
    if (base + k === MAX_MATCH && code !== LENGTH_BASE.length - 1) continue;
    LEN_SYMBOL[base + k] = 257 + code;
    LEN_EXTRA_BITS[base + k] = extra;
    LEN_EXTRA_VALUE[base + k] = k;
  }
}

/** Huffman code lengths for `freq`, no longer than `maxBits`; always at least two codes so every decoder agrees. */
function codeLengths(freq: Uint32Array, maxBits: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  const used: number[] = [];
  for (let s = 0; s < n; s++) if ((freq[s] ?? 0) > 0) used.push(s);
  if (used.length < 2) {
    // A lone code must still form a complete tree for strict decoders (zlib refuses incomplete code-length codes).
    const a = used[0] ?? 0;
    const b = a === 0 ? 1 : 0;
    lengths[a] = 1;
    lengths[b] = 1;
    return lengths;
  }
  const weights = used.map((s) => freq[s] ?? 0);
  for (;;) {
    const depth = huffmanDepths(weights);
    let max = 0;
    for (const d of depth) if (d > max) max = d;
    if (max <= maxBits) {
      used.forEach((s, i) => (lengths[s] = depth[i] ?? 0));
      return lengths;
    }
    // Flatten the distribution and retry; converges because equal weights give depth ceil(log2 n) <= maxBits.
    for (let i = 0; i < weights.length; i++) weights[i] = Math.max(1, (weights[i] ?? 0) >>> 1);
  }
}

/** Depth of each leaf in a Huffman tree over `weights` (two-queue construction after sorting). */
function huffmanDepths(weights: readonly number[]): number[] {
  const n = weights.length;
  const order = weights.map((_, i) => i).sort((a, b) => (weights[a] ?? 0) - (weights[b] ?? 0));
  const weight = new Float64Array(2 * n - 1);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < n; i++) weight[i] = weights[order[i] ?? 0] ?? 0;
  let leaf = 0;
  let inner = n;
  const pick = (next: number): number => {
    if (leaf < n && (inner >= next || (weight[leaf] ?? 0) <= (weight[inner] ?? 0))) return leaf++;
    return inner++;
  };
  for (let next = n; next < 2 * n - 1; next++) {
    const a = pick(next);
    const b = pick(next);
    weight[next] = (weight[a] ?? 0) + (weight[b] ?? 0);
    parent[a] = next;
    parent[b] = next;
  }
  const depthOf = new Uint8Array(2 * n - 1);
  for (let node = 2 * n - 3; node >= 0; node--) depthOf[node] = (depthOf[parent[node] ?? 0] ?? 0) + 1;
  const depth = new Array<number>(n);
  for (let i = 0; i < n; i++) depth[order[i] ?? 0] = depthOf[i] ?? 0;
  return depth;
}

/** Canonical codes for `lengths`, bit-reversed because deflate sends Huffman codes most significant bit first. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const len of lengths) count[len] = (count[len] ?? 0) + 1;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + (count[bits - 1] ?? 0)) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    if (len === 0) continue;
    let c = next[len] ?? 0;
    next[len] = c + 1;
    let reversed = 0;
    for (let b = 0; b < len; b++) {
      reversed = (reversed << 1) | (c & 1);
      c >>>= 1;
    }
    codes[s] = reversed;
  }
  return codes;
}

/**
 * Builds one zlib stream from runs of bytes. Consecutive runs of the same value merge, so a caller may push the
 * PNG filter byte of each row as its own run and still get runs that span rows.
 */
export class RunDeflater {
  private out: Uint8Array;
  private pos = 0;
  private bitBuf = 0;
  private bitCount = 0;
  private readonly symbols = new Uint16Array(BLOCK_SYMBOLS);
  private symbolCount = 0;
  private runValue = -1;
  private runLength = 0;
  private adlerA = 1;
  private adlerB = 0;
  private finished = false;

  constructor(initialCapacity = 1 << 16) {
    this.out = new Uint8Array(Math.max(64, initialCapacity));
    this.out[0] = 0x78; // CM = deflate, 32 KiB window
    this.out[1] = 0x01; // no dictionary, check bits make 0x7801 a multiple of 31
    this.pos = 2;
  }

  /** Appends `count` copies of `value` (0..255). */
  pushRun(value: number, count: number): void {
    if (count <= 0) return;
    if (value === this.runValue) {
      this.runLength += count;
      return;
    }
    this.flushRun();
    this.runValue = value;
    this.runLength = count;
  }

  /** Appends bytes as they are (runs inside are still found). */
  pushBytes(bytes: Uint8Array, start = 0, end = bytes.length): void {
    let i = start;
    while (i < end) {
      const v = bytes[i] ?? 0;
      let j = i + 1;
      while (j < end && bytes[j] === v) j++;
      this.pushRun(v, j - i);
      i = j;
    }
  }

  /** Ends the stream and returns it; the deflater cannot be used afterwards. */
  finish(): Uint8Array {
    if (this.finished) throw new Error('RunDeflater.finish() called twice');
    this.finished = true;
    this.flushRun();
    this.writeBlock(true);
    if (this.bitCount > 0) this.writeBits(0, 8 - this.bitCount);
    this.ensure(4);
    const adler = ((this.adlerB << 16) | this.adlerA) >>> 0;
    this.out[this.pos++] = adler >>> 24;
    this.out[this.pos++] = (adler >>> 16) & 255;
    this.out[this.pos++] = (adler >>> 8) & 255;
    this.out[this.pos++] = adler & 255;
    return this.out.subarray(0, this.pos);
  }

  private flushRun(): void {
    let n = this.runLength;
    if (n === 0) return;
    const v = this.runValue;
    this.runLength = 0;
    // Adler-32 of n copies of v in O(1): a gains n·v, b gains n·a + v·n(n+1)/2 (all mod 65521).
    const nMod = n % MOD_ADLER;
    const tri = n % 2 === 0 ? ((n / 2) % MOD_ADLER) * ((n + 1) % MOD_ADLER) : nMod * (((n + 1) / 2) % MOD_ADLER);
    this.adlerB = (this.adlerB + nMod * this.adlerA + v * (tri % MOD_ADLER)) % MOD_ADLER;
    this.adlerA = (this.adlerA + nMod * v) % MOD_ADLER;

    this.pushSymbol(v);
    n -= 1;
    while (n >= MIN_MATCH) {
      let len = n > MAX_MATCH ? MAX_MATCH : n;
      // Never leave a tail of 1 or 2 bytes that could have been part of a match.
      const rest = n - len;
      if (rest > 0 && rest < MIN_MATCH) len = n - MIN_MATCH;
      this.pushSymbol(256 + len);
      n -= len;
    }
    while (n-- > 0) this.pushSymbol(v);
  }

  /** Symbol < 256: a literal; otherwise 256 + match length, at distance 1. */
  private pushSymbol(symbol: number): void {
    this.symbols[this.symbolCount++] = symbol;
    if (this.symbolCount === BLOCK_SYMBOLS) this.writeBlock(false);
  }

  private writeBlock(final: boolean): void {
    const symbols = this.symbols;
    const count = this.symbolCount;
    this.symbolCount = 0;
    const litFreq = new Uint32Array(286);
    const distFreq = new Uint32Array(30);
    for (let i = 0; i < count; i++) {
      const s = symbols[i] ?? 0;
      if (s < 256) litFreq[s]!++;
      else {
        litFreq[LEN_SYMBOL[s - 256] ?? 0]!++;
        distFreq[0]!++;
      }
    }
    litFreq[256] = 1;
    const litLens = codeLengths(litFreq, 15);
    const distLens = codeLengths(distFreq, 15);
    let hlit = 286;
    while (hlit > 257 && litLens[hlit - 1] === 0) hlit--;
    let hdist = 30;
    while (hdist > 1 && distLens[hdist - 1] === 0) hdist--;

    // Code lengths of both trees, run-length coded with symbols 16/17/18.
    const all = new Uint8Array(hlit + hdist);
    all.set(litLens.subarray(0, hlit));
    all.set(distLens.subarray(0, hdist), hlit);
    const clSyms: number[] = [];
    const clExtra: number[] = [];
    for (let i = 0; i < all.length; ) {
      const len = all[i] ?? 0;
      let run = 1;
      while (i + run < all.length && all[i + run] === len) run++;
      i += run;
      if (len === 0) {
        while (run >= 11) {
          const r = Math.min(run, 138);
          clSyms.push(18);
          clExtra.push(r - 11);
          run -= r;
        }
        if (run >= 3) {
          clSyms.push(17);
          clExtra.push(run - 3);
          run = 0;
        }
      } else {
        clSyms.push(len);
        clExtra.push(0);
        run--;
        while (run >= 3) {
          const r = Math.min(run, 6);
          clSyms.push(16);
          clExtra.push(r - 3);
          run -= r;
        }
      }
      while (run-- > 0) {
        clSyms.push(len);
        clExtra.push(0);
      }
    }
    const clFreq = new Uint32Array(19);
    for (const s of clSyms) clFreq[s]!++;
    const clLens = codeLengths(clFreq, 7);
    const clCodes = canonicalCodes(clLens);
    let hclen = 19;
    while (hclen > 4 && clLens[CL_ORDER[hclen - 1] ?? 0] === 0) hclen--;

    // Worst case: 35 bits per symbol (15-bit code, 5 extra bits, 15-bit distance code), 14 per code-length symbol.
    this.ensure(((count + 1) * 35 + hclen * 3 + clSyms.length * 14 + 64) / 8 + 8);
    this.writeBits(final ? 1 : 0, 1);
    this.writeBits(2, 2); // dynamic Huffman
    this.writeBits(hlit - 257, 5);
    this.writeBits(hdist - 1, 5);
    this.writeBits(hclen - 4, 4);
    for (let i = 0; i < hclen; i++) this.writeBits(clLens[CL_ORDER[i] ?? 0] ?? 0, 3);
    for (let i = 0; i < clSyms.length; i++) {
      const s = clSyms[i] ?? 0;
      this.writeBits(clCodes[s] ?? 0, clLens[s] ?? 0);
      if (s === 16) this.writeBits(clExtra[i] ?? 0, 2);
      else if (s === 17) this.writeBits(clExtra[i] ?? 0, 3);
      else if (s === 18) this.writeBits(clExtra[i] ?? 0, 7);
    }

    const litCodes = canonicalCodes(litLens);
    const distCode0 = canonicalCodes(distLens)[0] ?? 0;
    const distLen0 = distLens[0] ?? 0;
    for (let i = 0; i < count; i++) {
      const s = symbols[i] ?? 0;
      if (s < 256) {
        this.writeBits(litCodes[s] ?? 0, litLens[s] ?? 0);
      } else {
        const len = s - 256;
        const sym = LEN_SYMBOL[len] ?? 0;
        this.writeBits(litCodes[sym] ?? 0, litLens[sym] ?? 0);
        const extraBits = LEN_EXTRA_BITS[len] ?? 0;
        if (extraBits > 0) this.writeBits(LEN_EXTRA_VALUE[len] ?? 0, extraBits);
        this.writeBits(distCode0, distLen0);
      }
    }
    this.writeBits(litCodes[256] ?? 0, litLens[256] ?? 0);
  }

  private writeBits(value: number, bits: number): void {
    this.bitBuf |= value << this.bitCount;
    this.bitCount += bits;
    while (this.bitCount >= 8) {
      this.out[this.pos++] = this.bitBuf & 255;
      this.bitBuf >>>= 8;
      this.bitCount -= 8;
    }
  }

  private ensure(extraBytes: number): void {
    const need = this.pos + Math.ceil(extraBytes);
    if (need <= this.out.length) return;
    const grown = new Uint8Array(Math.max(need, this.out.length * 2));
    grown.set(this.out.subarray(0, this.pos));
    this.out = grown;
  }
}
