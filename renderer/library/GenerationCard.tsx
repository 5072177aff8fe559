import { useState } from 'react';
import { isFinished, type GenerationView } from '../../shared/library/generation';
import { studio } from '../api';
import { fetchedSource, useThumbnail } from '../images/thumbnails';
import { useLibrary } from '../store/library';
import { relativeTime, statusLabel } from './status';

export function GenerationCard({ generation: g }: { generation: GenerationView }) {
  const open = useLibrary((s) => s.open);
  const ready = g.status === 'succeed' && g.media.result;
  const label = statusLabel(g);
  const title = g.settings.prompt.trim() || (g.origin === 'import' ? `Imported task ${g.taskId?.slice(0, 8) ?? ''}`.trim() : 'Untitled');
  // The start frame only as a small copy: shown at full size, every card would hold a full decode of its photo.
  const startThumbnail = useThumbnail(!g.media.poster && g.media.start ? fetchedSource(g.media.start) : undefined);
  const thumbnail = g.media.poster ?? startThumbnail;
  const progress = g.download?.totalBytes ? g.download.receivedBytes / g.download.totalBytes : undefined;
  // Only what Kling has not seen can be cancelled; main has the last word (a create may be on its way).
  const cancellable = (g.status === 'queued' || g.status === 'submitting') && !g.taskId;
  const [cancelError, setCancelError] = useState<string>();
  const cancel = async () => {
    const result = await studio.generations.cancel({ id: g.id });
    if (result.ok) useLibrary.getState().upsert(result.value);
    else setCancelError(result.error.message);
  };

  return (
    <article className={`card card--${g.status}`} aria-label={`Generation: ${title}`}>
      <button
        type="button"
        className="card__media"
        disabled={!ready}
        aria-label={ready ? `Play “${title}”` : `${label}: “${title}”`}
        onClick={() => open(g.id)}
      >
        {thumbnail ? <img src={thumbnail} alt="" /> : <span className="card__blank" aria-hidden="true" />}
        {ready && <span className="card__play" aria-hidden="true" />}
        {/* Moving only while something is happening: not once ended, nor while paused with a note (e.g. a download
            to be tried again at the next start). */}
        {!ready && !isFinished(g.status) && !(g.status === 'downloading' && g.error) && (
          <span className="card__spinner" aria-hidden="true" />
        )}
        {progress !== undefined && (
          <span className="card__progress" aria-hidden="true">
            <span style={{ width: `${Math.round(progress * 100)}%` }} />
          </span>
        )}
      </button>
      <div className="card__body">
        <div className="card__row">
          <span className={`chip chip--${g.status}`} role="status" aria-label="Status">
            {label}
          </span>
          <span className="card__time">{relativeTime(g.createdAt)}</span>
        </div>
        <p className="card__prompt" title={g.settings.prompt}>
          {title}
        </p>
        <p className="card__meta">
          {[g.settings.model || 'model not reported', g.settings.mode, `${g.settings.duration} s`, g.provider.label].join(' · ')}
        </p>
        {cancellable && (
          <button type="button" className="button button--small button--ghost card__cancel" aria-label={`Cancel “${title}”`} onClick={() => void cancel()}>
            Cancel
          </button>
        )}
        {cancelError && (
          <p className="card__error" role="note">
            {cancelError}
          </p>
        )}
        {g.error && (
          <p className="card__error" role="note">
            {g.error.message}
            {g.error.detail ? ` ${g.error.detail}` : ''}
          </p>
        )}
      </div>
    </article>
  );
}
