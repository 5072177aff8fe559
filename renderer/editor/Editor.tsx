// The motion brush editor: the hero of the workspace. Shows an invitation until there is a start frame, then the
// toolbar, the canvas and the areas panel for that frame's document.
import { useEffect } from 'react';
import { runCommand } from '../commands/registry';
import { rotateFrameUpright } from '../composer/accept-file';
import { useComposer } from '../store/composer';
import { EditorCanvas } from './canvas/EditorCanvas';
import { useImage } from './canvas/useImage';
import { registerEditorCommands } from './commands';
import './editor.css';
import { AreasPanel } from './panels/AreasPanel';
import { NewDocumentDialog, ShortcutsDialog } from './panels/Dialogs';
import { Toolbar, ZoomBar } from './panels/Toolbar';
import { SelectionStatusHint } from './selection/SelectionStatusHint';
import { openFrame } from './session';
import { useEditor } from './store';

export function Editor() {
  const frame = useComposer((s) => s.startFrame);
  const doc = useEditor((s) => s.doc);
  const loading = useEditor((s) => s.loading);
  const image = useImage(frame?.url);

  useEffect(() => registerEditorCommands(), []);
  useEffect(() => {
    void openFrame(frame);
  }, [frame]);

  return (
    <section className="editor" aria-label="Motion brush editor">
      {!frame ? (
        <div className="ed-empty">
          <div className="ed-empty__art" aria-hidden="true" />
          <h2 className="ed-empty__title">Paint what moves</h2>
          <p className="ed-empty__text">
            Drop a photo anywhere on the window, or open one. Then paint the areas that should move, draw where they go, and
            keep the rest still.
          </p>
          <button type="button" className="button button--primary" onClick={() => runCommand('frame.open')}>
            Choose a photo…
          </button>
        </div>
      ) : frame.orientation !== undefined ? (
        // The screen shows the photo turned (EXIF), the masks would be in its stored pixels: painting would not match
        // what is sent. The pixels are rotated first, with the person's click.
        <div className="ed-empty">
          <h2 className="ed-empty__title">Turn the photo upright to paint on it</h2>
          <p className="ed-empty__text">
            This photo is stored turned and only shown upright. Kling and the motion brush use the stored pixels, so
            rotate them first; what you paint is then exactly what is sent.
          </p>
          <button type="button" className="button button--primary" onClick={() => void rotateFrameUpright('start')}>
            Rotate the photo upright
          </button>
        </div>
      ) : !doc || loading ? (
        <div className="ed-empty" role="status">
          Preparing the editor…
        </div>
      ) : (
        <div className="ed-body">
          <Toolbar />
          <div className="ed-main">
            <div className="ed-stage">
              <EditorCanvas doc={doc} image={image} />
              <ZoomBar />
              <SelectionStatusHint />
            </div>
            <AreasPanel doc={doc} />
          </div>
        </div>
      )}
      <ShortcutsDialog />
      <NewDocumentDialog />
    </section>
  );
}
