import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64, encodeBase64 } from './base64';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('encodeBase64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(Uint8Array.from(plain, (c) => c.charCodeAt(0)))).toBe(encoded);
    }
  });

  it('uses the standard alphabet with + and /', () => {
    expect(encodeBase64(bytes(0xfb, 0xff, 0xbf))).toBe('+/+/');
  });

  it('agrees with Node for every byte value and a large random buffer', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBase64(all)).toBe(Buffer.from(all).toString('base64'));
    const big = new Uint8Array(100_003);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('decodeBase64', () => {
  it('inverts encodeBase64 for every remainder length', () => {
    for (let n = 0; n < 10; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
      expect(decodeBase64(encodeBase64(data))).toEqual(data);
    }
  });

  it('accepts missing padding and line breaks', () => {
    expect(decodeBase64('Zm9vYg')).toEqual(Uint8Array.from('foob', (c) => c.charCodeAt(0)));
    expect(decodeBase64('Zm9v\r\nYmFy\n')).toEqual(Uint8Array.from('foobar', (c) => c.charCodeAt(0)));
  });

  it('refuses what is not base64', () => {
    expect(() => decodeBase64('Zm9v!')).toThrow(/unexpected character "!" at position 4/);
    expect(() => decodeBase64('data:image/png;base64,AAAA')).toThrow(/unexpected character/);
    expect(() => decodeBase64('Zm9vY')).toThrow(/length/);
    expect(() => decodeBase64('Zg==Zg==')).toThrow(/after padding/);
    expect(() => decodeBase64('Zg===')).toThrow(/padding/);
  });

  // Correctness only, at the largest size an image may have (10 MB). How fast it is is a question for a benchmark,
  // never a timed assertion (house rule: a wall-clock limit fails on a slow CI machine, not on slow code).
  it('round-trips 10 MB and returns a tight buffer', () => {
    const big = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i ^ (i >>> 7)) & 0xff;
    const text = encodeBase64(big);
    const back = decodeBase64(text);
    expect(text.length).toBe(Math.ceil(big.length / 3) * 4);
    expect(text).toBe(Buffer.from(big).toString('base64'));
    expect(back.length).toBe(big.length);
    expect(back.buffer.byteLength).toBe(big.length);
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });
});

describe('base64ByteLength', () => {
  it('counts decoded bytes without decoding', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('Zg==')).toBe(1);
    expect(base64ByteLength('Zm8=')).toBe(2);
    expect(base64ByteLength('Zm9vYmFy')).toBe(6);
    expect(base64ByteLength(encodeBase64(new Uint8Array(1234)))).toBe(1234);
  });
});
