// Model, Mode, Duration and CFG scale. Every word about what a model can do comes from the capability table
// (shared/kling/model-summary.ts); an option the composed inputs cannot use stays visible, disabled, with the reason.
import { LIMITS, type Duration, type Mode } from '../../shared/kling/limits';
import { modeLabel, modelSummary, unavailableReason } from '../../shared/kling/model-summary';
import { acceptsCfgScale, isKnownModel, KNOWN_MODELS } from '../../shared/kling/models';
import { useComposer } from '../store/composer';
import { useProfiles } from '../store/profiles';
import { chosenProfile } from './generate';
import { useFeatureUse } from './feature-use';

const OTHER = '__other__';

/** Gateways add models the table does not know; only their profiles may type one. */
function useSendsToGateway(): boolean {
  const profileId = useComposer((s) => s.profileId);
  const state = useProfiles((p) => p.state);
  const id = chosenProfile(profileId) ?? state?.currentId;
  return state?.profiles.find((p) => p.id === id)?.kind === 'gateway';
}

export function ModelFields() {
  const s = useComposer();
  const use = useFeatureUse();
  const gateway = useSendsToGateway();
  const known = isKnownModel(s.model);
  const typing = gateway || !known;

  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="composer-model">
          Model
        </label>
        {/* Closed, a native select shows its option's whole text on one line, which the column cuts off mid-summary
            ("kling-v1-5 — end frame, mot"); it shows the model's name instead, drawn over the select's own (transparent)
            text, and the summary is the line below it. The open list keeps every entry's summary. */}
        <div className="model-select">
          <select
            id="composer-model"
            className="select model-select__control"
            value={known ? s.model : OTHER}
            aria-describedby="composer-model-summary"
            onChange={(e) => s.update({ model: e.target.value === OTHER ? '' : e.target.value })}
          >
            {KNOWN_MODELS.map((m) => (
              <option key={m} value={m}>
                {m} — {modelSummary(m)}
              </option>
            ))}
            {typing && <option value={OTHER}>Another model (type its name)…</option>}
          </select>
          <span className="model-select__shown" aria-hidden="true">
            {known ? s.model : 'Another model'}
          </span>
        </div>
        {known ? (
          <p id="composer-model-summary" className="field__note">
            {modelSummary(s.model)}
          </p>
        ) : (
          <>
            <input
              className="select"
              aria-label="Model name"
              placeholder="e.g. kling-v3"
              value={s.model}
              spellCheck={false}
              onChange={(e) => s.update({ model: e.target.value.trim() })}
            />
            <p id="composer-model-summary" className="field__note field__note--warn" role="note">
              {s.model
                ? `${s.model} is sent as typed; this app does not know its rules, so they are not checked.`
                : 'Type the model name your gateway documents.'}
            </p>
          </>
        )}
      </div>

      <fieldset className="choice-group">
        <legend className="field__label">Mode</legend>
        {LIMITS.modes.map((m) => (
          <ChoiceOption
            key={m}
            name="mode"
            label={modeLabel(m)}
            checked={s.mode === m}
            reason={unavailableReason(use, s.model, m, s.duration)}
            onPick={() => s.update({ mode: m as Mode })}
          />
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">Duration</legend>
        {LIMITS.durations.map((d) => (
          <ChoiceOption
            key={d}
            name="duration"
            label={`${d} s`}
            checked={s.duration === d}
            reason={unavailableReason(use, s.model, s.mode, d)}
            onPick={() => s.update({ duration: d as Duration })}
          />
        ))}
      </fieldset>

      {acceptsCfgScale(s.model) ? (
        <div className="field">
          <label className="field__label" htmlFor="composer-cfg">
            CFG scale
            <output htmlFor="composer-cfg" className="counter">
              {s.cfgScale.toFixed(2)}
            </output>
          </label>
          <input
            id="composer-cfg"
            type="range"
            className="range"
            min={LIMITS.cfgScale.min}
            max={LIMITS.cfgScale.max}
            step={0.05}
            value={s.cfgScale}
            aria-valuetext={s.cfgScale.toFixed(2)}
            onChange={(e) => s.update({ cfgScale: Math.round(Number(e.target.value) * 100) / 100 })}
          />
          <p className="field__note">How closely the video follows the prompt: higher is stricter, lower freer.</p>
        </div>
      ) : (
        <p className="field__note" role="note">
          CFG scale: {s.model} does not take one, so none is sent.
        </p>
      )}
    </>
  );
}

/**
 * A radio with its state in words: an option the inputs cannot use is disabled and says why beside it. The chosen
 * option is never disabled (the checklist explains it), so the person can always see what is selected.
 */
function ChoiceOption(props: { name: string; label: string; checked: boolean; reason: string | undefined; onPick(): void }) {
  const disabled = props.reason !== undefined && !props.checked;
  return (
    <label className={`choice ${props.checked ? 'is-on' : ''} ${disabled ? 'is-off' : ''}`}>
      <input type="radio" name={props.name} checked={props.checked} disabled={disabled} onChange={props.onPick} />
      <span className="choice__label">{props.label}</span>
      {props.reason && <span className="choice__reason">{props.reason}</span>}
    </label>
  );
}
