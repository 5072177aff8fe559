// Settings ▸ Library ▸ Move… through the services and the bridge: the library, its index, the engine and the media
// protocol all follow to the new folder, which is remembered across a restart; a refusal or failure leaves the old
// library in use; writes are refused while the copy runs, and generations in flight refuse the move.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryMoveProgress, LibraryMoveResult, SettingsState } from '../../shared/ipc/contract';
import type { GenerationRecord } from '../../shared/library/generation';
import { RecordingDesktopShell } from '../desktop/desktop-shell';
import { mediaResponse } from '../library/media';
import type { Emit, StudioServices } from '../services';
import { MemoryStore } from '../settings/key-value';
import { makeRig, servicesOver, START_FRAME, startWorld, type World } from '../tasks/engine-harness';

let world: World;
/** Folders outside the library: where it is moved, the trash. */
let outside: string;
let store: MemoryStore;
beforeEach(async () => {
  world = await startWorld();
  outside = await mkdtemp(join(tmpdir(), 'ks-move-'));
  store = new MemoryStore();
});
afterEach(async () => {
  await world.close();
  await rm(outside, { recursive: true, force: true });
});

const APP = { url: 'app://studio' };

function services(emit: Emit = () => undefined, desktop = new RecordingDesktopShell(join(outside, 'trash'))) {
  return { studio: servicesOver(world, makeRig(world), emit, desktop, store), desktop };
}

const request = { startFrame: { fileName: 'cat.png', bytes: START_FRAME }, prompt: 'a cat', model: 'kling-v1', mode: 'std', duration: '5' };

async function generate(studio: StudioServices): Promise<GenerationRecord> {
  const created = await studio.registry.handle('generations:create', request, APP);
  if (!created.ok) throw new Error(created.error.message);
  await studio.engine.idle();
  return (await studio.library.get((created.value as GenerationRecord).id))!;
}

/**
 * A poster save that stays running until `lock` is removed: another computer (over a shared folder) is writing the
 * generation's record, so the poster's record write waits for its lock.
 */
async function posterHeldOpen(studio: StudioServices, made: GenerationRecord) {
  const lock = join(studio.library.folderPath(made), '.record.lock');
  await writeFile(lock, JSON.stringify({ pid: 1, host: 'another-computer' }));
  const jpeg = new Uint8Array(await readFile(join(import.meta.dirname, '../../e2e/fixtures/panorama-1600x400.jpg')));
  return { lock, poster: studio.registry.handle('generations:savePoster', { id: made.id, jpeg }, APP) };
}

/** Resolves once writes into the library are refused: a move (or Try again) has begun. */
async function writesRefused(studio: StudioServices): Promise<void> {
  await expect
    .poll(async () => {
      const answer = await studio.registry.handle('generations:cancel', { id: 'none' }, APP);
      return answer.ok ? undefined : answer.error.code;
    })
    .toBe('busy');
}

describe('moving the library from Settings', () => {
  it('switches the library, its index, the engine and the media protocol to the new folder, then removes the old one', async () => {
    const progress: LibraryMoveProgress[] = [];
    const { studio, desktop } = services((event, payload) => {
      if (event === 'library.moveProgress') progress.push(payload as LibraryMoveProgress);
    });
    const made = await generate(studio);
    const to = join(outside, 'Moved Library');
    desktop.nextFolder = to;

    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer.ok).toBe(true);
    const result = (answer as { value: LibraryMoveResult }).value;
    expect(result).toMatchObject({ moved: true, settings: { library: { path: to, isDefault: false } } });
    expect(result.note).toBeUndefined();
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['copying', 'verifying', 'removing']);
    expect(studio.library.root).toBe(to);
    await expect(readdir(world.root)).rejects.toThrow(/ENOENT/);

    // The index at the new place lists it; the media protocol serves its clip from there.
    const page = await studio.registry.handle('library:page', { query: {}, offset: 0, limit: 10 }, APP);
    expect(page.ok && (page.value as { items: GenerationRecord[] }).items.map((g) => g.id)).toEqual([made.id]);
    const clip = await mediaResponse(studio.library, `${made.folder}/result.mp4`, new Request('http://host/'));
    expect(clip.status).toBe(200);
    // New generations go there, followed by the engine to their end.
    const next = await generate(studio);
    expect(next.status).toBe('succeed');
    expect((await readdir(to)).filter((n) => !n.startsWith('.'))).toHaveLength(2);

    // Remembered: the next start opens the library where it now is.
    studio.stop();
    const again = services().studio;
    expect(again.library.root).toBe(to);
    expect((await again.library.get(made.id))?.status).toBe('succeed');
  });

  it('keeps a deletion’s Undo working after the move: the deleted folder travels with the library and comes back there', async () => {
    const { studio, desktop } = services();
    const kept = await generate(studio);
    const gone = await generate(studio);
    const deleted = await studio.registry.handle('library:delete', { ids: [gone.id] }, APP);
    if (!deleted.ok) throw new Error(deleted.error.message);
    const { undoToken } = deleted.value as { undoToken: string };
    const to = join(outside, 'Moved Library');
    desktop.nextFolder = to;
    expect((await studio.registry.handle('settings:moveLibrary', {}, APP)).ok).toBe(true);
    expect(studio.library.root).toBe(to);
    // Not listed at the new place while it waits for its undo.
    const listed = async () => {
      const page = await studio.registry.handle('library:page', { query: {}, offset: 0, limit: 10 }, APP);
      return page.ok ? (page.value as { items: GenerationRecord[] }).items.map((g) => g.id).sort() : [];
    };
    expect(await listed()).toEqual([kept.id]);

    const undone = await studio.registry.handle('library:undoDelete', { token: undoToken }, APP);
    expect(undone).toMatchObject({ ok: true, value: { restored: [gone.id] } });
    expect(await listed()).toEqual([kept.id, gone.id].sort());
    expect((await studio.library.get(gone.id))?.status).toBe('succeed');
    expect(studio.library.folderPath(gone).startsWith(to)).toBe(true);
    expect(desktop.trashed).toEqual([]);
    await expect(readdir(world.root)).rejects.toThrow(/ENOENT/);
  });

  it('keeps a deletion’s Undo working when the move is refused', async () => {
    const { studio, desktop } = services();
    const gone = await generate(studio);
    const deleted = await studio.registry.handle('library:delete', { ids: [gone.id] }, APP);
    if (!deleted.ok) throw new Error(deleted.error.message);
    const photos = join(outside, 'photos');
    await mkdir(photos);
    await writeFile(join(photos, 'a.jpg'), 'x');
    desktop.nextFolder = photos;
    expect((await studio.registry.handle('settings:moveLibrary', {}, APP)).ok).toBe(false);
    const undone = await studio.registry.handle('library:undoDelete', { token: (deleted.value as { undoToken: string }).undoToken }, APP);
    expect(undone).toMatchObject({ ok: true, value: { restored: [gone.id] } });
    expect((await studio.library.get(gone.id))?.status).toBe('succeed');
  });

  it('refuses a folder with other things in it, in words, and keeps the library where it was', async () => {
    const { studio, desktop } = services();
    const made = await generate(studio);
    const photos = join(outside, 'photos');
    await mkdir(photos);
    await writeFile(join(photos, 'a.jpg'), 'x');
    desktop.nextFolder = photos;
    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: false, error: { code: 'move-failed', message: expect.stringContaining('not empty') } });
    expect(studio.library.root).toBe(world.root);
    expect((await studio.library.get(made.id))?.status).toBe('succeed');
    expect(await readdir(photos)).toEqual(['a.jpg']);
  });

  it('does nothing when the folder dialog is cancelled', async () => {
    const { studio } = services();
    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: true, value: { moved: false, settings: { library: { path: world.root, isDefault: true } } } });
  });

  it('is refused while a generation is in flight, before any folder is asked for', async () => {
    const { studio, desktop } = services();
    desktop.nextFolder = join(outside, 'new');
    const created = await studio.registry.handle('generations:create', request, APP);
    expect(created.ok).toBe(true);
    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('A generation is still being made') } });
    expect(desktop.nextFolder).toBeDefined(); // never asked
    await studio.engine.idle();
  });

  it('is refused when a generation was being created as it began: asked again once that create has ended', async () => {
    // Generate pressed just before the folder is chosen: the create is still running when the move begins.
    const desktop = new (class extends RecordingDesktopShell {
      chosen?: () => void;
      override async chooseFolder(): Promise<string | undefined> {
        this.chosen?.();
        return join(outside, 'new');
      }
    })(join(outside, 'trash'));
    const { studio } = services(undefined, desktop);
    let created: Promise<unknown> | undefined;
    desktop.chosen = () => (created = studio.registry.handle('generations:create', request, APP));
    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('A generation is still being made') } });
    expect(await created).toMatchObject({ ok: true });
    expect(studio.library.root).toBe(world.root);
    expect(existsSync(join(outside, 'new'))).toBe(false);
    // Followed in the library it was made in, to its end.
    await studio.engine.idle();
    const [made] = (await readdir(world.root)).filter((n) => !n.startsWith('.'));
    expect(made).toBeDefined();
    expect((await studio.library.unfinished()).length).toBe(0);
  });

  it('refuses what would write into the library while it is being copied', async () => {
    const refusals: string[] = [];
    let asked = false;
    const { studio, desktop } = services((event) => {
      if (event !== 'library.moveProgress' || asked) return;
      asked = true;
      void studio.registry.handle('generations:create', request, APP).then((r) => void (!r.ok && refusals.push(r.error.message)));
    });
    await generate(studio);
    desktop.nextFolder = join(outside, 'new');
    expect((await studio.registry.handle('settings:moveLibrary', {}, APP)).ok).toBe(true);
    await expect.poll(() => refusals).toEqual(['The library is being moved; try again when it is done.']);
  });
});

describe('a move and the writes already running', () => {
  it('waits for a write into the library that began before it (a poster being saved) before it copies anything', async () => {
    const progress: string[] = [];
    const { studio, desktop } = services((event, payload) => {
      if (event === 'library.moveProgress') progress.push((payload as LibraryMoveProgress).phase);
    });
    const made = await generate(studio);
    const ended: string[] = [];
    const { lock, poster } = await posterHeldOpen(studio, made);
    void poster.finally(() => ended.push('poster'));
    const to = join(outside, 'new');
    desktop.nextFolder = to;
    const moving = studio.registry.handle('settings:moveLibrary', {}, APP).finally(() => ended.push('move'));
    await writesRefused(studio);
    expect(progress).toEqual([]);
    expect(existsSync(to)).toBe(false);
    expect(ended).toEqual([]);

    await rm(lock);
    expect(await poster).toMatchObject({ ok: true });
    expect(await moving).toMatchObject({ ok: true, value: { moved: true } });
    expect(ended).toEqual(['poster', 'move']);
    expect(progress).toContain('copying');
    // The poster and the record naming it are at the new place.
    expect(studio.library.root).toBe(to);
    expect((await studio.library.get(made.id))?.result?.poster).toBe('poster.jpg');
    expect(existsSync(join(studio.library.folderPath(made), 'poster.jpg'))).toBe(true);
  });
});

describe('a moved library whose folder is missing at start', () => {
  /** Move the library to a folder on "a drive", then unplug it: the folder goes away while the app is closed. */
  async function movedThenUnplugged(): Promise<{ made: GenerationRecord; drive: string; at: string }> {
    const { studio, desktop } = services();
    const made = await generate(studio);
    const at = join(outside, 'Drive', 'Kling Library');
    desktop.nextFolder = at;
    expect((await studio.registry.handle('settings:moveLibrary', {}, APP)).ok).toBe(true);
    studio.stop();
    await rename(join(outside, 'Drive'), join(outside, 'Drive (unplugged)'));
    return { made, drive: join(outside, 'Drive'), at };
  }
  const settingsOf = async (studio: StudioServices) => ((await studio.registry.handle('settings:get', {}, APP)) as { value: SettingsState }).value;

  it('opens the default library for the run, keeps the setting, says which place is missing, and opens it again once it is back', async () => {
    const { made, drive, at } = await movedThenUnplugged();
    const events: string[] = [];
    const { studio } = services((event) => void events.push(event));
    await studio.start();
    expect(studio.library.root).toBe(world.root);
    expect(await settingsOf(studio)).toMatchObject({ library: { path: world.root, isDefault: true, missing: at } });
    expect(store.get('libraryPath')).toBe(at); // kept for the next start
    expect(existsSync(at)).toBe(false); // not made again, empty
    await generate(studio); // the default library works meanwhile

    const still = await studio.registry.handle('settings:reopenLibrary', {}, APP);
    expect(still).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining(`${at} is still missing`) } });
    await rename(`${drive} (unplugged)`, drive);
    const reopened = await studio.registry.handle('settings:reopenLibrary', {}, APP);
    expect(reopened).toMatchObject({ ok: true, value: { library: { path: at, isDefault: false } } });
    expect((reopened as { value: SettingsState }).value.library.missing).toBeUndefined();
    expect(studio.library.root).toBe(at);
    expect((await studio.library.get(made.id))?.status).toBe('succeed');
    expect(events).toContain('library.changed');
    studio.stop();
  });

  it('Try again is refused when a generation was being created as it began: asked again once that create has ended', async () => {
    const { drive, at } = await movedThenUnplugged();
    const { studio } = services();
    await studio.start();
    await rename(`${drive} (unplugged)`, drive);
    // Generate pressed just before Try again: the create is still running when the switch begins.
    const created = studio.registry.handle('generations:create', request, APP);
    const reopened = await studio.registry.handle('settings:reopenLibrary', {}, APP);
    expect(reopened).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('A generation is still being made') } });
    expect(await created).toMatchObject({ ok: true });
    expect(studio.library.root).toBe(world.root);
    await studio.engine.idle();
    expect((await studio.library.unfinished()).length).toBe(0);
    // Once it has ended, Try again opens the library.
    expect(await studio.registry.handle('settings:reopenLibrary', {}, APP)).toMatchObject({ ok: true, value: { library: { path: at } } });
    studio.stop();
  });

  it('refuses Move while the library is missing, before any folder is asked for: it would be left behind on its drive', async () => {
    const { drive, at } = await movedThenUnplugged();
    const { studio, desktop } = services();
    await studio.start();
    desktop.nextFolder = join(outside, 'elsewhere');
    const answer = await studio.registry.handle('settings:moveLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining(`Your library at ${at} is missing`) } });
    expect(desktop.nextFolder).toBeDefined(); // never asked
    expect(store.get('libraryPath')).toBe(at);
    // Once it is open again, it moves.
    await rename(`${drive} (unplugged)`, drive);
    expect((await studio.registry.handle('settings:reopenLibrary', {}, APP)).ok).toBe(true);
    expect(await studio.registry.handle('settings:moveLibrary', {}, APP)).toMatchObject({ ok: true, value: { moved: true } });
    expect(studio.library.root).toBe(join(outside, 'elsewhere'));
    studio.stop();
  });

  it('starts with the default library, naming the error, when the moved folder cannot even be looked at (EIO, ESTALE…)', async () => {
    // A link to itself fails with ELOOP, an error other than "not found", as an unplugged drive's EIO or a dead share's ESTALE.
    const broken = join(outside, 'loop');
    await symlink(broken, broken);
    store.set('libraryPath', broken);
    const { studio } = services();
    await studio.start();
    expect(studio.library.root).toBe(world.root);
    expect(await settingsOf(studio)).toMatchObject({ library: { path: world.root, missing: broken, missingProblem: 'reading it failed: ELOOP' } });
    expect(await studio.registry.handle('settings:reopenLibrary', {}, APP)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    studio.stop();
  });

  it('refuses Use the default library while Try again waits for a write running (a poster being saved)', async () => {
    const { drive, at } = await movedThenUnplugged();
    const { studio } = services();
    await studio.start();
    const made = await generate(studio); // in the default library, used meanwhile
    await rename(`${drive} (unplugged)`, drive);
    const { lock, poster } = await posterHeldOpen(studio, made);
    const reopened = studio.registry.handle('settings:reopenLibrary', {}, APP);
    await writesRefused(studio);
    expect(await studio.registry.handle('settings:useDefaultLibrary', {}, APP)).toMatchObject({ ok: false, error: { code: 'busy' } });
    await rm(lock);
    expect(await poster).toMatchObject({ ok: true });
    expect(await reopened).toMatchObject({ ok: true, value: { library: { path: at, isDefault: false } } });
    expect(store.get('libraryPath')).toBe(at);
    studio.stop();
  });

  it('Try again is refused when the drive goes again while it waits for a write running: the folder is not made again', async () => {
    const { drive, at } = await movedThenUnplugged();
    const { studio } = services();
    await studio.start();
    const made = await generate(studio);
    await rename(`${drive} (unplugged)`, drive);
    const { lock, poster } = await posterHeldOpen(studio, made);
    const reopened = studio.registry.handle('settings:reopenLibrary', {}, APP);
    await writesRefused(studio);
    await rename(drive, `${drive} (unplugged)`);
    await rm(lock);
    expect(await poster).toMatchObject({ ok: true });
    expect(await reopened).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining(`${at} is still missing`) } });
    expect(studio.library.root).toBe(world.root);
    expect(existsSync(at)).toBe(false);
    await studio.library.index.save(); // written now, not while the test's folders are removed
    studio.stop();
  });

  it('keeps the default library from now on when the person says so', async () => {
    const { at } = await movedThenUnplugged();
    const { studio } = services();
    const answer = await studio.registry.handle('settings:useDefaultLibrary', {}, APP);
    expect(answer).toMatchObject({ ok: true, value: { library: { path: world.root, isDefault: true } } });
    expect((answer as { value: SettingsState }).value.library.missing).toBeUndefined();
    expect(store.get('libraryPath')).toBeUndefined();
    expect(existsSync(at)).toBe(false);
    studio.stop();
    expect(await settingsOf(services().studio)).toEqual(expect.objectContaining({ library: { path: world.root, isDefault: true } }));
  });
});
