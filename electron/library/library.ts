// The library of generations on disk: one folder per generation holding generation.json, the inputs and the clip.
// The folders are the truth; the index (library-index.ts) is a cache of what the grid and the engine need of them,
// kept up to date here as records are written.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileAtomic } from './atomic-write';
import type { GenerationRecord } from '../../shared/library/generation';
import type { LibraryProblem } from '../../shared/ipc/contract';
import type { TaskData } from '../../shared/kling/wire';
import { applyTask } from '../../shared/library/apply-task';
import { migrateRecord } from '../../shared/library/migrate';
import { LibraryIndex } from './library-index';
import { lockRecord } from './lock';
import type { ParsedLibraryQuery } from '../../shared/library/query';

export const RECORD_FILE = 'generation.json';

export interface LibraryDeps {
  root: string;
  now?: () => Date;
  /** How a write waits while another process writes the same record (real time unless a test steers it). */
  pause?: (ms: number) => Promise<void>;
  /** Where problems that do not fail an operation are told (console.warn unless given). */
  log?: (message: string) => void;
}

export interface NewGeneration {
  provider: GenerationRecord['provider'];
  settings: GenerationRecord['settings'];
  /** Input files by their name in the folder (e.g. `start.png`). */
  files: { name: string; bytes: Uint8Array }[];
  inputs: GenerationRecord['inputs'];
  /** Who started it; left out for the app's own generations (the record's default). */
  origin?: GenerationRecord['origin'];
  /** One of several Variations sent together from the same inputs. */
  group?: GenerationRecord['group'];
}

/** Folder names carry the creation time so a person browsing the disk sees them in order. */
function folderName(date: Date, id: string): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, '-')}_${id}`;
}

const SAFE_FILE = /^[A-Za-z0-9._-]+$/;

/** Whether `folder` is named as `folderName` names the folder of generation `id`. */
const isOwnFolder = (folder: string, id: string): boolean => folder.endsWith(`_${id}`);

export class Library {
  readonly root: string;
  private readonly now: () => Date;
  private readonly pause: (ms: number) => Promise<void>;
  private readonly log: (message: string) => void;
  private readonly folders = new Map<string, string>();
  /**
   * Writes to one record are serialised so that two updates never interleave their read-modify-write: in this process
   * by chaining them, across processes (the command line, another window) by the record lock.
   */
  private readonly writeChains = new Map<string, Promise<unknown>>();
  /** Keyed to this root: a library moved elsewhere is another Library with its own index file. */
  readonly index: LibraryIndex;

  constructor(deps: LibraryDeps) {
    this.root = resolve(deps.root);
    this.now = deps.now ?? (() => new Date());
    this.pause = deps.pause ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.log = deps.log ?? ((message) => console.warn(message));
    this.index = new LibraryIndex(this.root);
  }

  /** Create the folder, the input files and a `submitting` record, before anything is sent anywhere. */
  async create(spec: NewGeneration): Promise<GenerationRecord> {
    await mkdir(this.root, { recursive: true });
    const created = this.now();
    const id = randomBytes(5).toString('hex');
    const folder = folderName(created, id);
    const dir = join(this.root, folder);
    await mkdir(dir);
    for (const file of spec.files) {
      if (!SAFE_FILE.test(file.name)) throw new Error(`Unsafe input file name: ${file.name}`);
      await writeFileAtomic(join(dir, file.name), file.bytes);
    }
    const record: GenerationRecord = {
      schemaVersion: 1,
      id,
      folder,
      ...(spec.origin ? { origin: spec.origin } : {}),
      ...(spec.group ? { group: spec.group } : {}),
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      status: 'submitting',
      externalTaskId: `ks-${randomUUID()}`,
      provider: spec.provider,
      settings: spec.settings,
      inputs: spec.inputs,
      timings: {},
    };
    await writeFileAtomic(join(dir, RECORD_FILE), JSON.stringify(record, null, 2));
    this.folders.set(id, folder);
    this.index.put(record);
    return record;
  }

  /**
   * Record a task that was created elsewhere (found through the list endpoint). It has no inputs on disk; the engine
   * follows it from its current status and downloads its clip.
   */
  async createImported(spec: { provider: GenerationRecord['provider']; task: TaskData }): Promise<GenerationRecord> {
    await mkdir(this.root, { recursive: true });
    const { task } = spec;
    const created = new Date(task.created_at || this.now().getTime());
    const id = randomBytes(5).toString('hex');
    const folder = folderName(created, id);
    await mkdir(join(this.root, folder));
    const record: GenerationRecord = {
      schemaVersion: 1,
      id,
      folder,
      origin: 'import',
      createdAt: created.toISOString(),
      updatedAt: this.now().toISOString(),
      status: 'submitted',
      externalTaskId: task.task_info?.external_task_id ?? '',
      provider: spec.provider,
      settings: {
        model: '',
        mode: 'std',
        duration: task.task_result?.videos[0]?.duration === '10' ? '10' : '5',
        prompt: '',
        negativePrompt: '',
      },
      inputs: {},
      timings: { acceptedAt: created.toISOString() },
    };
    applyTask(record, task, this.now().toISOString());
    await writeFileAtomic(join(this.root, folder, RECORD_FILE), JSON.stringify(record, null, 2));
    this.folders.set(id, folder);
    this.index.put(record);
    return record;
  }

  async get(id: string): Promise<GenerationRecord | undefined> {
    const cached = this.folders.get(id);
    if (cached) {
      try {
        return await this.readRecord(cached);
      } catch (error) {
        if (!isMissing(error)) throw error;
        // Renamed (or removed) by another program while the app runs: looked for again below, not an error until restart.
        this.folders.delete(id);
      }
    }
    const indexed = await this.index.ready().then(() => this.index.folderOf(id));
    if (indexed && indexed !== cached) {
      try {
        return await this.readRecord(indexed);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    const found = await this.findFolder(id);
    return found ? this.readRecord(found) : undefined;
  }

  /** Apply `change` to the stored record and write it back atomically. */
  async update(id: string, change: (record: GenerationRecord) => GenerationRecord | void): Promise<GenerationRecord> {
    const previous = this.writeChains.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const found = await this.get(id);
      if (!found) throw new Error(`No generation ${id} in the library`);
      const unlock = await lockRecord(this.folderPath(found), this.pause);
      try {
        // Read again under the lock: another process may have written it since.
        const record = await this.readRecord(found.folder);
        const draft = structuredClone(record);
        const changed = change(draft) ?? draft;
        changed.updatedAt = this.now().toISOString();
        await writeFileAtomic(join(this.root, record.folder, RECORD_FILE), JSON.stringify(changed, null, 2));
        this.index.put(changed);
        return changed;
      } finally {
        // A release that fails does not undo the write: the lock it left is stale once untouched (or its process gone).
        await unlock().catch((error: unknown) => {
          this.log(`Could not release the record lock of ${found.folder}: ${(error as Error).message ?? String(error)}`);
        });
      }
    });
    this.writeChains.set(id, next);
    try {
      return await next;
    } finally {
      if (this.writeChains.get(id) === next) this.writeChains.delete(id);
    }
  }

  /** Every readable generation, newest first; damaged folders are reported, never fatal. */
  async list(): Promise<{ items: GenerationRecord[]; problems: LibraryProblem[] }> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], problems: [] };
      throw error;
    }
    const items: GenerationRecord[] = [];
    const problems: LibraryProblem[] = [];
    /** id → the folder listed for it. */
    const listed = new Map<string, string>();
    for (const name of names.sort().reverse()) {
      if (name.startsWith('.')) continue; // the index file, deletions waiting for the trash
      const info = await stat(join(this.root, name)).catch(() => undefined);
      if (!info?.isDirectory()) continue;
      let record: GenerationRecord;
      try {
        record = await this.readRecord(name);
      } catch (error) {
        problems.push({ folder: name, message: (error as Error).message });
        continue;
      }
      // A copied folder carries the same id. Listing both would show one generation twice and let updates and media
      // go to either. One is kept: the folder named as the app names it (`…_<id>`), else the first in newest-first
      // folder-name order; the other is reported. (A copy such as "…_<id> copy" sorts before its original.)
      const first = listed.get(record.id);
      if (first !== undefined) {
        const replaces = !isOwnFolder(first, record.id) && isOwnFolder(name, record.id);
        const [keep, drop] = replaces ? [name, first] : [first, name];
        problems.push({ folder: drop, message: `same id as ${keep} (${record.id}); only ${keep} is listed` });
        if (!replaces) continue;
        items.splice(items.findIndex((r) => r.folder === first), 1);
      }
      listed.set(record.id, name);
      this.folders.set(record.id, name);
      items.push(record);
    }
    // Folder names carry the time to the second only, with a random id after it: two generations made within one
    // second would otherwise list in random order. The record's millisecond createdAt decides.
    items.sort((a, b) => (a.createdAt === b.createdAt ? b.folder.localeCompare(a.folder) : b.createdAt.localeCompare(a.createdAt)));
    return { items, problems };
  }

  /** One page of the generations matching `query`, read in full from their folders (only the page is read). */
  async page(query: ParsedLibraryQuery, offset: number, limit: number): Promise<{ total: number; matching: number; items: GenerationRecord[]; damaged: number }> {
    // While the index loads, pages are answered from the rows it has (the newest read so far of a first build, or the
    // rows of its file while they are checked against the folders); a load that changed anything is told to the
    // window (library.changed), which asks again.
    const early = await this.index.early(query, offset + limit);
    if (early) {
      const items = await this.records(early.rows.slice(offset, offset + limit));
      return { total: early.total, matching: early.matching, items, damaged: this.index.problems().length };
    }
    await this.index.ready();
    const rows = this.index.query(query);
    return { total: this.index.size, matching: rows.length, items: await this.records(rows.slice(offset, offset + limit)), damaged: this.index.problems().length };
  }

  /** The records of index rows, read at once; those changed since they were indexed (removed, damaged) are left out. */
  private async records(rows: { folder: string }[]): Promise<GenerationRecord[]> {
    // The index learns of a changed folder at its next look; the page goes on without it.
    const read = await Promise.all(rows.map((row) => this.readRecord(row.folder).catch(() => undefined)));
    return read.filter((r): r is GenerationRecord => r !== undefined);
  }

  /** Ids of the generations not yet finished, oldest first, from the index: no other record is read. */
  async unfinished(): Promise<string[]> {
    await this.index.ready();
    return this.index.unfinished();
  }

  /**
   * Run `work` for one generation between its record writes (after any update in flight, before the next): deleting a
   * folder this way never races an update of its record in this process.
   */
  exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.writeChains.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.writeChains.set(id, next);
    return next.finally(() => {
      if (this.writeChains.get(id) === next) this.writeChains.delete(id);
    });
  }

  /** Forget where a generation was (its folder was moved out of the library). */
  forget(id: string): void {
    this.folders.delete(id);
  }

  folderPath(record: Pick<GenerationRecord, 'folder'>): string {
    return join(this.root, record.folder);
  }

  /** The absolute path of a file inside one generation folder, or undefined when the name tries to leave it. */
  resolveFile(folder: string, file: string): string | undefined {
    if (!SAFE_FILE.test(folder) || !SAFE_FILE.test(file) || folder.startsWith('.') || file.startsWith('.')) return undefined;
    const path = resolve(this.root, folder, file);
    return path.startsWith(this.root + sep) ? path : undefined;
  }

  private async findFolder(id: string): Promise<string | undefined> {
    await this.list();
    return this.folders.get(id);
  }

  private async readRecord(folder: string): Promise<GenerationRecord> {
    const text = await readFile(join(this.root, folder, RECORD_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `${RECORD_FILE} is missing` : `${RECORD_FILE} cannot be read: ${error.message}`, { cause: error });
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${RECORD_FILE} is not valid JSON`);
    }
    return migrateRecord(parsed, folder);
  }
}

/** A record whose file (or folder) is not there: the error readRecord throws for ENOENT. */
function isMissing(error: unknown): boolean {
  return error instanceof Error && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
