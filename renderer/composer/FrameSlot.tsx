import { shortcutLabel } from '../commands/registry';
import type { Frame } from './load-frame';

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function FrameSlot({ frame, onOpen, onRemove }: { frame?: Frame; onOpen(): void; onRemove(): void }) {
  if (!frame) {
    return (
      <div className="frame-slot frame-slot--empty">
        <div className="frame-slot__icon" aria-hidden="true" />
        <p className="frame-slot__title">Start frame</p>
        <p className="frame-slot__text">Drop a JPG or PNG anywhere on the window</p>
        <button type="button" className="button" onClick={onOpen}>
          Open image… <kbd className="kbd">{shortcutLabel('Mod+O')}</kbd>
        </button>
        <p className="frame-slot__rules">At least 300 px a side · up to 10 MB · aspect 1:2.5 to 2.5:1</p>
      </div>
    );
  }
  return (
    <figure className="frame-slot">
      <div className="frame-slot__preview">
        <img src={frame.url} alt={`Start frame: ${frame.fileName}`} />
      </div>
      <figcaption className="frame-slot__caption">
        <span className="frame-slot__name" title={frame.fileName}>
          {frame.fileName}
        </span>
        <span className="frame-slot__meta">
          {frame.width} × {frame.height} · {formatBytes(frame.bytes.byteLength)}
        </span>
        <span className="frame-slot__actions">
          <button type="button" className="button button--small" onClick={onOpen} aria-label="Replace start frame…">
            Replace…
          </button>
          <button type="button" className="button button--small button--ghost" onClick={onRemove} aria-label="Remove start frame">
            Remove
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
