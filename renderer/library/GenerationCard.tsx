// One generation as a card: in the library's grid and in the Create view's strip. Its accessible name,
// "Generation: <prompt>", is a contract (specs and assistive technology find a generation by it).
import { forwardRef, memo, useMemo, useState, type HTMLAttributes } from 'react';
import { isFinished, type GenerationView } from '../../shared/library/generation';
import { studio } from '../api';
import { useLibrary } from '../store/library';
import { CardPicture, posterPicture, startPicture } from './CardPicture';
import { badgesOf, creditsLabel, elapsedLabel, titleOf } from './card-facts';
import { relativeTime, statusLabel } from './status';
import { useNow } from './use-now';

export interface GenerationCardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  generation: GenerationView;
  /** `strip`: the compact card of the Create view's strip. */
  variant?: 'grid' | 'strip';
  selected?: boolean;
}

// Memoised: a page of results arriving, or the grid scrolling by a row, re-renders only the cards whose props changed.
export const GenerationCard = memo(forwardRef<HTMLElement, GenerationCardProps>(function GenerationCard(
  { generation: g, variant = 'grid', selected = false, className, ...rest },
  ref,
) {
  const open = useLibrary((s) => s.open);
  const ready = g.status === 'succeed' && g.media.result;
  const label = statusLabel(g);
  const title = titleOf(g);
  const inFlight = !isFinished(g.status);
  const now = useNow(inFlight);
  // The poster, else the start frame (only ever as a small copy: a full decode of a photo per card would be too much).
  const { poster, start } = g.media;
  const picture = useMemo(() => (poster ? posterPicture(poster) : start ? startPicture(start) : undefined), [poster, start]);
  const progress = g.download?.totalBytes ? g.download.receivedBytes / g.download.totalBytes : undefined;
  // Only what Kling has not seen can be cancelled; main has the last word (a create may be on its way).
  const cancellable = (g.status === 'queued' || g.status === 'submitting') && !g.taskId;
  const [cancelError, setCancelError] = useState<string>();
  const cancel = async () => {
    const result = await studio.generations.cancel({ id: g.id });
    if (result.ok) useLibrary.getState().upsert(result.value);
    else setCancelError(result.error.message);
  };
  const [confirmGiveUp, setConfirmGiveUp] = useState(false);
  const giveUp = async () => {
    const result = await studio.library.giveUp({ id: g.id });
    setConfirmGiveUp(false);
    if (result.ok) useLibrary.getState().upsert(result.value);
    else setCancelError(result.error.message);
  };
  const badges = badgesOf(g);
  const credits = creditsLabel(g.creditsCharged);

  return (
    <article
      ref={ref}
      className={`card card--${g.status} card--${variant} ${selected ? 'is-selected' : ''} ${g.group ? 'card--grouped' : ''} ${className ?? ''}`}
      aria-label={`Generation: ${title}`}
      {...(selected ? { 'aria-selected': true } : {})}
      {...rest}
    >
      <button
        type="button"
        className="card__media"
        disabled={!ready}
        tabIndex={variant === 'grid' ? -1 : 0}
        aria-label={ready ? `Play “${title}”` : `${label}: “${title}”`}
        onClick={(e) => {
          if (!(e.ctrlKey || e.metaKey || e.shiftKey)) open(g.id);
        }}
      >
        {picture ? <CardPicture source={picture} /> : <span className="card__blank" aria-hidden="true" />}
        {ready && <span className="card__play" aria-hidden="true" />}
        {/* Moving only while something is happening: not once ended, nor while paused with a note (e.g. a download
            to be tried again at the next start). */}
        {!ready && inFlight && !(g.status === 'downloading' && g.error) && <span className="card__spinner" aria-hidden="true" />}
        {progress !== undefined && (
          <span className="card__progress" aria-hidden="true">
            <span style={{ width: `${Math.round(progress * 100)}%` }} />
          </span>
        )}
        {g.group && (
          <span className="card__group" title="Variations sent together">
            {g.group.index + 1}/{g.group.count}
          </span>
        )}
      </button>
      <div className="card__body">
        <div className="card__row">
          <span className={`chip chip--${g.status}`} role="status" aria-label="Status">
            {label}
          </span>
          <span className="card__time">
            {inFlight ? <span aria-label="Elapsed">{elapsedLabel(g.createdAt, now)}</span> : relativeTime(g.createdAt, now)}
          </span>
        </div>
        <p className="card__prompt" title={g.settings.prompt}>
          {title}
        </p>
        <p className="card__meta">
          {[g.settings.model || 'model not reported', g.settings.mode, `${g.settings.duration} s`, g.provider.label].join(' · ')}
        </p>
        {(badges.length > 0 || credits || g.group) && (
          <p className="card__badges">
            {g.group && <span className="badge badge--group">Variation {g.group.index + 1} of {g.group.count}</span>}
            {badges.map((b) => (
              <span key={b.id} className={`badge badge--${b.id}`}>
                {b.label}
              </span>
            ))}
            {credits && <span className="card__credits">{credits}</span>}
          </p>
        )}
        {cancellable && (
          <button type="button" className="button button--small button--ghost card__cancel" aria-label={`Cancel “${title}”`} onClick={() => void cancel()}>
            Cancel
          </button>
        )}
        {inFlight && !cancellable && !confirmGiveUp && (
          <button type="button" className="button button--small button--ghost card__cancel" aria-label={`Give up “${title}”…`} onClick={() => setConfirmGiveUp(true)}>
            Give up…
          </button>
        )}
        {confirmGiveUp && inFlight && (
          <div className="card__confirm" role="group" aria-label="Give up?">
            <p className="card__warning">
              {variant === 'strip' ? (
                <>
                  Stop waiting? Kling may still <strong>charge for it</strong>.
                </>
              ) : (
                <>
                  Stop waiting for this one? Kling may still finish it <strong>and charge for it</strong>; it stays here as “Given up”.
                </>
              )}
            </p>
            <div className="card__confirm-buttons">
              <button type="button" className="button button--small" onClick={() => void giveUp()}>
                Give up
              </button>
              <button type="button" className="button button--small button--ghost" onClick={() => setConfirmGiveUp(false)}>
                Keep waiting
              </button>
            </div>
          </div>
        )}
        {cancelError && (
          <p className="card__error" role="note">
            {cancelError}
          </p>
        )}
        {g.error && (
          <p className="card__error" role="note" title={`${g.error.message}${g.error.detail ? ` ${g.error.detail}` : ''}`}>
            {g.error.message}
            {g.error.detail ? ` ${g.error.detail}` : ''}
          </p>
        )}
      </div>
    </article>
  );
}));
