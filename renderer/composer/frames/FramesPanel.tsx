// The start and end frame slots of the composer, their file dialogs, paste, Swap, the frames' notice, the crop
// dialog and the Undo toast. Every button runs a command from the one registry, so shortcuts and buttons agree.
import { useEffect, useRef } from 'react';
import { registerCommands, runCommand, workInFront } from '../../commands/registry';
import { useComposer } from '../../store/composer';
import { acceptFrameFile, removeFrame, undoRemove } from '../accept-file';
import { FrameSlot } from '../FrameSlot';
import { CropDialog } from './CropDialog';
import { endFrameHint } from './end-frame-hint';
import { NoticeBox } from '../NoticeBox';
import { useCurrentFeature } from '../feature-switch';
import { useFramesUi } from './frames-ui';
import { UndoToast } from './UndoToast';
import { usePasteFrame } from './usePasteFrame';
import './frames.css';

/** Kling takes JPG/PNG, but anything Chromium decodes can be converted here, so the dialogs offer it too. */
const ACCEPT = 'image/*,.jpg,.jpeg,.png,.webp,.avif,.gif,.bmp';

export function FramesPanel() {
  const startInput = useRef<HTMLInputElement>(null);
  const endInput = useRef<HTMLInputElement>(null);
  const s = useComposer();
  usePasteFrame();

  useEffect(
    () =>
      registerCommands([
        { id: 'frame.open', label: 'Open image…', shortcut: 'Mod+O', menu: 'file', enabled: workInFront, run: () => startInput.current?.click() },
        { id: 'frame.openEnd', label: 'Open end frame…', shortcut: 'Mod+Shift+O', menu: 'file', enabled: workInFront, run: () => endInput.current?.click() },
        {
          id: 'frame.swap',
          label: 'Swap start and end frames',
          menu: 'edit',
          enabled: () => workInFront() && Boolean(useComposer.getState().startFrame ?? useComposer.getState().endFrame),
          run: () => useComposer.getState().swapFrames(),
        },
        { id: 'frame.removeStart', label: 'Remove start frame', menu: 'edit', enabled: () => workInFront() && Boolean(useComposer.getState().startFrame), run: () => removeFrame('start') },
        { id: 'frame.removeEnd', label: 'Remove end frame', menu: 'edit', enabled: () => workInFront() && Boolean(useComposer.getState().endFrame), run: () => removeFrame('end') },
        { id: 'frame.undoRemove', label: 'Undo remove', enabled: () => workInFront() && Boolean(useFramesUi.getState().removed), run: undoRemove },
      ]),
    [],
  );

  const { feature } = useCurrentFeature();
  const hint = endFrameHint({
    model: s.model,
    mode: s.mode,
    duration: s.duration,
    hasStart: Boolean(s.startFrame),
    hasEnd: Boolean(s.endFrame),
    inUse: feature,
  });
  const input = (ref: typeof startInput, slot: 'start' | 'end') => (
    <input
      ref={ref}
      type="file"
      accept={ACCEPT}
      aria-label={slot === 'start' ? 'Start frame file' : 'End frame file'}
      hidden
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void acceptFrameFile(file, slot);
      }}
    />
  );

  return (
    <section className="frames" aria-labelledby="frames-title">
      <div className="frames__head">
        <h3 id="frames-title" className="frames__title">
          Frames
        </h3>
        <button
          type="button"
          className="button button--small button--ghost frames__swap"
          disabled={!s.startFrame && !s.endFrame}
          aria-label="Swap start and end frames"
          title="Swap start and end frames (or drag a thumbnail onto the other slot)"
          onClick={() => runCommand('frame.swap')}
        >
          <span aria-hidden="true">⇄</span> Swap
        </button>
      </div>
      {input(startInput, 'start')}
      {input(endInput, 'end')}
      <div className="frames__slots">
        <FrameSlot slot="start" frame={s.startFrame} onOpen={() => runCommand('frame.open')} onRemove={() => runCommand('frame.removeStart')} />
        <FrameSlot
          slot="end"
          frame={s.endFrame}
          hint={hint}
          onOpen={() => runCommand('frame.openEnd')}
          onRemove={() => runCommand('frame.removeEnd')}
        />
      </div>
      <p className="frames__rules">
        JPG or PNG · at least 300 px a side · up to 10 MB · 1:2.5 to 2.5:1. Other images get a fix offered.
      </p>
      {s.frameNotice && <NoticeBox notice={s.frameNotice} onDismiss={() => s.setFrameNotice(undefined)} />}
      <UndoToast />
      <CropDialog />
    </section>
  );
}
