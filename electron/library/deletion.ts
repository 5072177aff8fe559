// Deleting generations with an undo. A deleted folder first moves (one rename, instant, on the same disk) into
// `<root>/.deleted/<token>/`, out of the index; while the window's undo notice is up it can come back as it was.
// Then it goes to the system trash through the DesktopShell, where the person can still find it. Left-overs of a quit
// in between are sent to the trash at the next start.
// Safety: only finished (or given-up) generations are deleted; the generation's lock is taken first, so a folder the
// engine or another process (the CLI, another app) drives is never moved under it; and the move runs between this
// process's record writes (Library.exclusive), so a concurrent update either lands before the move or fails cleanly
// (the record is not there any more) rather than recreating half a folder.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinished } from '../../shared/library/generation';
import type { DeleteReport } from '../../shared/ipc/library-contract';
import type { DesktopShell } from '../desktop/desktop-shell';
import type { Library } from './library';
import { lockGeneration } from './lock';

export const DELETED_DIR = '.deleted';
const LOCK_FILE = '.driver.lock';
/** How long a deletion can be undone; the window's notice stays up a little less. */
export const UNDO_MS = 12_000;

interface Pending {
  entries: { id: string; folder: string }[];
  timer: ReturnType<typeof setTimeout>;
  /** When its undo time is over (Date.now() ms). */
  until: number;
}

/**
 * A deletion whose undo time was not over when the library was moved: its folders travel with the library (in
 * `.deleted/<token>/`), and the Deletion at the new place takes it over with the time it had left, so the window's
 * Undo still works after the move.
 */
export interface CarriedDeletion {
  token: string;
  entries: { id: string; folder: string }[];
  leftMs: number;
}

export interface DeletionDeps {
  library: Library;
  desktop: DesktopShell;
  log?(message: string): void;
  /** Injected in tests. */
  undoMs?: number;
}

export class Deletion {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: DeletionDeps) {}

  private get holding(): string {
    return join(this.deps.library.root, DELETED_DIR);
  }

  async delete(ids: string[]): Promise<DeleteReport> {
    const { library } = this.deps;
    const token = randomBytes(8).toString('hex');
    const dir = join(this.holding, token);
    const report: DeleteReport = { deleted: [], refused: [], undoToken: token };
    const entries: Pending['entries'] = [];
    for (const id of new Set(ids)) {
      const refuse = (message: string) => report.refused.push({ id, message });
      const record = await library.get(id);
      if (!record) {
        refuse('It is no longer in the library.');
        continue;
      }
      if (!isFinished(record.status)) {
        refuse('It is still being made. Wait for it to end, or give it up first.');
        continue;
      }
      const unlock = await lockGeneration(library.folderPath(record));
      if (!unlock) {
        refuse('Another program (the command line, another window) is using it right now.');
        continue;
      }
      try {
        await library.exclusive(id, async () => {
          await mkdir(dir, { recursive: true });
          await rename(library.folderPath(record), join(dir, record.folder));
          library.index.dropFolder(record.folder);
          library.forget(id);
        });
        entries.push({ id, folder: record.folder });
        report.deleted.push(id);
      } catch (error) {
        refuse(`It could not be moved: ${(error as Error).message}`);
      } finally {
        // The lock file went along with the folder: remove it there (an undo must not bring back a held lock).
        await rm(join(dir, record.folder, LOCK_FILE), { force: true }).catch(() => undefined);
        await unlock().catch(() => undefined);
      }
    }
    if (entries.length > 0) this.keep(token, entries, this.deps.undoMs ?? UNDO_MS);
    return report;
  }

  /** Whether a deletion can still be undone. */
  get undoable(): boolean {
    return this.pending.size > 0;
  }

  private keep(token: string, entries: Pending['entries'], ms: number): void {
    const timer = setTimeout(() => void this.finish(token), Math.max(0, ms));
    timer.unref?.();
    this.pending.set(token, { entries, timer, until: Date.now() + ms });
  }

  async undo(token: string): Promise<{ restored: string[] }> {
    const pending = this.pending.get(token);
    if (!pending) return { restored: [] };
    clearTimeout(pending.timer);
    this.pending.delete(token);
    const { library } = this.deps;
    const restored: string[] = [];
    for (const entry of pending.entries) {
      try {
        await rename(join(this.holding, token, entry.folder), join(library.root, entry.folder));
        await library.index.refresh(entry.folder);
        restored.push(entry.id);
      } catch (error) {
        this.deps.log?.(`undo delete ${entry.folder}: ${(error as Error).message}`);
      }
    }
    await this.removeIfEmpty(join(this.holding, token));
    return { restored };
  }

  /** Send a deletion's folders to the system trash (its undo time is over). */
  private async finish(token: string): Promise<void> {
    this.pending.delete(token);
    await this.trashAll(join(this.holding, token));
  }

  private async trashAll(dir: string): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      await this.deps.desktop.trash(join(dir, name)).catch((error: Error) => this.deps.log?.(`trash ${name}: ${error.message}`));
    }
    await this.removeIfEmpty(dir);
  }

  private async removeIfEmpty(dir: string): Promise<void> {
    await rmdir(dir).catch(() => undefined);
    await rmdir(this.holding).catch(() => undefined);
  }

  /**
   * Before the library is moved: deletions still in their undo time stop their clocks and are handed over (their folders
   * stay in `.deleted/<token>/` and are copied with the library); what a quit left there goes to the trash now.
   */
  async handOver(): Promise<CarriedDeletion[]> {
    const now = Date.now();
    const carried: CarriedDeletion[] = [];
    for (const [token, p] of this.pending) {
      clearTimeout(p.timer);
      carried.push({ token, entries: p.entries, leftMs: Math.max(0, p.until - now) });
    }
    this.pending.clear();
    const keep = new Set(carried.map((c) => c.token));
    const tokens = await readdir(this.holding).catch(() => [] as string[]);
    for (const token of tokens) if (!keep.has(token)) await this.trashAll(join(this.holding, token));
    return carried;
  }

  /**
   * Take over deletions handed over by handOver() (at the new place after a move, or here again when the move did not
   * happen): each can be undone for the time it had left, then goes to the trash. One whose folder is not in this
   * library's holding folder is left out (nothing to bring back).
   */
  async takeOver(carried: CarriedDeletion[]): Promise<void> {
    for (const c of carried) {
      const there = await readdir(join(this.holding, c.token)).catch(() => [] as string[]);
      const entries = c.entries.filter((e) => there.includes(e.folder));
      if (entries.length > 0) this.keep(c.token, entries, c.leftMs);
    }
  }

  /** At start: deletions a quit left in the holding folder go to the trash now. At quit: the same, without waiting. */
  async flush(): Promise<void> {
    for (const [token, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(token);
    }
    const tokens = await readdir(this.holding).catch(() => [] as string[]);
    for (const token of tokens) await this.trashAll(join(this.holding, token));
  }
}
