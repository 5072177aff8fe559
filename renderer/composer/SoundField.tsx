// Sound and voices (kling-v2-6 and later). Voice ids go to voice_list; the prompt names them with <<<voice_1>>> and
// <<<voice_2>>>, inserted at the prompt's cursor by the buttons here. Their problems are said in the checklist, as
// every field's are (a click there comes back to the box it concerns), not again beside the boxes. Nothing here speaks
// of what voices cost: Kling's contract does not say (../shared/kling-api.md); the cost line tells what earlier tasks
// with voices were charged, when there were any.
import { LIMITS } from '../../shared/kling/limits';
import { supportsSoundField } from '../../shared/kling/models';
import { useComposer } from '../store/composer';

export const PROMPT_ID = 'composer-prompt';

/** Puts `token` where the prompt's caret is (or replaces its selection), and leaves the caret after it. */
function insertAtPromptCursor(token: string): void {
  const area = document.getElementById(PROMPT_ID) as HTMLTextAreaElement | null;
  const { prompt, update } = useComposer.getState();
  const start = area?.selectionStart ?? prompt.length;
  const end = area?.selectionEnd ?? prompt.length;
  update({ prompt: prompt.slice(0, start) + token + prompt.slice(end) });
  requestAnimationFrame(() => {
    if (!area) return;
    area.focus();
    area.setSelectionRange(start + token.length, start + token.length);
  });
}

export function SoundField() {
  const s = useComposer();
  if (!supportsSoundField(s.model)) {
    return (
      <p className="field__note" role="note">
        Sound and voices: kling-v2-6 and later only; {s.model || 'this model'} makes silent video.
      </p>
    );
  }
  return (
    <div className="field sound-field">
      <label className="switch">
        <span className="field__label">Sound</span>
        <input type="checkbox" role="switch" checked={s.sound} onChange={(e) => s.update({ sound: e.target.checked })} />
        <span className="switch__track" aria-hidden="true" />
      </label>
      {Array.from({ length: LIMITS.voicesMax }, (_, i) => (
        <div key={i} className="voice-row">
          <input
            className="select"
            aria-label={`Voice ${i + 1} id`}
            placeholder={`Voice ${i + 1} id (optional)`}
            value={s.voices[i] ?? ''}
            spellCheck={false}
            onChange={(e) => {
              const voices: [string, string] = [...s.voices];
              voices[i] = e.target.value;
              s.update({ voices });
            }}
          />
          <button type="button" className="button button--small" onClick={() => insertAtPromptCursor(`<<<voice_${i + 1}>>>`)}>
            Insert &lt;&lt;&lt;voice_{i + 1}&gt;&gt;&gt;
          </button>
        </div>
      ))}
    </div>
  );
}
