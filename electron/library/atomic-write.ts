import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/**
 * Write a file so that a crash at any moment leaves either the old content or the new one, never half of each:
 * write a temp file beside it, flush it to disk, then rename over the target (atomic on one filesystem). `flush: false`
 * is for caches that are rebuilt when damaged: without the flush a crash of the system (not of the app) may leave the
 * file empty or damaged.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { flush?: boolean } = {}): Promise<void> {
  const temp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    if (options.flush !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    // A failed rename (target is a folder, permissions, …) must not leave the temp file behind in the library.
    await rm(temp, { force: true });
    throw error;
  }
}
