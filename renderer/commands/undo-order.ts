// The app has two histories: the open editor document's (strokes, areas, paths) and the frames' (open, replace, swap,
// remove). Ctrl+Z must undo whatever happened last, whichever history holds it, so each new step is logged here with
// the history it went to, and undo and redo follow this log. An entry whose history can no longer act (the document it
// belonged to was replaced, or its oldest steps were dropped by the caps) is skipped.

export type HistoryKind = 'document' | 'frames';

const MAX_ENTRIES = 1000;
const done: HistoryKind[] = [];
const undone: HistoryKind[] = [];

export function recorded(kind: HistoryKind): void {
  done.push(kind);
  if (done.length > MAX_ENTRIES) done.shift();
  undone.length = 0;
}

function next(log: HistoryKind[], can: (kind: HistoryKind) => boolean): HistoryKind | undefined {
  while (log.length > 0) {
    const kind = log[log.length - 1]!;
    if (can(kind)) return kind;
    log.pop();
  }
  // Steps from before the log knew about them: take whichever history can act.
  return (['document', 'frames'] as const).find(can);
}

/** Which history the next undo belongs to; `can` tells whether a history has a step to undo. */
export const nextUndo = (can: (kind: HistoryKind) => boolean) => next(done, can);
export const nextRedo = (can: (kind: HistoryKind) => boolean) => next(undone, can);

export function didUndo(kind: HistoryKind): void {
  if (done.at(-1) === kind) done.pop();
  undone.push(kind);
}

export function didRedo(kind: HistoryKind): void {
  if (undone.at(-1) === kind) undone.pop();
  done.push(kind);
}
