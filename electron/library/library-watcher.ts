// Keeps the index in step with what other programs do to the library while the app runs: the command line
// (`npm run kling`), a second app instance, a folder copied in or removed by hand. This process's own writes reach
// the index directly (Library.put); what the watcher adds is the rest.
// - The library root is watched (not recursively): a folder created, renamed or removed there is named by the event.
// - So are the few folders whose record may still change without the root seeing it: unfinished generations (another
//   program moves them on: submitted → processing → succeed) and damaged folders (a record still being written when
//   its folder appeared). A recursive watch would cost one watch per folder, 10,000 in a big library.
// - Events are gathered for a moment and the folders they name are looked at once (Linux sends several per write, and
//   a download writes its `.part` file many times a second).
// - What is told is what changed: records read again (the window updates those cards and the open player), and
//   whether the lists changed (the window loads its pages again). A download's progress, written by the command line
//   a few times a second, is a record change only: it never makes the window reload.
// - A missing root (not made yet, moved away) is waited for; a watch that fails is set up again a little later.
// fs.watch is a hint, not a record: on file systems that do not report changes (some network shares) the index still
// catches up at the next start, by the stamps.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { LibraryIndex, OutsideChange } from './library-index';

export interface LibraryWatcherDeps {
  index: LibraryIndex;
  /**
   * Another program changed the library: records it changed (newest state), and whether the lists changed (a
   * generation came or went, or changed what a list shows of it). Told once per look, never with nothing in it.
   */
  onChange(change: OutsideChange): void;
  /** How long events are gathered before the folders are looked at. */
  settleMs?: number;
  /** How long before a root that is missing, or a watch that failed, is tried again. */
  retryMs?: number;
  log?(message: string): void;
}

export class LibraryWatcher {
  private root: FSWatcher | undefined;
  private readonly folders = new Map<string, FSWatcher>();
  /** Folders named by events since the last look; `all` when an event could not say which. */
  private pending = new Set<string>();
  private all = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private checking: Promise<void> = Promise.resolve();
  private stopped = true;
  private readonly settleMs: number;
  private readonly retryMs: number;

  constructor(private readonly deps: LibraryWatcherDeps) {
    this.settleMs = deps.settleMs ?? 250;
    this.retryMs = deps.retryMs ?? 2_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.watchRoot();
    void this.deps.index.ready().then(() => this.followUnsettled());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retry);
    this.root?.close();
    this.root = undefined;
    for (const w of this.folders.values()) w.close();
    this.folders.clear();
  }

  private get rootPath(): string {
    return this.deps.index.root;
  }

  private watchRoot(): void {
    if (this.stopped) return;
    if (!existsSync(this.rootPath)) {
      this.retryLater();
      return;
    }
    try {
      const watcher = watch(this.rootPath, { persistent: false }, (_event, name) => this.heard(name ?? undefined));
      watcher.on('error', () => {
        // The root was removed or renamed (or the watch broke): look at everything once it is back.
        watcher.close();
        if (this.root === watcher) this.root = undefined;
        this.retryLater();
      });
      this.root = watcher;
    } catch (error) {
      this.deps.log?.(`library watcher: ${(error as Error).message}`);
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.root || this.stopped) return;
      this.watchRoot();
      // Whatever happened while nobody was listening: compare every folder once.
      if (this.root) this.heard(undefined);
    }, this.retryMs);
    this.retry.unref?.();
  }

  private heard(folder: string | undefined): void {
    if (this.stopped) return;
    if (folder === undefined) this.all = true;
    else if (!folder.startsWith('.')) this.pending.add(folder);
    else return; // the index file, a temp file, a deletion waiting for the trash
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.look();
      }, this.settleMs);
      this.timer.unref?.();
    }
  }

  private look(): Promise<void> {
    // Without its root every folder is gone from view; with a root back, every folder is compared.
    const folders = this.all || !existsSync(this.rootPath) ? undefined : [...this.pending];
    this.pending = new Set();
    this.all = false;
    this.checking = this.checking
      .then(async () => {
        if (this.root && !existsSync(this.rootPath)) {
          // The root itself went (removed, renamed, a drive unplugged): listen again once it is back.
          this.root.close();
          this.root = undefined;
          this.retryLater();
        }
        const change = await this.deps.index.recheck(folders);
        this.followUnsettled();
        if ((change.list || change.records.length > 0) && !this.stopped) this.deps.onChange(change);
      })
      .catch((error: Error) => this.deps.log?.(`library watcher: ${error.message}`));
    return this.checking;
  }

  /** Watch the unfinished and damaged folders, and only them. */
  private followUnsettled(): void {
    if (this.stopped) return;
    const wanted = new Set(this.deps.index.unsettledFolders());
    for (const [folder, w] of this.folders) {
      if (wanted.has(folder)) continue;
      w.close();
      this.folders.delete(folder);
    }
    for (const folder of wanted) {
      if (this.folders.has(folder)) continue;
      try {
        const w = watch(join(this.rootPath, folder), { persistent: false }, () => this.heard(folder));
        // Removed or renamed: the root's own event says so; this watch just ends.
        w.on('error', () => {
          w.close();
          if (this.folders.get(folder) === w) this.folders.delete(folder);
        });
        this.folders.set(folder, w);
      } catch {
        // Gone already (or not a folder we may watch): the root's events cover it.
      }
    }
  }
}
