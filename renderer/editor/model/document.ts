// The editor document: start/end frames, the static area and up to six dynamic areas (metadata here, pixels in
// the one LabelMap), and a trajectory per dynamic area. Every change goes through the one History, so undo walks
// back pixels, renames, deletions and trajectory edits in the order they happened. View state (zoom, pan, tool,
// hover) is deliberately NOT here.
//
// Labels are stable: an area keeps its label for life and the ORDER of `areas` (not the label) is the order of
// Kling's `dynamic_masks`. Reordering is therefore a metadata change (no pixel is touched, no image-sized undo
// step), and deleting an area clears only its own pixels (an undo step the size of that area's box) and frees its
// label for the next new area. LabelMap.remapLabels stays available for whoever wants dense labels.
import { FIRST_DYNAMIC_LABEL, MAX_DYNAMIC_AREAS, MAX_LABEL, STATIC_LABEL } from '../../../shared/editor/labels';
import type { Point } from '../../../shared/editor/geometry';
import { PATH_SPEED_LABELS, spacePath, type PathSpeed } from '../../../shared/editor/path-speed';
import { History } from './history';
import { LabelMap } from './label-map';

export type AreaKind = 'static' | 'dynamic';

export interface Area {
  readonly id: string;
  /** Its value in the label map (1 = static, 2..7 = dynamic), fixed for the area's life. */
  readonly label: number;
  readonly name: string;
  /** '#rrggbb', the overlay tint. */
  readonly colour: string;
  readonly kind: AreaKind;
}

/** What the document needs to know of a frame; `source` is whatever the app uses to find the image again. */
export interface FrameInfo {
  readonly width: number;
  readonly height: number;
  readonly source: string;
}

export interface EditorDocumentOptions {
  start: FrameInfo;
  end?: FrameInfo | null;
  history?: History;
  /** Initial labels (a loaded draft), at the start frame's size. */
  labels?: Uint8Array;
  /** Makes area ids; injected so tests are deterministic. */
  newId?: () => string;
}

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}

/** Default tints per label: static a calm blue, dynamic areas clearly different hues. */
export const DEFAULT_AREA_COLOURS: Readonly<Record<number, string>> = {
  1: '#3b82f6',
  2: '#ef4444',
  3: '#f59e0b',
  4: '#10b981',
  5: '#a855f7',
  6: '#ec4899',
  7: '#14b8a6',
};

export class EditorDocument {
  readonly history: History;
  readonly labels: LabelMap;
  readonly start: FrameInfo;
  private endFrame: FrameInfo | null;
  private areaList: readonly Area[] = [];
  private paths: ReadonlyMap<string, readonly Point[]> = new Map();
  /** Per moving area; absent = 'steady'. Kept when the path is redrawn: it is how the area moves, not the shape. */
  private speeds: ReadonlyMap<string, PathSpeed> = new Map();
  /** The spaced points of each path as last computed, by the path's (immutable) array and speed. */
  private readonly sentCache = new WeakMap<readonly Point[], Partial<Record<PathSpeed, readonly Point[]>>>();
  private readonly newId: () => string;
  private readonly listeners = new Set<() => void>();

  constructor(options: EditorDocumentOptions) {
    this.start = options.start;
    this.endFrame = options.end ?? null;
    this.history = options.history ?? new History();
    this.labels = new LabelMap(options.start.width, options.start.height, {
      history: this.history,
      ...(options.labels ? { data: options.labels } : {}),
    });
    let n = 0;
    this.newId = options.newId ?? (() => `area-${++n}`);
  }

  /** Areas in display and export order: the static area (if any) first, then dynamic areas as Kling will number them. */
  get areas(): readonly Area[] {
    return this.areaList;
  }
  get end(): FrameInfo | null {
    return this.endFrame;
  }
  get dynamicAreas(): readonly Area[] {
    return this.areaList.filter((a) => a.kind === 'dynamic');
  }
  get staticArea(): Area | null {
    return this.areaList.find((a) => a.kind === 'static') ?? null;
  }
  area(id: string): Area | null {
    return this.areaList.find((a) => a.id === id) ?? null;
  }
  areaByLabel(label: number): Area | null {
    return this.areaList.find((a) => a.label === label) ?? null;
  }
  trajectoryOf(id: string): readonly Point[] | null {
    return this.paths.get(id) ?? null;
  }
  get trajectories(): ReadonlyMap<string, readonly Point[]> {
    return this.paths;
  }
  speedOf(id: string): PathSpeed {
    return this.speeds.get(id) ?? 'steady';
  }
  /**
   * The points sent for the area's path: its shape spaced by its speed (shared/editor/path-speed.ts); for a steady
   * path, the drawn points themselves. Top-left pixels, like trajectoryOf.
   */
  sentTrajectoryOf(id: string): readonly Point[] | null {
    const shape = this.paths.get(id);
    if (!shape) return null;
    const speed = this.speedOf(id);
    if (speed === 'steady') return shape;
    const cached = this.sentCache.get(shape) ?? {};
    const hit = cached[speed];
    if (hit) return hit;
    const sent = spacePath(shape, speed, { width: this.start.width, height: this.start.height });
    this.sentCache.set(shape, { ...cached, [speed]: sent });
    return sent;
  }

  /** Called after every metadata change (areas, trajectories, end frame), including undo and redo of one. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds the static area (at most one) or a dynamic area (at most six); returns it. */
  addArea(kind: AreaKind, name?: string): Area {
    let label: number;
    if (kind === 'static') {
      if (this.staticArea) throw new DocumentError('there is already a static area');
      label = STATIC_LABEL;
    } else {
      const used = new Set(this.areaList.map((a) => a.label));
      const free = [...range(FIRST_DYNAMIC_LABEL, MAX_LABEL)].find((l) => !used.has(l));
      if (free === undefined) throw new DocumentError(`at most ${MAX_DYNAMIC_AREAS} moving areas`);
      label = free;
    }
    const area: Area = {
      id: this.newId(),
      label,
      kind,
      name: name ?? (kind === 'static' ? 'Still' : `Motion ${this.dynamicAreas.length + 1}`),
      colour: DEFAULT_AREA_COLOURS[label] ?? '#ffffff',
    };
    const before = this.areaList;
    const after = kind === 'static' ? [area, ...before] : [...before, area];
    this.change(kind === 'static' ? 'Add still area' : 'Add moving area', () => (this.areaList = after), () => (this.areaList = before));
    return area;
  }

  rename(id: string, name: string): void {
    this.updateArea(id, 'Rename area', { name });
  }
  setColour(id: string, colour: string): void {
    if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new DocumentError(`colour must be #rrggbb, got ${colour}`);
    this.updateArea(id, 'Change colour', { colour });
  }
  /** Removes the area, its pixels and its trajectory as ONE undo step. */
  deleteArea(id: string): void {
    const area = this.requireArea(id);
    this.history.transact(`Delete ${area.name}`, () => {
      this.labels.clear(area.label);
      const beforeAreas = this.areaList;
      const afterAreas = beforeAreas.filter((a) => a.id !== id);
      const beforePaths = this.paths;
      const afterPaths = new Map(beforePaths);
      afterPaths.delete(id);
      const beforeSpeeds = this.speeds;
      const afterSpeeds = new Map(beforeSpeeds);
      afterSpeeds.delete(id);
      this.change(
        'Delete area',
        () => {
          this.areaList = afterAreas;
          this.paths = afterPaths;
          this.speeds = afterSpeeds;
        },
        () => {
          this.areaList = beforeAreas;
          this.paths = beforePaths;
          this.speeds = beforeSpeeds;
        },
      );
    });
  }

  /** Moves a dynamic area to position `toIndex` among the dynamic areas (Kling's dynamic_masks order). */
  reorderDynamic(id: string, toIndex: number): void {
    const area = this.requireArea(id);
    if (area.kind !== 'dynamic') throw new DocumentError('only moving areas have an order');
    const dynamic = this.dynamicAreas.filter((a) => a.id !== id);
    const at = Math.max(0, Math.min(dynamic.length, Math.floor(toIndex)));
    if (this.dynamicAreas[at]?.id === id) return;
    dynamic.splice(at, 0, area);
    const before = this.areaList;
    const after = [...before.filter((a) => a.kind === 'static'), ...dynamic];
    this.change('Reorder areas', () => (this.areaList = after), () => (this.areaList = before));
  }

  /**
   * Sets (or with null removes) a dynamic area's trajectory, in top-left start-frame pixels. `label` names the undo
   * step (default "Draw path" / "Remove path").
   */
  setTrajectory(id: string, points: readonly Point[] | null, label?: string): void {
    const area = this.requireArea(id);
    if (area.kind !== 'dynamic') throw new DocumentError('only moving areas have a trajectory');
    const before = this.paths;
    const after = new Map(before);
    if (points) after.set(id, points.map((p) => ({ x: p.x, y: p.y })));
    else after.delete(id);
    this.change(label ?? (points ? 'Draw path' : 'Remove path'), () => (this.paths = after), () => (this.paths = before));
  }

  /** How the area moves along its path (one undo step); the path's shape is untouched. */
  setSpeed(id: string, speed: PathSpeed): void {
    const area = this.requireArea(id);
    if (area.kind !== 'dynamic') throw new DocumentError('only moving areas have a speed');
    if (this.speedOf(id) === speed) return;
    const before = this.speeds;
    const after = new Map(before);
    if (speed === 'steady') after.delete(id);
    else after.set(id, speed);
    this.change(`Speed: ${PATH_SPEED_LABELS[speed]}`, () => (this.speeds = after), () => (this.speeds = before));
  }

  setEndFrame(frame: FrameInfo | null): void {
    const before = this.endFrame;
    this.change(frame ? 'Set end frame' : 'Remove end frame', () => (this.endFrame = frame), () => (this.endFrame = before));
  }

  private requireArea(id: string): Area {
    const area = this.area(id);
    if (!area) throw new DocumentError(`no area ${id}`);
    return area;
  }

  private updateArea(id: string, label: string, patch: Partial<Pick<Area, 'name' | 'colour'>>): void {
    const area = this.requireArea(id);
    const updated: Area = { ...area, ...patch };
    const before = this.areaList;
    const after = before.map((a) => (a.id === id ? updated : a));
    this.change(label, () => (this.areaList = after), () => (this.areaList = before));
  }

  private change(label: string, redo: () => void, undo: () => void): void {
    this.history.perform(
      label,
      () => {
        redo();
        this.emit();
      },
      () => {
        undo();
        this.emit();
      },
    );
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let v = from; v <= to; v++) yield v;
}
