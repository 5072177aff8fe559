// "Use camera control instead? Your 3 painted areas are kept and come back when you switch back": the question asked
// before a switch leaves work behind (feature-switch.ts). Escape or Cancel changes nothing.
import { useRef } from 'react';
import { Modal } from '../editor/panels/Dialogs';
import { FEATURE_LABELS, keptSentence, switchQuestion } from './feature-choice';
import { cancelSwitch, confirmSwitch, useFeatureSwitch } from './feature-switch';

export function FeatureSwitchDialog() {
  const pending = useFeatureSwitch((s) => s.pending);
  const answered = useFeatureSwitch((s) => s.answered);
  // The answer takes effect once the dialog has closed: commands (the toolbar's Undo, the tools) are off while a
  // modal dialog is open, and what the switch re-renders must see them on again.
  const answer = useRef(false);
  const question = pending ? switchQuestion(pending.to) : '';
  const reply = (yes: boolean) => {
    answer.current = yes;
    useFeatureSwitch.setState({ answered: true });
  };
  const settle = () => {
    const yes = answer.current;
    answer.current = false;
    if (yes) confirmSwitch();
    else cancelSwitch();
  };
  return (
    <Modal open={pending !== undefined && !answered} label={question} role="alertdialog" onClose={settle}>
      {pending && (
        <div className="ed-dialog__body">
          <h2 className="ed-dialog__title">{question}</h2>
          <p className="ed-note">
            A request uses one of end frame, motion brush and camera control. {keptSentence(pending.from, pending.work)}
          </p>
          <div className="ed-dialog__actions">
            <button type="button" className="button" onClick={() => reply(false)}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={() => reply(true)} autoFocus>
              Use {FEATURE_LABELS[pending.to].toLowerCase()}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
