// The player: a generation's clip with full controls, its details, and (for the ones before and after it in the
// library) ← → without closing. Opened by `useLibrary.open(id)`; the generation itself is fetched by id from main.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isTextField } from '../commands/registry';
import { useLibrary } from '../store/library';
import { DetailsPanel } from './player/DetailsPanel';
import { generationTitle, neighbours } from './player/neighbours';
import { stepFrame, togglePlay, usePlayback } from './player/playback';
import { useFollow } from './player/ab-sync';
import { CompareBar, type StageMode } from './player/CompareBar';
import { PlayerActions } from './player/PlayerActions';
import { SentOverlay } from './player/SentOverlay';
import { PlayerControls } from './player/PlayerControls';
import { useGenerationDetails } from './player/use-details';
import './player/player.css';

export function PlayerDialog() {
  const openId = useLibrary((s) => s.openId);
  const open = useLibrary((s) => s.open);
  // Two string selectors: zustand re-renders on a new object every time, so no `{previous, next}` here.
  const previous = useLibrary((s) => (s.openId ? neighbours(s.byId, s.openId).previous : undefined));
  const next = useLibrary((s) => (s.openId ? neighbours(s.byId, s.openId).next : undefined));
  const state = useGenerationDetails(openId);
  const details = state?.details;
  const g = details?.generation;
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  // A succeeded generation whose clip left its folder shows why (and offers Re-download) instead of a broken video.
  const src = details?.clipOnDisk ? g?.media.result : undefined;
  const playback = usePlayback(video, src);
  const [loop, setLoop] = useState(true);
  const [fullScreen, setFullScreen] = useState(false);
  const [mode, setMode] = useState<StageMode>('clip');
  const [overlay, setOverlay] = useState(false);
  const [wipe, setWipe] = useState(50);
  const [otherId, setOtherId] = useState<string>();
  const byId = useLibrary((s) => s.byId);
  // A/B candidates: the other ready clips, variations of the same group first.
  const others = useMemo(() => {
    const ready = Object.values(byId).filter((o) => o.id !== openId && o.status === 'succeed' && o.media.result);
    const group = g?.group?.id;
    return ready.sort((a, b) => Number(b.group?.id === group && group !== undefined) - Number(a.group?.id === group && group !== undefined) || b.createdAt.localeCompare(a.createdAt));
  }, [byId, openId, g?.group?.id]);
  const other = mode === 'ab' ? (others.find((o) => o.id === otherId) ?? others[0]) : undefined;
  const otherVideo = useRef<HTMLVideoElement>(null);
  useFollow(video, otherVideo, other?.media.result);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (openId && !d.open) d.showModal();
    if (!openId && d.open) d.close();
  }, [openId]);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null && document.fullscreenElement === stage.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stage.current?.requestFullscreen().catch(() => undefined);
  }, []);

  // The player's own keys, while it is open: they win over the editor's shortcuts underneath the modal dialog, so
  // they are handled here and stopped (a text field or a slider keeps its own keys).
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target) || event.target instanceof HTMLSelectElement) return;
    const v = video.current;
    const onSlider = event.target instanceof HTMLInputElement && event.target.type === 'range';
    const handled = (() => {
      switch (event.key) {
        case ' ':
          if (v) togglePlay(v);
          return true;
        case ',':
          if (v) stepFrame(v, -1);
          return true;
        case '.':
          if (v) stepFrame(v, 1);
          return true;
        case 'ArrowLeft':
          if (onSlider) return false;
          if (previous) open(previous);
          return true;
        case 'ArrowRight':
          if (onSlider) return false;
          if (next) open(next);
          return true;
        case 'f':
        case 'F':
          toggleFullScreen();
          return true;
        default:
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const title = g ? generationTitle(g) : '';
  return (
    <dialog ref={dialog} className="player" aria-label="Player" onClose={() => open(undefined)} onKeyDown={onKeyDown}>
      {openId && (
        <div className="pl">
          <header className="pl-head">
            <button type="button" className="pl-btn" aria-label="Previous generation" title="Previous generation (←)" disabled={!previous} onClick={() => previous && open(previous)}>
              <span aria-hidden="true">←</span>
            </button>
            <button type="button" className="pl-btn" aria-label="Next generation" title="Next generation (→)" disabled={!next} onClick={() => next && open(next)}>
              <span aria-hidden="true">→</span>
            </button>
            <h3 className="pl-title" title={g?.settings.prompt}>
              {title}
            </h3>
            <button type="button" className="pl-btn" aria-label="Close player" title="Close (Esc)" onClick={() => open(undefined)}>
              <span aria-hidden="true">✕</span>
            </button>
          </header>
          <div className="pl-body">
            <div className="pl-main">
              <div className={`pl-stage pl-stage--${mode}`} ref={stage}>
                {src && mode === 'side' && g?.media.start && <img className="pl-still" src={g.media.start} alt="Start frame" />}
                {src ? (
                  <div className="pl-frame">
                  <video
                    key={src}
                    ref={video}
                    className="pl-video"
                    src={src}
                    poster={g?.media.poster}
                    // CORS-clean frames for the canvas (last frame, compare); media answer with Access-Control-Allow-Origin.
                    crossOrigin="anonymous"
                    autoPlay
                    loop={loop}
                    muted={g?.settings.sound !== 'on'}
                    playsInline
                    aria-label={`Video: ${title}`}
                    onClick={() => video.current && togglePlay(video.current)}
                  />
                  {mode === 'wipe' && g?.media.start && (
                    <img className="pl-wipe" src={g.media.start} alt="Start frame (wipe)" style={{ clipPath: `inset(0 ${100 - wipe}% 0 0)` }} />
                  )}
                  {overlay && details && <SentOverlay details={details} />}
                  </div>
                ) : (
                  <div className="pl-empty" role="status">
                    {state?.error ?? (!g ? 'Loading…' : g.status === 'succeed' ? 'The clip is missing from the library folder.' : 'No clip yet: this generation is not ready.')}
                  </div>
                )}
                {src && other?.media.result && (
                  <div className="pl-frame">
                    <video
                      key={other.media.result}
                      ref={otherVideo}
                      className="pl-video"
                      src={other.media.result}
                      crossOrigin="anonymous"
                      muted
                      playsInline
                      aria-label={`Video B: ${generationTitle(other)}`}
                    />
                  </div>
                )}
              </div>
              {src && details && (
                <CompareBar
                  mode={mode}
                  onMode={setMode}
                  overlay={overlay}
                  onOverlay={setOverlay}
                  canOverlay={Boolean(details.masks.static || details.masks.dynamic.length)}
                  hasStart={Boolean(g?.media.start)}
                  wipe={wipe}
                  onWipe={setWipe}
                  others={others}
                  otherId={other?.id}
                  onOther={setOtherId}
                />
              )}
              {src && (
                <PlayerControls
                  video={video}
                  playback={playback}
                  loop={loop}
                  onLoop={setLoop}
                  hasSound={g?.settings.sound === 'on'}
                  fullScreen={fullScreen}
                  onFullScreen={toggleFullScreen}
                />
              )}
            </div>
            <aside className="pl-side" aria-label="Details">
              {details && (
                <>
                  <PlayerActions details={details} />
                  <DetailsPanel details={details} />
                </>
              )}
            </aside>
          </div>
        </div>
      )}
    </dialog>
  );
}
