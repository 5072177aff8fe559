import { useEffect } from 'react';
import { LIMITS, type Duration, type Mode } from '../../shared/kling/limits';
import { KNOWN_MODELS } from '../../shared/kling/models';
import { registerCommands, shortcutLabel } from '../commands/registry';
import { useComposer } from '../store/composer';
import { FramesPanel } from './frames/FramesPanel';
import { canGenerate, generate } from './generate';
import { NoticeBox } from './NoticeBox';

const codePoints = (s: string) => [...s].length;

export function ComposerPanel() {
  const s = useComposer();

  useEffect(
    () =>
      registerCommands([
        { id: 'generation.submit', label: 'Generate', shortcut: 'Mod+Enter', enabled: canGenerate, run: () => void generate() },
      ]),
    [],
  );

  const promptLength = codePoints(s.prompt);
  const negativeLength = codePoints(s.negativePrompt);

  return (
    <section className="composer" aria-labelledby="composer-title">
      <h2 id="composer-title" className="panel-title">
        Compose
      </h2>
      <FramesPanel />

      <label className="field">
        <span className="field__label">
          Prompt
          <span className={`counter ${promptLength > LIMITS.promptMaxChars ? 'counter--over' : ''}`}>
            {promptLength} / {LIMITS.promptMaxChars}
          </span>
        </span>
        <textarea
          className="textarea"
          rows={5}
          value={s.prompt}
          placeholder="What should happen? e.g. The waves roll in slowly, the camera stays still."
          onChange={(e) => s.update({ prompt: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">
          Negative prompt
          <span className={`counter ${negativeLength > LIMITS.negativePromptMaxChars ? 'counter--over' : ''}`}>
            {negativeLength} / {LIMITS.negativePromptMaxChars}
          </span>
        </span>
        <textarea
          className="textarea"
          rows={2}
          value={s.negativePrompt}
          placeholder="What to avoid, e.g. blur, distortion"
          onChange={(e) => s.update({ negativePrompt: e.target.value })}
        />
      </label>

      <div className="params">
        <label className="field">
          <span className="field__label">Model</span>
          <select className="select" value={s.model} onChange={(e) => s.update({ model: e.target.value })}>
            {KNOWN_MODELS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field segmented">
          <legend className="field__label">Mode</legend>
          {LIMITS.modes.map((m) => (
            <label key={m} className={`segmented__item ${s.mode === m ? 'is-on' : ''}`}>
              <input type="radio" name="mode" value={m} checked={s.mode === m} onChange={() => s.update({ mode: m as Mode })} />
              {m === 'std' ? 'Standard' : 'Professional'}
            </label>
          ))}
        </fieldset>
        <fieldset className="field segmented">
          <legend className="field__label">Duration</legend>
          {LIMITS.durations.map((d) => (
            <label key={d} className={`segmented__item ${s.duration === d ? 'is-on' : ''}`}>
              <input type="radio" name="duration" value={d} checked={s.duration === d} onChange={() => s.update({ duration: d as Duration })} />
              {d} s
            </label>
          ))}
        </fieldset>
      </div>

      <div className="composer__footer">
        {s.submitNotice && <NoticeBox notice={s.submitNotice} onDismiss={() => s.setSubmitNotice(undefined)} />}
        <button
          type="button"
          className="button button--primary button--wide"
          disabled={!s.startFrame || s.submitting}
          title={s.startFrame ? `Generate (${shortcutLabel('Mod+Enter')})` : 'Add a start frame first'}
          onClick={() => void generate()}
        >
          {s.submitting ? 'Sending…' : 'Generate'}
          <kbd className="kbd">{shortcutLabel('Mod+Enter')}</kbd>
        </button>
        {!s.startFrame && <p className="hint">Add a start frame to enable Generate.</p>}
      </div>
    </section>
  );
}
