// Standard base64 (RFC 4648 §4, `+/` alphabet, `=` padding) for Uint8Array, written out here because `shared/` runs
// in both processes: Node's Buffer is missing in the renderer and btoa/atob are string-based (one char per byte),
// which means building a 13 MB binary string first. Images reach 10 MB, so both directions work on typed arrays and
// turn into a string in fixed-size slices instead of concatenating one character at a time.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const DECODE = (() => {
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Slice size for String.fromCharCode(...slice): large enough to be fast, small enough for every engine's argument limit. */
const STRING_SLICE = 0x2000;

export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = ENCODE[(n >>> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? ENCODE[(n >>> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return asciiToString(out);
}

function asciiToString(codes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += STRING_SLICE) {
    // apply takes the typed array as it is; spreading it into an argument list first is several times slower.
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + STRING_SLICE) as unknown as number[]));
  }
  return parts.join('');
}

/** ASCII whitespace is skipped so that line-wrapped base64 (MIME, PEM-style) decodes too. */
const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c;

/**
 * Decodes standard base64; padding is optional, whitespace is ignored. Throws on any other character, on data after
 * padding and on a length no encoder produces, because a silently shortened image is worse than a clear error.
 */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  let digits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (c === PAD) {
      padding++;
      continue;
    }
    const v = c < 256 ? DECODE[c]! : -1;
    if (v < 0) throw new Error(`Not base64: unexpected character ${JSON.stringify(text[i])} at position ${i}.`);
    if (padding > 0) throw new Error(`Not base64: data after padding at position ${i}.`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    digits++;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  if (digits % 4 === 1) throw new Error('Not base64: the length is not one an encoder produces.');
  if (padding > 2 || (padding > 0 && (digits + padding) % 4 !== 0)) throw new Error('Not base64: wrong padding.');
  return o === out.length ? out : out.slice(0, o);
}

/** Number of bytes a base64 text decodes to, without decoding it (for summaries such as the CLI's --dry-run). */
export function base64ByteLength(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== PAD && !isWhitespace(c)) digits++;
  }
  return Math.floor((digits * 6) / 8);
}
