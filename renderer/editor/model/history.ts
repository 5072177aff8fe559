// One undo history for every document change: bitmap edits (which store only the changed rectangle) and plain
// steps such as renames or trajectory edits. View state (zoom, pan, tool) never enters it.
//
// Gestures: begin() … commit() turns everything done in between (many brush stamps, a rename, …) into ONE step;
// cancel() (Escape) puts everything back to the mark. Bitmap editors take part through GestureParticipant: they keep
// their pending change themselves (see LabelMap) and hand it over as a step when the gesture is sealed.

export interface HistoryStep {
  /** What the user would call it ("Brush", "Rename area"), for menus such as "Undo Brush". */
  readonly label: string;
  /** Memory the step keeps alive, for the byte cap; closures over small values may say 0. */
  readonly bytes: number;
  /** Both are called only in the order the history allows: undo after (re)do, redo after undo. */
  undo(): void;
  redo(): void;
}

/** Something that applies its changes at once but records them lazily (e.g. the label map). */
export interface GestureParticipant {
  /** Turns the changes since the last mark into a step (null when none) and makes the present the new mark. */
  seal(label: string): HistoryStep | null;
  /** Puts everything back as it was at the last mark. */
  rollback(): void;
}

export interface HistoryOptions {
  /** Undo steps kept; the oldest go first. Default 100. */
  maxSteps?: number;
  /** Bytes kept over undo and redo steps; the oldest undo steps go first. Default 256 MiB. */
  maxBytes?: number;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  inGesture: boolean;
}

export const DEFAULT_MAX_STEPS = 100;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** Steps that are undone and redone together; undo runs them backwards. */
export function compositeStep(label: string, steps: readonly HistoryStep[]): HistoryStep {
  const parts = [...steps];
  return {
    label,
    bytes: parts.reduce((n, s) => n + s.bytes, 0),
    undo: () => {
      for (let i = parts.length - 1; i >= 0; i--) parts[i]?.undo();
    },
    redo: () => {
      for (const s of parts) s.redo();
    },
  };
}

export class History {
  readonly maxSteps: number;
  readonly maxBytes: number;
  private readonly undoStack: HistoryStep[] = [];
  private readonly redoStack: HistoryStep[] = [];
  private readonly participants = new Set<GestureParticipant>();
  private readonly listeners = new Set<(state: HistoryState) => void>();
  private readonly recordListeners = new Set<() => void>();
  private bytes = 0;
  private gesture: { label: string; steps: HistoryStep[] } | null = null;

  constructor(options: HistoryOptions = {}) {
    this.maxSteps = Math.max(1, Math.floor(options.maxSteps ?? DEFAULT_MAX_STEPS));
    this.maxBytes = Math.max(0, options.maxBytes ?? DEFAULT_MAX_BYTES);
  }

  /** Registers a lazily recording editor (a label map); returns the function that detaches it. */
  attach(participant: GestureParticipant): () => void {
    this.participants.add(participant);
    return () => this.participants.delete(participant);
  }

  /**
   * Called each time a new step is recorded (not on undo or redo), so an app with more than one history can keep
   * their steps in the order they happened.
   */
  onRecord(listener: () => void): () => void {
    this.recordListeners.add(listener);
    return () => void this.recordListeners.delete(listener);
  }

  /** Called with the new state after every change of the stacks or of the gesture. */
  subscribe(listener: (state: HistoryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get state(): HistoryState {
    return {
      canUndo: this.canUndo,
      canRedo: this.canRedo,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
      inGesture: this.inGesture,
    };
  }

  get inGesture(): boolean {
    return this.gesture !== null;
  }
  get canUndo(): boolean {
    return !this.gesture && this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return !this.gesture && this.redoStack.length > 0;
  }
  get undoDepth(): number {
    return this.undoStack.length;
  }
  get redoDepth(): number {
    return this.redoStack.length;
  }
  /** Bytes held by undo and redo steps. */
  get byteSize(): number {
    return this.bytes;
  }

  /** Opens a gesture (pointer down). Pending changes made before it become their own step first. */
  begin(label: string): void {
    if (this.gesture) throw new Error(`history: gesture "${this.gesture.label}" is still open`);
    this.settle('Edit');
    this.gesture = { label, steps: [] };
    this.emit();
  }

  /** Closes the gesture (pointer up) as one undo step; returns it, or null when nothing changed. */
  commit(): HistoryStep | null {
    const gesture = this.gesture;
    if (!gesture) throw new Error('history: commit() without begin()');
    const steps = gesture.steps;
    for (const p of this.participants) {
      const step = p.seal(gesture.label);
      if (step) steps.push(step);
    }
    this.gesture = null;
    const only = steps.length === 1 ? steps[0] : undefined;
    const step =
      steps.length === 0 ? null : only && only.label === gesture.label ? only : compositeStep(gesture.label, steps);
    if (step) this.pushDone(step);
    else this.emit();
    return step;
  }

  /** Abandons the gesture (Escape): every change since begin() is undone, nothing is recorded. */
  cancel(): void {
    const gesture = this.gesture;
    if (!gesture) return;
    for (const p of this.participants) p.rollback();
    for (let i = gesture.steps.length - 1; i >= 0; i--) gesture.steps[i]?.undo();
    this.gesture = null;
    this.emit();
  }

  /** Runs `fn` as one gesture: committed if it returns, cancelled if it throws. */
  transact<T>(label: string, fn: () => T): T {
    this.begin(label);
    try {
      const result = fn();
      this.commit();
      return result;
    } catch (e) {
      this.cancel();
      throw e;
    }
  }

  /**
   * Records a step whose change has ALREADY been applied. Inside a gesture it joins the gesture's step; outside,
   * it is a step of its own (after any pending participant changes, so the order of undo stays true).
   */
  push(step: HistoryStep): void {
    if (this.gesture) {
      this.gesture.steps.push(step);
      return;
    }
    this.settle('Edit');
    this.pushDone(step);
  }

  /** Applies `redo` now and records it with its `undo`: the usual way to make a non-bitmap change. */
  perform(label: string, redo: () => void, undo: () => void, bytes = 0): void {
    redo();
    this.push({ label, bytes, undo, redo });
  }

  /** Outside a gesture: turns pending participant changes into steps of their own. Inside: does nothing. */
  settle(label: string): void {
    if (this.gesture) return;
    for (const p of this.participants) {
      const step = p.seal(label);
      if (step) this.pushDone(step);
    }
  }

  /** Undoes the last step; refused (false) while a gesture is open — finish or cancel it first. */
  undo(): boolean {
    if (this.gesture) return false;
    const step = this.undoStack.pop();
    if (!step) return false;
    step.undo();
    this.redoStack.push(step);
    this.emit();
    return true;
  }

  redo(): boolean {
    if (this.gesture) return false;
    const step = this.redoStack.pop();
    if (!step) return false;
    step.redo();
    this.undoStack.push(step);
    this.emit();
    return true;
  }

  /** Forgets every step (e.g. a new document); an open gesture is cancelled first. */
  clear(): void {
    this.cancel();
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.bytes = 0;
    this.emit();
  }

  private pushDone(step: HistoryStep): void {
    for (const listener of this.recordListeners) listener();
    for (const s of this.redoStack) this.bytes -= s.bytes;
    this.redoStack.length = 0;
    this.undoStack.push(step);
    this.bytes += step.bytes;
    // The newest step is always kept, even alone over the byte cap: losing the undo of what was just done is worse.
    while (this.undoStack.length > 1 && (this.undoStack.length > this.maxSteps || this.bytes > this.maxBytes)) {
      const dropped = this.undoStack.shift();
      if (dropped) this.bytes -= dropped.bytes;
    }
    this.emit();
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state;
    for (const l of this.listeners) l(state);
  }
}
