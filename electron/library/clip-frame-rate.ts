// A clip's frame rate from its file, for the player's frame steps: the top-level boxes are walked by their headers
// (a few bytes each; the `moov` box may come before or after the media data) and only `moov` is read.
import { open } from 'node:fs/promises';
import { mp4FrameRate } from '../../shared/media/mp4-frame-rate';

/** A `moov` larger than this is not a short clip's: left unread. */
const MOOV_MAX_BYTES = 16 * 1024 * 1024;

export async function clipFrameRate(path: string): Promise<number | undefined> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(16);
    for (let at = 0; at + 8 <= size; ) {
      const { bytesRead } = await file.read(head, 0, 16, at);
      if (bytesRead < 8) return undefined;
      const short = head.readUInt32BE(0);
      const boxSize = short === 1 ? Number(head.readBigUInt64BE(8)) : short === 0 ? size - at : short;
      if (boxSize < 8) return undefined; // damaged
      if (head.toString('latin1', 4, 8) === 'moov') {
        if (boxSize > MOOV_MAX_BYTES) return undefined;
        const moov = Buffer.alloc(Math.min(boxSize, size - at));
        await file.read(moov, 0, moov.length, at);
        return mp4FrameRate(moov);
      }
      at += boxSize;
    }
    return undefined;
  } catch {
    return undefined; // unreadable: the player falls back to its default
  } finally {
    await file.close();
  }
}
