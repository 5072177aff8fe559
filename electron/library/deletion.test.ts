// Deletions handed over when the library moves: the ones still in their undo time go along (and are undone, or sent
// to the trash, at the new place); what a quit left waiting goes to the trash at once.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../shared/kling/test-images';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { Deletion, DELETED_DIR } from './deletion';
import { Library } from './library';
import { copyLibrary } from './library-move';

let base: string;
let desktop: RecordingDesktopShell;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'ks-deletion-'));
  desktop = new RecordingDesktopShell(join(base, 'trash'));
});
afterEach(() => rm(base, { recursive: true, force: true }));

async function finished(library: Library, prompt: string) {
  const made = await library.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt, negativePrompt: '' },
    files: [{ name: 'start.png', bytes: encodePng({ width: 64, height: 36 }) }],
    inputs: { start: 'start.png' },
  });
  return library.update(made.id, (r) => void (r.status = 'succeed'));
}

describe('deletions when the library moves', () => {
  it('hands over a deletion still in its undo time, which the new place can undo', async () => {
    const from = new Library({ root: join(base, 'from') });
    const gone = await finished(from, 'deleted just before the move');
    const before = new Deletion({ library: from, desktop, undoMs: 60_000 });
    const { undoToken } = await before.delete([gone.id]);
    // A deletion a quit left waiting, from an earlier run.
    await mkdir(join(from.root, DELETED_DIR, 'leftover', 'old-folder'), { recursive: true });
    await writeFile(join(from.root, DELETED_DIR, 'leftover', 'old-folder', 'generation.json'), '{}');

    const carried = await before.handOver();
    expect(carried.map((c) => c.token)).toEqual([undoToken]);
    expect(carried[0]!.leftMs).toBeGreaterThan(0);
    expect(carried[0]!.leftMs).toBeLessThanOrEqual(60_000);
    expect(desktop.trashed).toEqual([join(from.root, DELETED_DIR, 'leftover', 'old-folder')]);

    const to = join(base, 'to');
    await copyLibrary(from.root, to, () => undefined, [undoToken]);
    expect(await readdir(join(to, DELETED_DIR))).toEqual([undoToken]);
    const library = new Library({ root: to });
    const after = new Deletion({ library, desktop });
    await after.takeOver(carried);
    expect(after.undoable).toBe(true);
    expect(await after.undo(undoToken)).toEqual({ restored: [gone.id] });
    expect((await library.get(gone.id))?.settings.prompt).toBe('deleted just before the move');
    expect(existsSync(join(to, DELETED_DIR))).toBe(false);
  });

  it('sends a handed-over deletion to the trash from the new place once the time it had left is over', async () => {
    const from = new Library({ root: join(base, 'from') });
    const gone = await finished(from, 'never undone');
    const before = new Deletion({ library: from, desktop, undoMs: 60_000 });
    const { undoToken } = await before.delete([gone.id]);
    const carried = await before.handOver();
    const to = join(base, 'to');
    await copyLibrary(from.root, to, () => undefined, [undoToken]);
    const after = new Deletion({ library: new Library({ root: to }), desktop });
    await after.takeOver(carried.map((c) => ({ ...c, leftMs: 0 })));
    await expect.poll(() => desktop.trashed).toEqual([join(to, DELETED_DIR, undoToken, gone.folder)]);
    expect(await after.undo(undoToken)).toEqual({ restored: [] });
  });
});
