// Progress on stderr: one line per status change and a line per tenth of a download, so a person (or a log file)
// can follow a generation without the output drowning in repaints.
import type { GenerationRecord, GenerationStatus } from '../../shared/library/generation';
import { line, type Writer } from './io';

const WORDS: Record<GenerationStatus, string> = {
  submitting: 'sending to Kling',
  queued: 'queued: waiting for a free slot',
  submitted: 'accepted by Kling, waiting to start',
  processing: 'Kling is making the video',
  downloading: 'downloading the clip',
  succeed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  'given-up': 'given up (may still be charged)',
};

export function createProgressReporter(stderr: Writer): (record: GenerationRecord) => void {
  const last = new Map<string, { status: GenerationStatus; tenth: number }>();
  return (record) => {
    const seen = last.get(record.id);
    if (seen?.status !== record.status) {
      const task = record.status === 'submitted' && record.taskId ? ` (task ${record.taskId})` : '';
      line(stderr, `${record.id}: ${WORDS[record.status]}${task}`);
      last.set(record.id, { status: record.status, tenth: -1 });
      return;
    }
    const download = record.download;
    if (record.status !== 'downloading' || !download?.totalBytes) return;
    const tenth = Math.floor((download.receivedBytes / download.totalBytes) * 10);
    // 0 % adds nothing to "downloading the clip"; every later tenth shows the download moving.
    if (tenth > seen.tenth && tenth > 0) {
      seen.tenth = tenth;
      line(stderr, `${record.id}: downloading ${tenth * 10}% of ${formatBytes(download.totalBytes)}`);
    }
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
