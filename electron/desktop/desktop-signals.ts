// What the desktop around the window says about generations: a system notification when one finishes or fails while
// the person looks elsewhere (a click shows it in the Library), the number in flight on the dock / taskbar icon, and
// the taskbar's progress bar while clips download. Decided here, from the records the engine writes, so it runs under
// Node in tests with the recording WindowShell and a fake timer; Electron's adapter only carries it out.
import { isFinished, type GenerationRecord } from '../../shared/library/generation';
import type { Preferences } from '../../shared/settings/preferences';
import type { SystemNotification, WindowShell } from './window-shell';

/** Generations ending within this long of each other are told in one notification (Variations end together). */
export const NOTIFY_BATCH_MS = 1500;

export interface DesktopSignalsDeps {
  shell: WindowShell;
  preferences(): Preferences['notifications'];
  /** Show the Library with this generation open in the player (an event to the window). */
  showGeneration(id: string): void;
  /** A timer; a test's fake clock runs the callback when it chooses. */
  schedule(run: () => void, ms: number): { cancel(): void };
}

export interface DesktopSignals {
  /** A record as the engine (or a handler) just wrote it. */
  observe(record: GenerationRecord): void;
  /** Generations known to be unfinished at start (from the index), before the engine writes to them. */
  seed(unfinishedIds: string[]): void;
  /**
   * The library's unfinished generations now (from the index, after another program changed the library): those that
   * ended elsewhere (the command line, a second instance) leave the count, so the badge never stays stuck.
   */
  sync(unfinishedIds: string[]): void;
  /** The notification settings changed: the badge and bar follow at once. */
  refresh(): void;
  /** Forget everything (the library moved: another set of generations). */
  reset(): void;
}

interface Ended {
  id: string;
  ok: boolean;
  prompt: string;
}

const excerpt = (prompt: string) => {
  const text = prompt.trim().replace(/\s+/g, ' ');
  if (!text) return 'No prompt';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** The words of one notification for generations that ended together. */
export function notificationFor(ended: Ended[]): SystemNotification {
  const ready = ended.filter((e) => e.ok).length;
  const failed = ended.length - ready;
  const [first] = ended;
  if (ended.length === 1 && first) {
    return first.ok
      ? { title: 'Video ready', body: excerpt(first.prompt) }
      : { title: 'Generation failed', body: `${excerpt(first.prompt)} — open it to see why.` };
  }
  const parts = [ready > 0 ? `${ready} video${ready === 1 ? '' : 's'} ready` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return { title: parts.join(', '), body: 'Click to see them in the Library.' };
}

export function createDesktopSignals(deps: DesktopSignalsDeps): DesktopSignals {
  /** Unfinished generations, by id; the download's bytes for those downloading. */
  const inFlight = new Map<string, GenerationRecord['download'] | undefined>();
  let batch: Ended[] = [];
  let timer: { cancel(): void } | undefined;
  let badgeShown: number | undefined;
  let progressShown: number | undefined | null = null; // null: never set
  /** Sizes of clips that finished downloading while others still download: kept in the sums so the bar never goes back. */
  const downloaded = new Map<string, number>();

  const showBadge = () => {
    const count = deps.preferences().badge ? inFlight.size : 0;
    if (count === badgeShown) return;
    badgeShown = count;
    deps.shell.setBadgeCount(count);
  };

  const showProgress = () => {
    let received = 0;
    let total = 0;
    for (const download of inFlight.values()) {
      if (!download?.totalBytes) continue;
      received += Math.min(download.receivedBytes, download.totalBytes);
      total += download.totalBytes;
    }
    if (total === 0) downloaded.clear(); // the last download ended: the next ones start a new bar
    for (const bytes of downloaded.values()) {
      received += bytes;
      total += bytes;
    }
    const fraction = deps.preferences().progress && total > 0 ? received / total : undefined;
    if (fraction === progressShown) return;
    progressShown = fraction;
    deps.shell.setProgress(fraction);
  };

  const flush = () => {
    timer = undefined;
    const ended = batch;
    batch = [];
    // Asked when the batch is told, not when the first ended: the person may have come back meanwhile.
    if (ended.length === 0 || deps.shell.isFocused() || !deps.preferences().finished) return;
    // A batch opens its newest; from the player the others are one step away.
    const open = ended[ended.length - 1]?.id;
    deps.shell.notify(notificationFor(ended), () => {
      deps.shell.focus();
      if (open) deps.showGeneration(open);
    });
  };

  return {
    observe(record) {
      const wasInFlight = inFlight.has(record.id);
      const download = inFlight.get(record.id);
      if (!isFinished(record.status)) {
        inFlight.set(record.id, record.status === 'downloading' ? record.download : undefined);
      } else {
        inFlight.delete(record.id);
        if (download?.totalBytes) downloaded.set(record.id, download.totalBytes);
        // Only an end seen happening here (not a record read at start, nor one the person cancelled or gave up), and
        // told only when notifications are on as it ends: turning them on later does not tell old news.
        if (wasInFlight && (record.status === 'succeed' || record.status === 'failed') && deps.preferences().finished) {
          batch.push({ id: record.id, ok: record.status === 'succeed', prompt: record.settings.prompt });
          timer ??= deps.schedule(flush, NOTIFY_BATCH_MS);
        }
      }
      showBadge();
      showProgress();
    },
    seed(ids) {
      for (const id of ids) if (!inFlight.has(id)) inFlight.set(id, undefined);
      showBadge();
    },
    sync(ids) {
      const now = new Set(ids);
      for (const id of [...inFlight.keys()]) if (!now.has(id)) inFlight.delete(id);
      for (const id of ids) if (!inFlight.has(id)) inFlight.set(id, undefined);
      showBadge();
      showProgress();
    },
    refresh() {
      showBadge();
      showProgress();
    },
    reset() {
      timer?.cancel();
      timer = undefined;
      batch = [];
      inFlight.clear();
      downloaded.clear();
      showBadge();
      showProgress();
    },
  };
}
