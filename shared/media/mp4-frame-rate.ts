// A clip's frame rate, read from its MP4 boxes (ISO/IEC 14496-12): the video track's `mdhd` timescale and its `stts`
// sample durations. The player steps frame by frame with it, and a <video> element does not say its frame rate.
// Kling does not document one (its API returns only a duration; see ../shared/kling-api.md): clips seen so far are
// 24 or 30 frames a second, so the file is asked rather than a number assumed.

interface Box {
  type: string;
  /** Where the box's content starts and ends in the buffer. */
  start: number;
  end: number;
}

/** The boxes found in `bytes[from, to)`; a box cut short by the end of the buffer ends there. */
export function readBoxes(bytes: Uint8Array, from = 0, to = bytes.length): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = to - at; // to the end of the file
    if (size < header) break; // damaged
    boxes.push({ type, start: at + header, end: Math.min(to, at + size) });
    at += size;
  }
  return boxes;
}

function child(bytes: Uint8Array, parent: Box, type: string): Box | undefined {
  return readBoxes(bytes, parent.start, parent.end).find((b) => b.type === type);
}

/**
 * Frames per second of the first video track, from the bytes of a whole file or of its `moov` box; undefined when
 * they do not say (no video track, a damaged box, a fragmented file whose samples are described elsewhere).
 */
export function mp4FrameRate(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = readBoxes(bytes);
  const moov = top.find((b) => b.type === 'moov') ?? { type: 'moov', start: 0, end: bytes.length };
  const tracks = readBoxes(bytes, moov.start, moov.end).filter((b) => b.type === 'trak');
  for (const trak of tracks) {
    const mdia = child(bytes, trak, 'mdia');
    const hdlr = mdia && child(bytes, mdia, 'hdlr');
    if (!mdia || !hdlr || hdlr.start + 12 > hdlr.end) continue;
    if (String.fromCharCode(...bytes.subarray(hdlr.start + 8, hdlr.start + 12)) !== 'vide') continue;
    const mdhd = child(bytes, mdia, 'mdhd');
    const minf = child(bytes, mdia, 'minf');
    const stbl = minf && child(bytes, minf, 'stbl');
    const stts = stbl && child(bytes, stbl, 'stts');
    if (!mdhd || !stts || mdhd.start + 24 > mdhd.end || stts.start + 8 > stts.end) return undefined;
    const timescale = view.getUint32(mdhd.start + (bytes[mdhd.start] === 1 ? 20 : 12));
    const entries = view.getUint32(stts.start + 4);
    let frames = 0;
    let ticks = 0;
    for (let i = 0; i < entries && stts.start + 16 + 8 * i <= stts.end; i++) {
      frames += view.getUint32(stts.start + 8 + 8 * i);
      ticks += view.getUint32(stts.start + 12 + 8 * i) * view.getUint32(stts.start + 8 + 8 * i);
    }
    if (timescale === 0 || frames === 0 || ticks === 0) return undefined;
    // 30000/1001 stays 29.97: a step lands inside the frame it names.
    return Math.round((frames * timescale * 1000) / ticks) / 1000;
  }
  return undefined;
}
