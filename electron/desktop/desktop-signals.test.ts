// Notifications, the badge and the taskbar progress bar, decided from the records the engine writes: with the
// recording WindowShell and a fake timer, so every rule is checked without a desktop.
import { describe, expect, it } from 'vitest';
import type { GenerationRecord, GenerationStatus } from '../../shared/library/generation';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/settings/preferences';
import { createDesktopSignals, NOTIFY_BATCH_MS, notificationFor } from './desktop-signals';
import { RecordingWindowShell } from './window-shell';

function record(id: string, status: GenerationStatus, extra: Partial<GenerationRecord> = {}): GenerationRecord {
  return {
    schemaVersion: 1,
    id,
    folder: `2026-01-01T00-00-00_${id}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status,
    externalTaskId: `ks-${id}`,
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox', baseUrl: 'http://127.0.0.1' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: `a cat number ${id}`, negativePrompt: '' },
    inputs: {},
    timings: {},
    ...extra,
  } as GenerationRecord;
}

function harness(notifications: Partial<Preferences['notifications']> = {}) {
  const shell = new RecordingWindowShell();
  const prefs = { ...DEFAULT_PREFERENCES.notifications, ...notifications };
  const shown: string[] = [];
  let pending: { run(): void; ms: number; cancelled: boolean }[] = [];
  const signals = createDesktopSignals({
    shell,
    preferences: () => prefs,
    showGeneration: (id) => void shown.push(id),
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  });
  /** The fake clock: run the timers that are due. */
  const tick = () => {
    const due = pending;
    pending = [];
    for (const t of due) if (!t.cancelled) t.run();
  };
  return { shell, prefs, shown, signals, tick, pending: () => pending };
}

describe('notifications', () => {
  it('tells a generation that finishes while the window is in the background; a click shows it in the Library', () => {
    const { shell, shown, signals, tick, pending } = harness();
    shell.focused = false;
    signals.observe(record('a', 'processing'));
    signals.observe(record('a', 'succeed'));
    expect(pending()[0]?.ms).toBe(NOTIFY_BATCH_MS);
    expect(shell.notifications).toHaveLength(0); // gathered first
    tick();
    expect(shell.notifications).toMatchObject([{ title: 'Video ready', body: 'a cat number a' }]);
    shell.notifications[0]?.click();
    expect(shell.focusRequests).toBe(1);
    expect(shown).toEqual(['a']);
  });

  it('tells a failure too, and says nothing while the window has the focus', () => {
    const { shell, signals, tick } = harness();
    signals.observe(record('a', 'processing'));
    signals.observe(record('a', 'failed'));
    tick();
    expect(shell.notifications).toHaveLength(0);
    shell.focused = false;
    signals.observe(record('b', 'submitted'));
    signals.observe(record('b', 'failed'));
    tick();
    expect(shell.notifications).toMatchObject([{ title: 'Generation failed', body: 'a cat number b — open it to see why.' }]);
  });

  it('asks about the focus when it tells: a person who came back within the batch is not interrupted', () => {
    const { shell, signals, tick } = harness();
    shell.focused = false;
    signals.observe(record('a', 'processing'));
    signals.observe(record('a', 'succeed'));
    shell.focused = true;
    tick();
    expect(shell.notifications).toHaveLength(0);
  });

  it('gathers generations that end together (Variations) into one notification opening the last', () => {
    const { shell, shown, signals, tick } = harness();
    shell.focused = false;
    for (const id of ['a', 'b', 'c']) signals.observe(record(id, 'processing'));
    signals.observe(record('a', 'succeed'));
    signals.observe(record('b', 'failed'));
    signals.observe(record('c', 'succeed'));
    tick();
    expect(shell.notifications).toMatchObject([{ title: '2 videos ready, 1 failed', body: 'Click to see them in the Library.' }]);
    shell.notifications[0]?.click();
    expect(shown).toEqual(['c']);
  });

  it('is silent for records it never saw running (read at start), for cancels and give-ups, and when turned off', () => {
    const { shell, prefs, signals, tick } = harness();
    shell.focused = false;
    signals.observe(record('old', 'succeed'));
    signals.observe(record('c', 'queued'));
    signals.observe(record('c', 'cancelled'));
    signals.observe(record('g', 'processing'));
    signals.observe(record('g', 'given-up'));
    tick();
    expect(shell.notifications).toHaveLength(0);
    prefs.finished = false;
    signals.observe(record('d', 'processing'));
    signals.observe(record('d', 'succeed'));
    tick();
    expect(shell.notifications).toHaveLength(0);
  });

  it('does not tell later what ended while notifications were off', () => {
    const { shell, prefs, signals, tick } = harness({ finished: false });
    shell.focused = false;
    signals.observe(record('a', 'processing'));
    signals.observe(record('a', 'succeed'));
    prefs.finished = true; // turned on before the batch would have been told
    signals.observe(record('b', 'processing'));
    signals.observe(record('b', 'succeed'));
    tick();
    expect(shell.notifications).toMatchObject([{ title: 'Video ready', body: 'a cat number b' }]);
  });

  it('shortens a long prompt and names an empty one', () => {
    expect(notificationFor([{ id: 'a', ok: true, prompt: `${'x'.repeat(100)}` }]).body).toHaveLength(80);
    expect(notificationFor([{ id: 'a', ok: true, prompt: '  ' }]).body).toBe('No prompt');
  });
});

describe('badge', () => {
  it('counts the generations in flight, from the ones found at start', () => {
    const { shell, signals } = harness();
    signals.seed(['x', 'y']);
    expect(shell.badgeCount).toBe(2);
    signals.observe(record('z', 'submitting'));
    expect(shell.badgeCount).toBe(3);
    signals.observe(record('x', 'succeed'));
    signals.observe(record('y', 'given-up'));
    signals.observe(record('z', 'downloading'));
    expect(shell.badgeCount).toBe(1);
    signals.observe(record('z', 'succeed'));
    expect(shell.badgeCount).toBe(0);
  });

  it('drops generations another program finished when the library says what is unfinished now', () => {
    const { shell, signals } = harness();
    signals.seed(['x', 'y']);
    signals.observe(record('z', 'processing'));
    expect(shell.badgeCount).toBe(3);
    // x was finished by the command line: the engine never wrote it, the index no longer lists it.
    signals.sync(['y', 'z', 'w']);
    expect(shell.badgeCount).toBe(3);
    signals.sync(['z']);
    expect(shell.badgeCount).toBe(1);
    signals.observe(record('z', 'succeed'));
    expect(shell.badgeCount).toBe(0);
  });

  it('is cleared when turned off and comes back when turned on', () => {
    const { shell, prefs, signals } = harness();
    signals.observe(record('a', 'processing'));
    expect(shell.badgeCount).toBe(1);
    prefs.badge = false;
    signals.refresh();
    expect(shell.badgeCount).toBe(0);
    signals.observe(record('b', 'processing'));
    expect(shell.badgeCount).toBe(0);
    prefs.badge = true;
    signals.refresh();
    expect(shell.badgeCount).toBe(2);
  });
});

describe('taskbar progress', () => {
  it('shows the bytes of every clip downloading as one fraction, and goes when the last is done', () => {
    const { shell, signals } = harness();
    signals.observe(record('a', 'downloading', { download: { receivedBytes: 0, totalBytes: 1000 } }));
    expect(shell.progress).toBe(0);
    signals.observe(record('b', 'downloading', { download: { receivedBytes: 1000, totalBytes: 3000 } }));
    expect(shell.progress).toBe(0.25);
    signals.observe(record('a', 'downloading', { download: { receivedBytes: 1000, totalBytes: 1000 } }));
    expect(shell.progress).toBe(0.5);
    // A finished clip stays in the sums while others download: the bar never goes back (it was 1/3 here).
    signals.observe(record('a', 'succeed'));
    expect(shell.progress).toBe(0.5);
    signals.observe(record('b', 'downloading', { download: { receivedBytes: 2000, totalBytes: 3000 } }));
    expect(shell.progress).toBe(0.75);
    signals.observe(record('b', 'succeed'));
    expect(shell.progress).toBeUndefined();
    // The next download starts a bar of its own.
    signals.observe(record('c', 'downloading', { download: { receivedBytes: 100, totalBytes: 400 } }));
    expect(shell.progress).toBe(0.25);
  });

  it('stays off when turned off, and is removed at once when turned off mid-download', () => {
    const { shell, prefs, signals } = harness();
    signals.observe(record('a', 'downloading', { download: { receivedBytes: 10, totalBytes: 100 } }));
    expect(shell.progress).toBe(0.1);
    prefs.progress = false;
    signals.refresh();
    expect(shell.progress).toBeUndefined();
    signals.observe(record('a', 'downloading', { download: { receivedBytes: 50, totalBytes: 100 } }));
    expect(shell.progress).toBeUndefined();
  });

  it('forgets everything at a reset (the library moved), including a batch not yet told', () => {
    const { shell, signals, tick } = harness();
    shell.focused = false;
    signals.observe(record('a', 'downloading', { download: { receivedBytes: 10, totalBytes: 100 } }));
    signals.observe(record('b', 'processing'));
    signals.observe(record('b', 'succeed'));
    signals.reset();
    tick();
    expect(shell.notifications).toHaveLength(0);
    expect(shell.badgeCount).toBe(0);
    expect(shell.progress).toBeUndefined();
  });
});
