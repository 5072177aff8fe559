// "Speed" of the selected moving area's path: how its points are spaced along the same shape (path-speed.ts).
// The note says plainly what the control rests on: Kling documents the points' order and shape, not their timing.
import { useId } from 'react';
import { PATH_SPEED_LABELS, PATH_SPEEDS, isPathSpeed } from '../../../shared/editor/path-speed';
import type { Area, EditorDocument } from '../model/document';
import { useEditor } from '../store';

export const SPEED_NOTE =
  'Kling documents the order and shape of a path’s points, not their timing. Speed spaces the points as if each were an equal step of time; Play shows that reading.';

export function SpeedControl({ doc, area }: { doc: EditorDocument; area: Area }) {
  useEditor((s) => s.version);
  const id = useId();
  const noteId = useId();
  const path = doc.trajectoryOf(area.id);
  return (
    <div className="mp-speed">
      <div className="mp-speed__row">
        <label htmlFor={id} className="mp-speed__label">
          Speed
        </label>
        <select
          id={id}
          className="select mp-speed__select"
          value={doc.speedOf(area.id)}
          aria-describedby={noteId}
          disabled={!path}
          title={path ? undefined : 'Draw or lay a path first'}
          onChange={(e) => {
            if (isPathSpeed(e.target.value)) doc.setSpeed(area.id, e.target.value);
          }}
        >
          {PATH_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {PATH_SPEED_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <p id={noteId} className="ed-note">
        {SPEED_NOTE}
      </p>
    </div>
  );
}
