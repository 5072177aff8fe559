import type { GenerationStatus, GenerationView } from '../../shared/library/generation';

const LABELS: Record<GenerationStatus, string> = {
  submitting: 'Sending',
  queued: 'Queued',
  submitted: 'Submitted',
  processing: 'Processing',
  downloading: 'Downloading',
  succeed: 'Ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'given-up': 'Given up',
};

export function statusLabel(g: GenerationView): string {
  if (g.status === 'downloading' && g.download?.totalBytes) {
    return `Downloading ${Math.floor((100 * g.download.receivedBytes) / g.download.totalBytes)}%`;
  }
  // Settings ▸ "Download finished clips automatically" was off: made, and waiting on Kling to be downloaded.
  if (g.status === 'succeed' && g.result?.bytes === 0 && !g.timings.downloadedAt && g.taskId) return 'Ready on Kling';
  return LABELS[g.status];
}

/** Made once: toLocaleDateString builds a formatter at every call, a cost seen while the grid scrolls. */
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return DAY.format(new Date(iso));
}
