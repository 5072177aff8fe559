// The library's index: what the grid, search, filters and the engine's start-up need of every generation, kept in one
// file in the library root (`.library-index.json`). The folders are the truth and this is a cache of them:
// - rebuilt from the folders when the file is missing, unreadable or of another INDEX_VERSION;
// - checked at every start against the folders (one stat of each generation.json: its mtime and size are the row's
//   stamp), so a record changed by the command line or another app instance, a folder added, copied or removed by
//   hand, is read again and nothing else is;
// - kept up to date (in memory) by the Library as it writes records, and written back (atomically) at quit.
// Why a JSON file and not SQLite: the rows are small (≈ 400 bytes), 10,000 of them load in tens of milliseconds, the
// search runs over them in memory, and a JSON file needs no native module in Electron, the CLI and the tests. Two
// processes writing it at once cannot corrupt it (temp file + rename) and at worst leave a stale row, which the stamps
// catch at the next start.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { LibraryProblem } from '../../shared/ipc/contract';
import { isFinished, type GenerationRecord, type GenerationStatus } from '../../shared/library/generation';
import { migrateRecord } from '../../shared/library/migrate';
import { isFiltered, type Feature, type ParsedLibraryQuery, type StatusFilter } from '../../shared/library/query';
import { priceKeyOf, samePrice, type LastPrice, type PriceKey } from '../../shared/library/price';
import { writeFileAtomic } from './atomic-write';

export const INDEX_FILE = '.library-index.json';
/** Raise when IndexRow changes: an index of another version is rebuilt from the folders. */
export const INDEX_VERSION = 3;
const RECORD_FILE = 'generation.json';
/** Records read between two yields to the event loop while (re)building: bridge calls are answered meanwhile. */
const CHUNK = 400;

export interface IndexRow {
  id: string;
  folder: string;
  createdMs: number;
  status: GenerationStatus;
  model: string;
  profileId: string;
  profileLabel: string;
  features: Feature[];
  /** What Kling prices a task by (the composer's cost line asks for the last price of the same). */
  price: PriceKey;
  /** Kling's `final_unit_deduction` once it reported one. */
  credits?: string;
  /** Lower-cased prompt, negative prompt, model, task id and external task id, for search. */
  text: string;
  /** generation.json's mtime and size when this row was read: a different stamp means the record changed. */
  stamp: string;
}

interface DamagedRow extends LibraryProblem {
  stamp: string;
  /** A copy of a listed generation's folder: that generation's id (the copy is listed when the kept folder goes). */
  sameIdAs?: string;
}

interface IndexFile {
  version: number;
  rows: IndexRow[];
  damaged: DamagedRow[];
}

export function featuresOf(r: Pick<GenerationRecord, 'inputs' | 'settings'>): Feature[] {
  const f: Feature[] = [];
  if (r.inputs.staticMask || (r.inputs.dynamicMasks?.length ?? 0) > 0) f.push('motion-brush');
  if (r.inputs.end) f.push('end-frame');
  if (r.settings.camera) f.push('camera');
  if ((r.settings.voices?.length ?? 0) > 0 || r.settings.sound === 'on') f.push('voice');
  return f;
}

export function rowOf(r: GenerationRecord, stamp: string): IndexRow {
  return {
    price: priceKeyOf(r.settings),
    ...(r.creditsCharged === undefined ? {} : { credits: r.creditsCharged }),
    id: r.id,
    folder: r.folder,
    createdMs: Date.parse(r.createdAt),
    status: r.status,
    model: r.settings.model,
    profileId: r.provider.id,
    profileLabel: r.provider.label,
    features: featuresOf(r),
    text: [r.settings.prompt, r.settings.negativePrompt, r.settings.model, r.taskId ?? '', r.externalTaskId].join('\n').toLowerCase(),
    stamp,
  };
}

/** A folder named as the app names the folder of `id` (`…_<id>`): kept over a copy carrying the same id. */
const isOwnFolder = (folder: string, id: string): boolean => folder.endsWith(`_${id}`);

function stampOf(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${Math.trunc(info.mtimeMs)}:${info.size}` : 'missing';
}

/** generation.json's text and stamp from one open file: no separate stat (the first build reads 10,000 of them). */
function readStamped(path: string): { text: string; stamp: string } {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.toString('utf8', 0, read), stamp: `${Math.trunc(mtimeMs)}:${size}` };
  } finally {
    closeSync(fd);
  }
}

/** The record in `folder` and its stamp, or the reason it cannot be read (a damaged or half-written folder). */
export function readRecordSync(root: string, folder: string): { record: GenerationRecord; stamp: string } {
  let file: { text: string; stamp: string };
  try {
    file = readStamped(join(root, folder, RECORD_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${RECORD_FILE} is missing` : `${RECORD_FILE} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    throw new Error(`${RECORD_FILE} is not valid JSON${file.text.length === 0 ? ' (it is empty: a write was cut short?)' : ''}`);
  }
  return { record: migrateRecord(parsed, folder), stamp: file.stamp };
}

/** What the index learnt from a look at folders another program may have changed. */
export interface OutsideChange {
  /** The lists changed: a generation came or went, or changed what a list, a search, a filter or a count shows of it. */
  list: boolean;
  /**
   * Listed generations whose records changed on disk (a status, a download's progress, an error), newest state. A
   * generation that came (a new folder, or every folder again when the library folder came back) is not among them:
   * it changes the lists, and the window reads it with its pages.
   */
  records: GenerationRecord[];
}

/** Whether two rows of one generation list, sort, match, count and price alike (their stamps may differ). */
function sameListing(a: IndexRow, b: IndexRow): boolean {
  return (
    a.id === b.id &&
    a.folder === b.folder &&
    a.createdMs === b.createdMs &&
    a.status === b.status &&
    a.model === b.model &&
    a.profileId === b.profileId &&
    a.profileLabel === b.profileLabel &&
    a.features.join() === b.features.join() &&
    samePrice(a.price, b.price) &&
    a.credits === b.credits &&
    a.text === b.text
  );
}

export interface QueryResult {
  total: number;
  rows: IndexRow[];
}

export class LibraryIndex {
  private readonly rows = new Map<string, IndexRow>();
  /** folder → id, for the rows. */
  private readonly folders = new Map<string, string>();
  private readonly damaged = new Map<string, DamagedRow>();
  private loading: Promise<void> | undefined;
  /** While the first build (no index file) reads the folders: how many there are, and pages waiting for more rows. */
  private building: { folders: number; waiting: Set<() => void> } | undefined;
  /** While an index read from its file is compared with the folders (one stat each): its rows answer pages meanwhile. */
  private checking = false;
  private dirty = false;
  private version = 0;
  private sorted: IndexRow[] | undefined;
  private lastQuery: { key: string; version: number; rows: IndexRow[] } | undefined;
  /** What the last load did: rebuilt from scratch, or read the file and re-read `reread` changed folders. */
  lastLoad: { rebuilt: boolean; reread: number; ms: number; changed: boolean } | undefined;

  constructor(readonly root: string) {}

  /** Resolves once the index reflects the folders (loaded or rebuilt); cheap after the first call. */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const saved = this.readFile();
    if (saved) {
      for (const row of saved.rows) this.putRow(row);
      for (const d of saved.damaged) this.damaged.set(d.folder, d);
      this.checking = true;
    } else this.building = { folders: 0, waiting: new Set() };
    const before = `${this.version}:${this.damaged.size}`;
    let reread: number;
    try {
      reread = await this.sync();
    } finally {
      const waiting = this.building?.waiting;
      this.building = undefined;
      this.checking = false;
      for (const wake of waiting ?? []) wake();
    }
    const changed = !saved || `${this.version}:${this.damaged.size}` !== before;
    this.lastLoad = { rebuilt: !saved, reread, ms: performance.now() - started, changed };
    if (!saved || reread > 0) await this.write();
  }

  private readFile(): IndexFile | undefined {
    try {
      const parsed = JSON.parse(readFileSync(join(this.root, INDEX_FILE), 'utf8')) as Partial<IndexFile>;
      if (parsed.version !== INDEX_VERSION || !Array.isArray(parsed.rows) || !Array.isArray(parsed.damaged)) return undefined;
      return parsed as IndexFile;
    } catch {
      return undefined; // missing or damaged: rebuilt from the folders
    }
  }

  /**
   * Compare every folder's stamp with its row; read again what changed (each record read goes to `read`). Returns how
   * many folders were read.
   */
  private async sync(read?: GenerationRecord[]): Promise<number> {
    let names: string[];
    try {
      names = readdirSync(this.root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw error;
    }
    const present = new Set(names);
    for (const folder of [...this.folders.keys()]) if (!present.has(folder)) this.dropFolder(folder);
    for (const folder of [...this.damaged.keys()]) if (!present.has(folder)) this.damaged.delete(folder);
    // Newest first (folder names start with the time): the first screen's records are read first, and answered
    // while the rest are read (early()).
    names.sort().reverse();
    if (this.building) this.building.folders = names.length;
    let reread = 0;
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && i % CHUNK === 0) {
        for (const wake of this.building?.waiting ?? []) wake();
        await yieldToEvents();
      }
      const folder = names[i] as string;
      const id = this.folders.get(folder);
      const known = id ? this.rows.get(id)?.stamp : this.damaged.get(folder)?.stamp;
      // A folder never seen is read at once (its stamp comes with it); a known one only when its stamp changed.
      if (known !== undefined && known === stampOf(join(this.root, folder, RECORD_FILE))) continue;
      reread += 1;
      const record = this.readFolder(folder);
      if (record && id === record.id) read?.push(record);
    }
    return reread;
  }

  /** Read one folder's record into the index (or list the folder as damaged); the record, when it could be read. */
  private readFolder(folder: string): GenerationRecord | undefined {
    const id = this.folders.get(folder);
    try {
      const { record, stamp } = readRecordSync(this.root, folder);
      // The same generation in the same folder: its row is replaced in place (unchanged rows keep the lists as they are).
      if (id !== record.id) this.dropFolder(folder);
      this.damaged.delete(folder);
      this.put(record, stamp);
      // A copy set aside for carrying a listed generation's id is no record of that generation.
      return this.rows.get(record.id)?.folder === folder ? record : undefined;
    } catch (error) {
      this.dropFolder(folder);
      this.damaged.set(folder, { folder, message: (error as Error).message, stamp: stampOf(join(this.root, folder, RECORD_FILE)) });
      this.changed();
      return undefined;
    }
  }

  private putRow(row: IndexRow): void {
    const existing = this.rows.get(row.id);
    if (existing && existing.folder === row.folder && sameListing(existing, row)) {
      // Only the record's stamp moved (a download's progress, a note): nothing a list, a search or a count shows of
      // it changed, so the lists stay as they are and the window is not asked to load its pages again.
      existing.stamp = row.stamp;
      this.damaged.delete(row.folder);
      return;
    }
    if (existing && existing.folder !== row.folder) {
      // A copied folder carries the same id: listing both would show one generation twice and send updates to
      // either. The folder named as the app names it is kept, else the first met; the other is reported.
      const keepExisting = isOwnFolder(existing.folder, row.id) || !isOwnFolder(row.folder, row.id);
      const [keep, drop] = keepExisting ? [existing, row] : [row, existing];
      this.damaged.set(drop.folder, {
        folder: drop.folder,
        message: `same id as ${keep.folder} (${row.id}); only ${keep.folder} is listed`,
        stamp: drop.stamp,
        sameIdAs: row.id,
      });
      if (keepExisting) return;
      this.folders.delete(existing.folder);
    }
    this.rows.set(row.id, row);
    this.folders.set(row.folder, row.id);
    this.damaged.delete(row.folder);
    this.changed();
  }

  /**
   * The newest rows, before the index is complete: while the first build reads the folders (newest first), a page of
   * the newest generations with no search or filter is answered as soon as its rows are read, so the first screen does
   * not wait for 10,000 records; the grid has a place for each folder found. An index read from its file answers any
   * page at once, while its rows are compared with the folders. Resolves to undefined when the page must wait for the
   * whole index (another query during a first build, or the load ended meanwhile). Whoever asked early is told when
   * the load changed anything (lastLoad.changed), and asks again.
   */
  async early(q: ParsedLibraryQuery, end: number): Promise<{ rows: IndexRow[]; total: number; matching: number } | undefined> {
    this.ready().catch(() => undefined); // a failed build is told by ready() to the page that then waits for it
    if (this.checking) {
      const rows = this.query(q);
      return { rows, total: this.rows.size, matching: rows.length };
    }
    const unfiltered = q.sort === 'newest' && !isFiltered(q);
    while (this.building && unfiltered) {
      const { folders } = this.building;
      if (folders > 0 && this.rows.size >= Math.min(end, folders)) return { rows: this.query(q), total: folders, matching: folders };
      const { waiting } = this.building;
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiting.delete(wake);
          resolve();
        };
        waiting.add(wake);
      });
    }
    return undefined;
  }

  /** Read one folder again (it came back from an undo, or changed on disk). */
  async refresh(folder: string): Promise<void> {
    await this.ready();
    this.readFolder(folder);
    this.scheduleSave();
  }

  /**
   * Look again at folders another program may have touched (named by the library watcher): read what changed, drop
   * what is gone. Without names (the watcher could not say which), every folder is compared. Says whether the lists
   * changed (a generation came or went, or changed what a list, a search or a count shows of it) and which records
   * were read again because they changed on disk.
   */
  async recheck(folders?: Iterable<string>): Promise<OutsideChange> {
    await this.ready();
    const before = `${this.version}:${this.damaged.size}`;
    const records: GenerationRecord[] = [];
    let reread = 0;
    if (!folders) reread = await this.sync(records);
    else {
      for (const folder of folders) {
        if (folder.startsWith('.') || folder.includes('/') || folder.includes('\\')) continue;
        if (!statSync(join(this.root, folder), { throwIfNoEntry: false })?.isDirectory()) {
          this.dropFolder(folder);
          continue;
        }
        const stamp = stampOf(join(this.root, folder, RECORD_FILE));
        const id = this.folders.get(folder);
        if ((id ? this.rows.get(id)?.stamp : this.damaged.get(folder)?.stamp) === stamp) continue;
        reread += 1;
        const record = this.readFolder(folder);
        if (record && id === record.id) records.push(record);
      }
    }
    const list = `${this.version}:${this.damaged.size}` !== before;
    if (list || reread > 0) this.scheduleSave();
    return { list, records };
  }

  /** Folders whose record may still change without a new folder appearing: unfinished and damaged ones. */
  unsettledFolders(): string[] {
    const folders = [...this.damaged.keys()];
    for (const r of this.rows.values()) if (!isFinished(r.status)) folders.push(r.folder);
    return folders;
  }

  /** A record as just written (or read) in its folder. */
  put(record: GenerationRecord, stamp = stampOf(join(this.root, record.folder, RECORD_FILE))): void {
    this.putRow(rowOf(record, stamp));
    this.scheduleSave();
  }

  /** A folder gone from the library (deleted, moved to the trash). */
  dropFolder(folder: string): void {
    const id = this.folders.get(folder);
    this.damaged.delete(folder);
    if (id === undefined) return;
    this.folders.delete(folder);
    if (this.rows.get(id)?.folder === folder) {
      this.rows.delete(id);
      // A copy set aside for carrying the same id now stands for the generation (its stamp alone would never say so).
      const copy = [...this.damaged.values()].find((d) => d.sameIdAs === id);
      if (copy) this.readFolder(copy.folder);
    }
    this.changed();
    this.scheduleSave();
  }

  folderOf(id: string): string | undefined {
    return this.rows.get(id)?.folder;
  }

  row(id: string): IndexRow | undefined {
    return this.rows.get(id);
  }

  get size(): number {
    return this.rows.size;
  }

  problems(): LibraryProblem[] {
    return [...this.damaged.values()].map(({ folder, message }) => ({ folder, message })).sort((a, b) => b.folder.localeCompare(a.folder));
  }

  /** Unfinished generations, oldest first: what the engine picks up at start, without reading any other record. */
  unfinished(): string[] {
    return [...this.rows.values()].filter((r) => !isFinished(r.status)).sort((a, b) => a.createdMs - b.createdMs).map((r) => r.id);
  }

  /**
   * What a task of `key` cost the last time, newest first: only succeeded generations count (Kling charges nothing for
   * a failed one, and its `final_unit_deduction` of 0 is no price).
   */
  lastPrice(key: PriceKey): LastPrice | null {
    let best: IndexRow | undefined;
    for (const r of this.rows.values()) {
      if (r.status !== 'succeed' || r.credits === undefined || r.credits.trim() === '' || !samePrice(r.price, key)) continue;
      if (!best || r.createdMs > best.createdMs) best = r;
    }
    return best?.credits === undefined
      ? null
      : { credits: best.credits, id: best.id, createdAt: new Date(best.createdMs).toISOString(), profileLabel: best.profileLabel };
  }

  facets(): { models: string[]; profiles: { id: string; label: string }[] } {
    const models = new Set<string>();
    const profiles = new Map<string, string>();
    for (const r of this.rows.values()) {
      if (r.model) models.add(r.model);
      profiles.set(r.profileId, r.profileLabel);
    }
    return { models: [...models].sort(), profiles: [...profiles].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)) };
  }

  /** Every row matching `q`, in its order. Kept until the next change, so paging through results costs nothing. */
  query(q: ParsedLibraryQuery): IndexRow[] {
    const key = JSON.stringify(q);
    if (this.lastQuery?.key === key && this.lastQuery.version === this.version) return this.lastQuery.rows;
    this.sorted ??= [...this.rows.values()].sort((a, b) => b.createdMs - a.createdMs || b.folder.localeCompare(a.folder));
    const match = matcher(q);
    const rows = this.sorted.filter(match);
    if (q.sort === 'oldest') rows.reverse();
    this.lastQuery = { key, version: this.version, rows };
    return rows;
  }

  private changed(): void {
    this.version += 1;
    this.sorted = undefined;
  }

  /**
   * Changes are kept in memory and written at quit (and after a load that found changes), not after each one: a crash
   * leaves the file behind the folders, and the stamps make the next start read again just what changed.
   */
  private scheduleSave(): void {
    this.dirty = true;
  }

  /** Write the index if it changed since it was last written (at quit). */
  async save(): Promise<void> {
    if (this.loading && this.dirty) await this.write();
  }

  private async write(): Promise<void> {
    this.dirty = false;
    const file: IndexFile = { version: INDEX_VERSION, rows: [...this.rows.values()], damaged: [...this.damaged.values()] };
    try {
      // Not flushed to disk before the rename: a cache. A crash may leave it empty or old, and then it is rebuilt or
      // caught up by the stamps; waiting for the disk held the first start up by 100–300 ms on a busy machine.
      await writeFileAtomic(join(this.root, INDEX_FILE), JSON.stringify(file), { flush: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // no library folder yet: nothing to index
    }
  }
}

const IN_FLIGHT: readonly StatusFilter[] = ['in-flight'];

function matcher(q: ParsedLibraryQuery): (r: IndexRow) => boolean {
  const words = q.search.toLowerCase().split(/\s+/).filter(Boolean);
  const offset = q.tzOffsetMinutes * 60_000;
  const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`) - offset;
  const from = q.from ? dayStart(q.from) : -Infinity;
  const to = q.to ? dayStart(q.to) + 86_400_000 : Infinity;
  return (r) =>
    (q.status === undefined || (IN_FLIGHT.includes(q.status) ? !isFinished(r.status) : r.status === q.status)) &&
    (q.model === undefined || r.model === q.model) &&
    (q.feature === undefined || r.features.includes(q.feature)) &&
    (q.profile === undefined || r.profileId === q.profile) &&
    r.createdMs >= from &&
    r.createdMs < to &&
    words.every((w) => r.text.includes(w));
}
