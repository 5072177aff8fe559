// Reads what a server can know about an input image without decoding pixels: the format from its magic bytes and
// the pixel size from the PNG IHDR chunk or the JPEG SOFn segment. That is all the create rules need.

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  bytes: number;
}

export type ImageSource = { kind: 'url'; url: string } | { kind: 'inline'; info: ImageInfo };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function probePng(buf: Buffer): ImageInfo | string {
  // Signature (8) + chunk length (4) + "IHDR" (4) + width (4) + height (4).
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return 'PNG without an IHDR header';
  return { format: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bytes: buf.length };
}

/** SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the marker range. */
const isSofMarker = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function probeJpeg(buf: Buffer): ImageInfo | string {
  let i = 2; // after SOI
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return 'JPEG with a broken segment structure';
    const marker = buf[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // Stand-alone markers carry no length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // EOI or start of scan before any frame header
    const length = buf.readUInt16BE(i + 2);
    if (isSofMarker(marker)) {
      if (i + 9 > buf.length) break;
      return { format: 'jpeg', height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), bytes: buf.length };
    }
    i += 2 + length;
  }
  return 'JPEG without a frame header (SOFn)';
}

/** Format and pixel size of PNG/JPEG bytes, or a reason why they are neither. */
export function probeImage(buf: Buffer): ImageInfo | string {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return probePng(buf);
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return probeJpeg(buf);
  return 'not a JPEG or PNG image';
}

// Strict: Node's decoder silently skips junk, which would let a `data:` URL or a typo through as "base64".
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function isStrictBase64(text: string): boolean {
  return text.length % 4 !== 1 && BASE64.test(text);
}
