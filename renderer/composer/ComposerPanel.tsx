import { useEffect } from 'react';
import { LIMITS } from '../../shared/kling/limits';
import { registerCommands, shortcutLabel, workInFront } from '../commands/registry';
import { useComposer } from '../store/composer';
import { FramesPanel } from './frames/FramesPanel';
import { canGenerate, chosenProfile, generate } from './generate';
import { LimitedTextArea } from './LimitedTextArea';
import { NoticeBox } from './NoticeBox';
import { RequestTools } from './request/RequestTools';
import { useProfiles } from '../store/profiles';
import { ModelFields } from './ModelFields';
import { CameraField } from './CameraField';
import { PROMPT_ID, SoundField } from './SoundField';
import { FeatureFit } from './FeatureFit';
import { Checklist } from './Checklist';
import { CostLine } from './CostLine';
import { useChecks } from './checks';
import { goToProblem, NEGATIVE_PROMPT_ID } from './focus-field';
import { FeatureChoice } from './FeatureChoice';
import { FeatureSwitchDialog } from './FeatureSwitchDialog';
import './composer.css';
import { usePersistedComposer } from './persist-settings';

export function ComposerPanel() {
  const s = useComposer();
  usePersistedComposer();

  useEffect(
    () =>
      registerCommands([
        { id: 'generation.submit', label: 'Generate', shortcut: 'Mod+Enter', menu: 'generation', enabled: () => workInFront() && canGenerate(), run: () => void generate() },
      ]),
    [],
  );

  const profiles = useProfiles((p) => p.state);
  const usable = profiles?.profiles.filter((p) => p.hasCredential) ?? [];
  const problems = useChecks();
  const firstError = problems.find((p) => p.severity === 'error');

  return (
    <section className="composer" aria-labelledby="composer-title">
      <h2 id="composer-title" className="panel-title">
        Compose
      </h2>
      <FramesPanel />

      <LimitedTextArea
        id={PROMPT_ID}
        highlightVoices
        label="Prompt"
        value={s.prompt}
        limit={LIMITS.promptMaxChars}
        rows={5}
        placeholder="What should happen? e.g. The waves roll in slowly, the camera stays still."
        onChange={(prompt) => s.update({ prompt })}
      />
      <LimitedTextArea
        id={NEGATIVE_PROMPT_ID}
        label="Negative prompt"
        value={s.negativePrompt}
        limit={LIMITS.negativePromptMaxChars}
        rows={2}
        placeholder="What to avoid, e.g. blur, distortion"
        onChange={(negativePrompt) => s.update({ negativePrompt })}
      />

      <div className="params">
        {usable.length > 1 && (
          <label className="field">
            <span className="field__label">Send with</span>
            <select
              className="select"
              value={chosenProfile(s.profileId) ?? profiles?.currentId ?? ''}
              onChange={(e) => s.update({ profileId: e.target.value })}
            >
              {usable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.kind === 'sandbox' ? 'Sandbox (offline, free)' : p.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <ModelFields />
        <FeatureChoice />
        <FeatureFit />
        <CameraField />
        <SoundField />
        <label className="field">
          <span className="field__label">Variations</span>
          <input
            type="number"
            className="select"
            min={1}
            max={4}
            step={1}
            value={s.variations}
            onChange={(e) => s.update({ variations: Math.min(Math.max(Math.round(Number(e.target.value)) || 1, 1), 4) })}
          />
        </label>
      </div>

      <CostLine />
      <Checklist problems={problems} />

      <div className="composer__footer">
        {s.submitNotice && <NoticeBox notice={s.submitNotice} onDismiss={() => s.setSubmitNotice(undefined)} />}
        {/* Off by aria-disabled, not `disabled`: a disabled button cannot take focus, so keyboard and screen reader
            users never reached it or heard its description (what to fix first). Pressed while off, it sends nothing
            and takes the person to the first problem. */}
        <button
          type="button"
          className="button button--primary button--wide"
          aria-disabled={firstError !== undefined || s.submitting ? true : undefined}
          title={`Generate (${shortcutLabel('Mod+Enter')})`}
          aria-describedby={firstError ? 'generate-hint' : undefined}
          onClick={() => {
            if (firstError) goToProblem(firstError);
            else if (!s.submitting) void generate();
          }}
        >
          {s.submitting ? 'Sending…' : 'Generate'}
          <kbd className="kbd">{shortcutLabel('Mod+Enter')}</kbd>
        </button>
        {firstError && (
          <p id="generate-hint" className="hint hint--blocked">
            Fix first: {firstError.message}
          </p>
        )}
        <RequestTools />
      </div>
      <FeatureSwitchDialog />
    </section>
  );
}
