// Where the library lives now, with what is bound to its folder: the Library (and its index), the deletions waiting
// for their undo, and the watcher of other programs' changes. Settings ▸ Library ▸ Move switches all of them to the
// new folder at once; everything else reads `place.library` at the time of use, so it follows.
import { Deletion } from './deletion';
import { Library } from './library';
import type { OutsideChange } from './library-index';
import { LibraryWatcher } from './library-watcher';
import type { DesktopShell } from '../desktop/desktop-shell';

export interface LibraryPlaceDeps {
  root: string;
  now(): Date;
  desktop: DesktopShell;
  /** Another program changed the library folder: records it changed, and whether the lists changed. */
  onOutsideChange(change: OutsideChange): void;
  log?(message: string): void;
}

export class LibraryPlace {
  library!: Library;
  deletion!: Deletion;
  private watcher!: LibraryWatcher;
  private watching = false;

  constructor(private readonly deps: LibraryPlaceDeps) {
    this.open(deps.root);
  }

  private open(root: string): void {
    const log = this.deps.log ? { log: this.deps.log } : {};
    this.library = new Library({ root, now: this.deps.now, ...log });
    this.deletion = new Deletion({ library: this.library, desktop: this.deps.desktop, ...log });
    this.watcher = new LibraryWatcher({ index: this.library.index, onChange: this.deps.onOutsideChange, ...log });
  }

  start(): void {
    this.watching = true;
    this.watcher.start();
  }

  /** Open the library at `root` in place of the current one (whose folder is left as it is). */
  async switchTo(root: string): Promise<void> {
    this.watcher.stop();
    await this.library.index.save().catch(() => undefined);
    this.open(root);
    await this.library.index.ready();
    if (this.watching) this.watcher.start();
  }

  stop(): void {
    this.watching = false;
    this.watcher.stop();
    void this.library.index.save().catch(() => undefined);
  }
}
