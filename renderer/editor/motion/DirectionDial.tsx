// The direction presets travel in: drag on the dial to aim (the canvas shows the re-aimed path while dragging; it is
// laid on release, one undo step), or use the arrow keys (15° a press; Shift for 1°). 0° is to the right, 90° up.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useEditor } from '../store';
import { aimPresets, previewAim, usePresets } from './presets';

const NAMES = ['right', 'up and right', 'up', 'up and left', 'left', 'down and left', 'down', 'down and right'];

export function directionText(deg: number): string {
  return `${deg}°, ${NAMES[Math.round(deg / 45) % 8]}`;
}

/** The angle of the pointer around the dial's centre, snapped to 5°. */
function angleAt(e: ReactPointerEvent<HTMLElement>): number {
  const box = e.currentTarget.getBoundingClientRect();
  const dx = e.clientX - (box.left + box.width / 2);
  const dy = e.clientY - (box.top + box.height / 2);
  const deg = (Math.atan2(-dy, dx) * 180) / Math.PI;
  return ((Math.round(deg / 5) * 5) % 360 + 360) % 360;
}

export function DirectionDial({ disabled }: { disabled: boolean }) {
  const direction = usePresets((s) => s.direction);
  const [dragging, setDragging] = useState<number | null>(null);
  const pointer = useRef<number | null>(null);
  const shown = dragging ?? direction;
  const rad = (shown * Math.PI) / 180;

  const track = (deg: number) => {
    setDragging(deg);
    const points = previewAim(deg);
    useEditor.setState({ preview: points ? { kind: 'path', points } : null });
  };
  const finish = (deg: number | null) => {
    pointer.current = null;
    setDragging(null);
    useEditor.setState({ preview: null });
    if (deg !== null) aimPresets(deg);
  };

  return (
    <div
      className={`mp-dial ${disabled ? 'is-disabled' : ''}`}
      role="slider"
      tabIndex={disabled ? -1 : 0}
      aria-label="Direction"
      aria-valuemin={0}
      aria-valuemax={359}
      aria-valuenow={shown}
      aria-valuetext={directionText(shown)}
      aria-disabled={disabled}
      title={`Direction of the preset: ${directionText(shown)}. Drag to aim, or use the arrow keys.`}
      onPointerDown={(e) => {
        if (disabled || e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        pointer.current = e.pointerId;
        track(angleAt(e));
      }}
      onPointerMove={(e) => {
        if (pointer.current === e.pointerId) track(angleAt(e));
      }}
      onPointerUp={(e) => {
        if (pointer.current === e.pointerId) finish(angleAt(e));
      }}
      onPointerCancel={() => finish(null)}
      onKeyDown={(e) => {
        if (disabled) return;
        const step = e.shiftKey ? 1 : 15;
        // As every slider: up and right increase (counter-clockwise), down and left decrease.
        const keys: Record<string, number> = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step };
        let next: number | null = null;
        if (e.key in keys) next = direction + (keys[e.key] ?? 0);
        else if (e.key === 'Home') next = 0;
        else if (e.key === 'Escape' && pointer.current !== null) finish(null);
        if (next === null) return;
        e.preventDefault();
        e.stopPropagation();
        aimPresets(next);
      }}
    >
      <svg viewBox="-20 -20 40 40" aria-hidden="true" className="mp-dial__face">
        <circle r="18" className="mp-dial__ring" />
        <line x1="0" y1="0" x2={13 * Math.cos(rad)} y2={-13 * Math.sin(rad)} className="mp-dial__hand" />
        <circle cx={13 * Math.cos(rad)} cy={-13 * Math.sin(rad)} r="3.2" className="mp-dial__tip" />
        <circle r="2.2" className="mp-dial__hub" />
      </svg>
    </div>
  );
}
