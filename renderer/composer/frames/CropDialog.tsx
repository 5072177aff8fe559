// The crop tool for an image outside 1:2.5 … 2.5:1: the image with a rectangle to drag (move) and pull by its corners
// and edges (resize), its aspect held inside Kling's range and its sides at 300 px or more (crop-math.ts). Arrow
// keys nudge it (Alt+arrows resize; Shift: 10 px), Enter applies, Escape cancels. Coordinates are the upright image's pixels.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatAspectRatio } from '../../../shared/kling/image-rules';
import { HANDLES, initialCrop, moveCrop, resizeCrop, type Handle, type Rect } from './crop-math';
import { useFramesUi, type CropRequest } from './frames-ui';
import './frames.css';

export function CropDialog() {
  const request = useFramesUi((s) => s.crop);
  return request ? <CropDialogBody request={request} /> : null;
}

interface Drag {
  kind: 'move' | Handle;
  x: number;
  y: number;
  start: Rect;
}

const NUDGES: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function CropDialogBody({ request }: { request: CropRequest }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | undefined>(undefined);
  const titleId = useId();
  const helpId = useId();
  const { width: W, height: H } = request;
  const [rect, setRect] = useState<Rect>(() => initialCrop(W, H));
  const [busy, setBusy] = useState(false);
  const url = useMemo(() => URL.createObjectURL(new Blob([request.bytes as Uint8Array<ArrayBuffer>])), [request.bytes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    area.current?.focus();
    return () => d?.close();
  }, []);

  // Fit the image into the window, never enlarged: into the dialog's content box where the dialog is held to 94vw
  // (frames.css .crop-dialog: 20 px padding and a 1 px border a side), so the photo keeps the right margin the left has.
  const scale = Math.min(Math.min(window.innerWidth * 0.94 - 42, 1100 - 80) / W, (window.innerHeight - 300) / H, 1);
  const close = () => useFramesUi.getState().closeCrop();
  const apply = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await request.apply(rect);
    } finally {
      close();
    }
  };

  const toImage = (e: PointerEvent) => {
    const box = stage.current?.getBoundingClientRect();
    return { x: (e.clientX - (box?.left ?? 0)) / scale, y: (e.clientY - (box?.top ?? 0)) / scale };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const handle = target.dataset.handle as Handle | undefined;
    if (!handle && !area.current?.contains(target)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    area.current?.focus();
    drag.current = { kind: handle ?? 'move', x: e.clientX, y: e.clientY, start: rect };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    if (d.kind === 'move') setRect(moveCrop(d.start, (e.clientX - d.x) / scale, (e.clientY - d.y) / scale, W, H));
    else {
      const p = toImage(e);
      setRect(resizeCrop(d.start, d.kind, p.x, p.y, W, H));
    }
  };
  const endDrag = () => {
    drag.current = undefined;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    const nudge = NUDGES[e.key];
    if (nudge) {
      e.preventDefault();
      const [dx, dy] = nudge.map((v) => v * (e.shiftKey ? 10 : 1)) as [number, number];
      // Alt+arrows resize from the bottom-right corner, so the crop can be sized without a pointer.
      setRect((r) => (e.altKey ? resizeCrop(r, 'se', r.x + r.width + dx, r.y + r.height + dy, W, H) : moveCrop(r, dx, dy, W, H)));
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void apply();
    }
  };

  const px = (v: number) => `${v * scale}px`;
  return (
    <dialog
      ref={dialog}
      className="crop-dialog"
      aria-labelledby={titleId}
      aria-describedby={helpId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className="crop-dialog__title">
        Crop “{request.fileName}”
      </h2>
      <p id={helpId} className="crop-dialog__help">
        Kling takes images from 1:2.5 to 2.5:1. Drag the frame to choose what to keep, or pull its corners and edges; its shape
        stays inside that range. Arrow keys move it, Alt+arrows resize it (Shift: 10 px); Enter applies, Esc cancels.
      </p>
      <div
        ref={stage}
        className="crop-stage"
        style={{ width: px(W), height: px(H) }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {/* The shade is clipped to the image; the frame and its handles are not, so edge handles stay whole. */}
        <div className="crop-stage__clip">
          <img src={url} alt={`Image to crop: ${request.fileName}`} draggable={false} />
          <div className="crop-shade" style={{ left: px(rect.x), top: px(rect.y), width: px(rect.width), height: px(rect.height) }} />
        </div>
        <div
          ref={area}
          className="crop-area"
          tabIndex={0}
          role="group"
          aria-label={`Crop area: ${rect.width} × ${rect.height} px from ${rect.x}, ${rect.y}`}
          style={{ left: px(rect.x), top: px(rect.y), width: px(rect.width), height: px(rect.height) }}
        >
          {HANDLES.map((h) => (
            <span key={h} className={`crop-handle crop-handle--${h}`} data-handle={h} aria-hidden="true" />
          ))}
        </div>
      </div>
      <div className="crop-dialog__foot">
        <output className="crop-dialog__readout" aria-label="Crop size">
          {rect.width} × {rect.height} px · {formatAspectRatio(rect.width, rect.height)}
        </output>
        <span className="crop-dialog__note">of {W} × {H} · saved as {request.outputName}</span>
        <button type="button" className="button" onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={() => void apply()} disabled={busy}>
          {busy ? 'Cropping…' : 'Crop'}
        </button>
      </div>
    </dialog>
  );
}
