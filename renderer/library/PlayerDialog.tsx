// The player: a generation's clip with full controls, its details, and (for the ones before and after it in the
// library) ← → without closing. Opened by `useLibrary.open(id)`; the generation itself is fetched by id from main.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLibrary } from '../store/library';
import { useView } from '../store/view';
import { DetailsPanel } from './player/DetailsPanel';
import { generationTitle, neighbours, orderBehind } from './player/neighbours';
import { FRAME_RATE, togglePlay, usePlayback } from './player/playback';
import { usePlayerCommands } from './player/player-commands';
import { useFollow } from './player/ab-sync';
import { CompareBar, type StageMode } from './player/CompareBar';
import { PlayerActions } from './player/PlayerActions';
import { SentOverlay } from './player/SentOverlay';
import { WipeLayer } from './player/WipeLayer';
import { PlayerControls } from './player/PlayerControls';
import { useGenerationDetails } from './player/use-details';
import './player/player.css';

export function PlayerDialog() {
  const openId = useLibrary((s) => s.openId);
  const open = useLibrary((s) => s.open);
  // ← → follow what is behind the player: the grid's results as searched, filtered and sorted, or the Create strip.
  const behind = useView((s) => (s.view === 'settings' ? s.previous : s.view));
  // String selectors: zustand re-renders on a new object every time, so no `{previous, next}` here.
  const previous = useLibrary((s) => (s.openId ? neighbours(orderBehind(s, behind), s.openId).previous : undefined));
  const next = useLibrary((s) => (s.openId ? neighbours(orderBehind(s, behind), s.openId).next : undefined));
  const missing = useLibrary((s) => (s.openId ? neighbours(orderBehind(s, behind), s.openId).missing.join() : ''));
  useEffect(() => {
    // A neighbour on a page the grid has not asked for yet (the clip beside the last one loaded): fetch it.
    for (const place of missing ? missing.split(',').map(Number) : []) useLibrary.getState().ensure(place, place + 1);
  }, [missing]);
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

  const fps = details?.clipFrameRate ?? FRAME_RATE;
  usePlayerCommands({ video, previous, next, open, toggleFullScreen, fps });

  const title = g ? generationTitle(g) : '';
  return (
    <dialog ref={dialog} className="player" aria-label="Player" onClose={() => open(undefined)}>
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
                  {mode === 'wipe' && g?.media.start && <WipeLayer start={g.media.start} percent={wipe} />}
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
                  fps={fps}
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
