// One frame slot: empty (drop, paste or open) or showing the frame with its name, pixel size and bytes. Dropping a
// file here targets this slot (the window-level drop reads `data-frame-slot`); dragging the thumbnail onto the other
// slot moves it there, swapping with what it holds.
import { useId, useState, type DragEvent } from 'react';
import { runCommand, shortcutLabel } from '../commands/registry';
import type { FrameSlotName } from '../store/composer';
import type { EndFrameHint } from './frames/end-frame-hint';
import { formatBytes, formatExactBytes, swapsSides } from './frames/format';
import { FRAME_DRAG_TYPE } from './frames/slot-target';
import type { Frame } from './load-frame';
import { useThumbnail } from '../images/thumbnails';
import './frames/frames.css';

interface FrameSlotProps {
  slot: FrameSlotName;
  frame?: Frame;
  hint?: EndFrameHint;
  onOpen(): void;
  onRemove(): void;
}

const TITLES: Record<FrameSlotName, string> = { start: 'Start frame', end: 'End frame' };

export function FrameSlot({ slot, frame, hint, onOpen, onRemove }: FrameSlotProps) {
  const labelId = useId();
  const hintId = useId();
  const [dropping, setDropping] = useState(false);
  const title = TITLES[slot];
  const lower = title.toLowerCase();
  // A small copy: the frame at full size (64 MB decoded for a 4096² photo) is the editor's business alone.
  const thumbnail = useThumbnail(frame && { key: frame.url, load: async () => new Blob([frame.bytes as Uint8Array<ArrayBuffer>]) });

  const accepts = (e: DragEvent) => e.dataTransfer.types.includes('Files') || e.dataTransfer.types.includes(FRAME_DRAG_TYPE);
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      aria-describedby={hint ? hintId : undefined}
      className={`slot slot--${frame ? 'filled' : 'empty'}${dropping ? ' slot--dropping' : ''}${hint?.kind === 'blocked' ? ' slot--blocked' : ''}`}
      data-frame-slot={slot}
      tabIndex={-1}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = e.dataTransfer.types.includes('Files') ? 'copy' : 'move';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        setDropping(false);
        // Files are taken by the window-level drop (useWindowDrop), which routes them here by `data-frame-slot`.
        const from = e.dataTransfer.getData(FRAME_DRAG_TYPE);
        if (from && from !== slot) {
          e.preventDefault();
          runCommand('frame.swap');
        }
      }}
    >
      <div className="slot__head">
        <span id={labelId} className="slot__label">
          {title}
        </span>
        {slot === 'end' && <span className="slot__optional">optional</span>}
      </div>

      {frame ? (
        <>
          <div
            className="slot__thumb"
            draggable
            title={`Drag onto the ${slot === 'start' ? 'end' : 'start'} slot to move it there`}
            onDragStart={(e) => {
              e.dataTransfer.setData(FRAME_DRAG_TYPE, slot);
              e.dataTransfer.effectAllowed = 'move';
            }}
          >
            {thumbnail ? (
              <img src={thumbnail} alt={`${title}: ${frame.fileName}`} draggable={false} />
            ) : (
              <span className="slot__loading" role="img" aria-label={`${title}: ${frame.fileName}`} />
            )}
          </div>
          <div className="slot__name" title={frame.fileName}>
            {frame.fileName}
          </div>
          <div className="slot__meta" title={formatExactBytes(frame.bytes.byteLength)}>
            {frame.width} × {frame.height} · {formatBytes(frame.bytes.byteLength)}
          </div>
          {frame.orientation !== undefined && (
            <div className="slot__badge" title={`EXIF orientation ${frame.orientation}: stored ${frame.width} × ${frame.height}, shown turned upright. Kling and the motion brush use the stored pixels.`}>
              EXIF-rotated{swapsSides(frame.orientation) ? ` · shown ${frame.height} × ${frame.width}` : ''}
            </div>
          )}
          <div className="slot__actions">
            <button type="button" className="button button--small" onClick={onOpen} aria-label={`Replace ${lower}…`}>
              Replace…
            </button>
            <button type="button" className="button button--small button--ghost" onClick={onRemove} aria-label={`Remove ${lower}`}>
              Remove
            </button>
          </div>
        </>
      ) : (
        <div className="slot__empty">
          <div className="slot__icon" aria-hidden="true" />
          <p className="slot__text">Drop, paste or</p>
          {slot === 'start' ? (
            <button type="button" className="button button--small" onClick={onOpen} aria-keyshortcuts="Control+O">
              Open image…
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={onOpen} aria-label="Open end frame…" aria-keyshortcuts="Control+Shift+O">
              Open…
            </button>
          )}
          <kbd className="kbd slot__keys" aria-hidden="true">
            {shortcutLabel(slot === 'start' ? 'Mod+O' : 'Mod+Shift+O')}
          </kbd>
        </div>
      )}

      {hint && (
        <p id={hintId} className={`slot__hint slot__hint--${hint.kind}`}>
          {hint.text}
        </p>
      )}
      {dropping && (
        <div className="slot__drop" aria-hidden="true">
          Drop for the {lower}
        </div>
      )}
    </div>
  );
}
