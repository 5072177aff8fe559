// Small copies of big images, made once and shared. A 4096² photo shown in a 112 px frame slot or a gallery card
// would otherwise be decoded at full size by Chromium (64 MB each, kept in its decode cache long after the card
// changed), once per place it is shown. The cache hands out object URLs of small images, makes at most one at a
// time (each making decodes the full image briefly), and forgets the least recently used beyond its capacity.
// Pure: how a thumbnail is made and how URLs are created are passed in, so the bookkeeping is tested in Node.

export interface ThumbnailMaker {
  /** The small image for `source` (a Blob the cache got from the caller's loader). */
  make(source: Blob, maxSide: number): Promise<Blob>;
  createUrl(blob: Blob): string;
  revokeUrl(url: string): void;
}

interface Entry {
  url: Promise<string>;
  /** Set once made, so eviction can revoke it. */
  made?: string;
}

export class ThumbnailCache {
  private readonly entries = new Map<string, Entry>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly maker: ThumbnailMaker,
    readonly capacity = 48,
  ) {}

  /** The thumbnail's URL for `key` (e.g. the source URL), loading the source with `load` only when not cached. */
  get(key: string, load: () => Promise<Blob>, maxSide: number): Promise<string> {
    const id = `${maxSide}:${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used goes last.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.url;
    }
    const entry: Entry = { url: Promise.resolve('') };
    // One at a time: each making holds a full-size decode for a moment.
    const made = this.queue.then(async () => this.maker.make(await load(), maxSide));
    this.queue = made.catch(() => undefined);
    entry.url = made.then((blob) => {
      const url = this.maker.createUrl(blob);
      if (this.entries.get(id) === entry) entry.made = url;
      else this.maker.revokeUrl(url); // evicted or forgotten while it was being made
      return url;
    });
    // A failure is not cached: the next request tries again.
    entry.url.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
    this.entries.set(id, entry);
    this.evict();
    return entry.url;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(id);
      if (entry.made) this.maker.revokeUrl(entry.made);
    }
  }
}
