import { useEffect, useRef } from 'react';
import { useLibrary } from '../store/library';

export function PlayerDialog() {
  const openId = useLibrary((s) => s.openId);
  const g = useLibrary((s) => (s.openId ? s.byId[s.openId] : undefined));
  const close = useLibrary((s) => s.open);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (openId && !d.open) d.showModal();
    if (!openId && d.open) d.close();
  }, [openId]);

  const title = g?.settings.prompt.trim() || (g?.origin === 'import' ? 'Imported task' : 'Untitled');
  return (
    <dialog ref={dialog} className="player" aria-label="Player" onClose={() => close(undefined)}>
      {g?.media.result && (
        <div className="player__inner">
          <video
            className="player__video"
            src={g.media.result}
            poster={g.media.poster}
            controls
            autoPlay
            loop
            muted
            aria-label={`Video: ${title}`}
          />
          <div className="player__side">
            <h3 className="player__title">{title}</h3>
            <dl className="player__facts">
              <dt>Model</dt>
              <dd>{g.settings.model}</dd>
              <dt>Mode</dt>
              <dd>{g.settings.mode === 'pro' ? 'Professional' : 'Standard'}</dd>
              <dt>Duration</dt>
              <dd>{g.settings.duration} s</dd>
              <dt>Provider</dt>
              <dd>{g.provider.label}</dd>
              {g.creditsCharged !== undefined && (
                <>
                  <dt>Credits</dt>
                  <dd>{g.creditsCharged}</dd>
                </>
              )}
              <dt>Created</dt>
              <dd>{new Date(g.createdAt).toLocaleString()}</dd>
              {g.settings.negativePrompt && (
                <>
                  <dt>Negative</dt>
                  <dd>{g.settings.negativePrompt}</dd>
                </>
              )}
            </dl>
            <button type="button" className="button" onClick={() => close(undefined)}>
              Close <kbd className="kbd">Esc</kbd>
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
