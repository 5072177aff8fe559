// A small drawing of each camera axis: a frame and the way it moves. Decorative; the text beside it says the meaning.
import type { CameraAxis } from '../../shared/kling/wire';

const PATHS: Record<CameraAxis, string> = {
  horizontal: 'M4 12h24M22 7l6 5-6 5M10 7l-6 5 6 5',
  vertical: 'M16 2v20M11 7l5-5 5 5M11 17l5 5 5-5',
  pan: 'M6 14c4-6 16-6 20 0M22 9l4 5-6 1',
  tilt: 'M12 4c6 4 6 12 0 16M7 17l5 3 1-6',
  roll: 'M24 12a8 8 0 1 1-3-6.2M21 2v4h4',
  zoom: 'M10 8h12v8H10zM4 3l6 5M28 3l-6 5M4 21l6-5M28 21l-6-5',
};

export function CameraAxisIcon({ axis }: { axis: CameraAxis }) {
  return (
    <svg className="axis-icon" viewBox="0 0 32 24" width="32" height="24" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="22" rx="3" className="axis-icon__frame" />
      <path d={PATHS[axis]} className="axis-icon__move" />
    </svg>
  );
}
