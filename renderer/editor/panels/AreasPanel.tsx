// The still area and up to six moving areas: select, rename, recolour, hide, clear, delete, reorder.
import { useState } from 'react';
import { MAX_DYNAMIC_AREAS } from '../../../shared/editor/labels';
import * as act from '../actions';
import type { Area, EditorDocument } from '../model/document';
import { toggleHidden, useEditor } from '../store';
import { motionWarnings } from '../warnings';
import { MotionPresetMenu } from '../motion/MotionPresetMenu';
import { SpeedControl } from '../motion/SpeedControl';
import { MaskIoControls } from '../masks/MaskIoControls';
import { CommandButton } from './CommandButton';

export function AreasPanel({ doc }: { doc: EditorDocument }) {
  useEditor((s) => s.version);
  const activeId = useEditor((s) => s.activeAreaId);
  const dynamic = doc.dynamicAreas;
  const still = doc.staticArea;
  const full = dynamic.length >= MAX_DYNAMIC_AREAS;
  const hiddenAreas = useEditor((e) => e.hiddenAreas);
  const warnings = motionWarnings(doc, hiddenAreas);
  const total = doc.start.width * doc.start.height;

  return (
    <section className="ed-areas" aria-labelledby="ed-areas-title">
      <h3 id="ed-areas-title" className="panel-title">
        Areas
      </h3>
      <ul className="ed-area-list" aria-label="Still area">
        {still ? (
          <AreaRow doc={doc} area={still} active={still.id === activeId} total={total} index={0} count={0} />
        ) : (
          <li>
            <button type="button" className="button button--small" onClick={act.selectStillArea}>
              Add still area
            </button>
          </li>
        )}
      </ul>
      <div className="ed-areas__head">
        <span className="ed-areas__sub">Moving areas</span>
        <span className="ed-areas__count" aria-label={`${dynamic.length} of ${MAX_DYNAMIC_AREAS} moving areas`}>
          {dynamic.length} / {MAX_DYNAMIC_AREAS}
        </span>
      </div>
      <ul className="ed-area-list" aria-label="Moving areas">
        {dynamic.map((a, i) => (
          <AreaRow key={a.id} doc={doc} area={a} active={a.id === activeId} total={total} index={i} count={dynamic.length} />
        ))}
      </ul>
      <CommandButton id="editor.area.add" className="ed-add">
        + Add moving area
      </CommandButton>
      {full && <p className="ed-note">Kling takes at most {MAX_DYNAMIC_AREAS} moving areas; delete one to add another.</p>}
      <div className="ed-ops" role="group" aria-label="Selected area">
        <CommandButton id="editor.area.fill" label="Fill all (the whole image)">
          Fill all
        </CommandButton>
        <CommandButton id="editor.area.invert">Invert</CommandButton>
        <CommandButton id="editor.area.clear">Clear</CommandButton>
      </div>
      <MaskIoControls doc={doc} />
      <PathInfo doc={doc} />
      {warnings.length > 0 && (
        <ul className="ed-warnings" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={i} className="ed-warning">
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface RowProps {
  doc: EditorDocument;
  area: Area;
  active: boolean;
  total: number;
  index: number;
  count: number;
}

function AreaRow({ doc, area, active, total, index, count }: RowProps) {
  const [editing, setEditing] = useState(false);
  const hidden = useEditor((e) => e.hiddenAreas.has(area.id));
  const pixels = doc.labels.countPixels(area.label);
  const share = pixels === 0 ? 'empty' : `${Math.max(0.1, Math.round((pixels / total) * 1000) / 10)} %`;
  const path = area.kind === 'dynamic' ? doc.sentTrajectoryOf(area.id) : null;
  const meta = `${area.kind === 'static' ? 'still' : `#${index + 1}`} · ${share}${area.kind === 'dynamic' ? ` · ${path ? `${path.length} pts` : 'no path'}` : ''}`;
  const commitName = (value: string) => {
    setEditing(false);
    const name = value.trim();
    if (name && name !== area.name) doc.rename(area.id, name);
  };
  return (
    <li className={`ed-area ${active ? 'is-active' : ''} ${hidden ? 'is-hidden' : ''}`} aria-label={area.name} aria-current={active}>
      <input
        type="color"
        className="ed-area__swatch"
        value={area.colour}
        aria-label={`Colour of ${area.name}`}
        onChange={(e) => doc.setColour(area.id, e.target.value)}
      />
      {editing ? (
        <input
          className="ed-area__name-input"
          defaultValue={area.name}
          aria-label={`Name of ${area.name}`}
          autoFocus
          maxLength={40}
          onBlur={(e) => commitName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName(e.currentTarget.value);
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="ed-area__select"
          aria-pressed={active}
          aria-label={`Select ${area.name}`}
          title={meta}
          onClick={() => act.selectArea(area.id)}
          onDoubleClick={() => setEditing(true)}
        >
          <span className="ed-area__name">{area.name}</span>
        </button>
      )}
      <div className="ed-area__actions">
        {/* Beside the button, not in it: the button's text stays its name (WCAG 2.5.3, label in name) while a screen
            reader still reads the area's share and path as the row's text. */}
        <span className="ed-area__meta">{meta}</span>
        <span className="ed-area__icons">
          <button type="button" className="ed-icon" aria-label={`Rename ${area.name}`} title="Rename" onClick={() => setEditing(true)}>
            ✎
          </button>
          <button
            type="button"
            className="ed-icon"
            aria-label={`${hidden ? 'Show' : 'Hide'} ${area.name}`}
            aria-pressed={hidden}
            title={hidden ? 'Show' : 'Hide'}
            onClick={() => toggleHidden(area.id)}
          >
            {hidden ? '◌' : '◉'}
          </button>
          {area.kind === 'dynamic' && (
            <>
              <button
                type="button"
                className="ed-icon"
                aria-label={`Move ${area.name} up`}
                title="Move up (Kling's order)"
                disabled={index === 0}
                onClick={() => doc.reorderDynamic(area.id, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="ed-icon"
                aria-label={`Move ${area.name} down`}
                title="Move down (Kling's order)"
                disabled={index >= count - 1}
                onClick={() => doc.reorderDynamic(area.id, index + 1)}
              >
                ↓
              </button>
            </>
          )}
          <button
            type="button"
            className="ed-icon"
            aria-label={`Clear ${area.name}`}
            title="Clear its pixels"
            disabled={pixels === 0}
            onClick={() => doc.labels.clear(area.label)}
          >
            ⌀
          </button>
          <button type="button" className="ed-icon ed-icon--danger" aria-label={`Delete ${area.name}`} title="Delete" onClick={() => doc.deleteArea(area.id)}>
            ✕
          </button>
        </span>
      </div>
    </li>
  );
}

function PathInfo({ doc }: { doc: EditorDocument }) {
  const activeId = useEditor((s) => s.activeAreaId);
  const selected = useEditor((s) => s.selectedPoint);
  const area = activeId ? doc.area(activeId) : null;
  if (!area || area.kind !== 'dynamic') {
    return <p className="ed-path ed-note">Select a moving area to draw its path.</p>;
  }
  const path = doc.sentTrajectoryOf(area.id);
  const shape = doc.trajectoryOf(area.id);
  return (
    <div className="ed-path" role="group" aria-label={`Path of ${area.name}`}>
      <p className="ed-path__count" aria-label="Path points">
        {path ? `${path.length} points sent` : 'No path yet'}
        {path && shape && shape.length !== path.length && ` (${shape.length} drawn)`}
        {selected?.areaId === area.id && ` · point ${selected.index + 1} selected`}
      </p>
      <MotionPresetMenu doc={doc} area={area} />
      <SpeedControl doc={doc} area={area} />
      <p className="ed-note">Drag with the Path tool (T), or click points and double-click / Enter to finish. Drag a dot to move it.</p>
      <div className="ed-ops">
        <CommandButton id="editor.path.reverse">Reverse</CommandButton>
        <CommandButton id="editor.path.clear">Clear path</CommandButton>
        <CommandButton id="editor.path.delete-point" label="Delete point (the selected one)">
          Delete point
        </CommandButton>
      </div>
    </div>
  );
}
