// Import / export of the selected area's mask, with what happened said beside the buttons (errors as alerts).
import type { EditorDocument } from '../model/document';
import { CommandButton } from '../panels/CommandButton';
import { useEditor } from '../store';
import { useMaskIo } from './mask-io';

export function MaskIoControls({ doc }: { doc: EditorDocument }) {
  useEditor((s) => s.version);
  const activeId = useEditor((s) => s.activeAreaId);
  const { message, busy } = useMaskIo();
  const area = activeId ? doc.area(activeId) : null;
  const shown = message && message.areaId === activeId ? message : null;
  return (
    <div className="ed-mask-io" role="group" aria-label={area ? `Mask of ${area.name}` : 'Mask'}>
      <div className="ed-ops">
        <CommandButton id="editor.area.import-mask">{busy ? 'Importing…' : 'Import mask…'}</CommandButton>
        <CommandButton id="editor.area.export-mask">Export mask</CommandButton>
      </div>
      {shown && (
        <p className={`ed-note ${shown.tone === 'error' ? 'ed-note--problem' : ''}`} role={shown.tone === 'error' ? 'alert' : 'status'}>
          {shown.text}
        </p>
      )}
    </div>
  );
}
