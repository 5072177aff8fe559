// End frame, motion brush and camera control exclude each other: this radio group says which one the request uses and
// what the others keep for later (not sent). Picking another asks first when the one in use holds work
// (FeatureSwitchDialog); nothing is deleted by a switch.
import { useId } from 'react';
import { EXCLUSIVE_FEATURES, type ExclusiveFeature } from '../../shared/kling/exclusive-features';
import { describeWork, FEATURE_LABELS, type WorkSummary } from './feature-choice';
import { turnOn, useCurrentFeature } from './feature-switch';

/** What to do to give a feature something to send. */
const HOW_TO: Record<ExclusiveFeature, string> = {
  endFrame: 'add an end frame above',
  motionBrush: 'paint an area on the canvas',
  camera: 'choose a camera movement below',
};

function stateWords(feature: ExclusiveFeature, inUse: boolean, work: WorkSummary): string {
  const held = describeWork(feature, work);
  if (inUse) return held ? `Sent: ${held}` : `Nothing to send yet: ${HOW_TO[feature]}`;
  return held ? `Kept, not sent: ${held}` : 'Not used';
}

export function FeatureChoice() {
  const { feature, work } = useCurrentFeature();
  const id = useId();
  return (
    <fieldset className="choice-group feature-choice" role="radiogroup" aria-label="Request uses">
      <legend className="field__label">Request uses (one of three)</legend>
      {EXCLUSIVE_FEATURES.map((f) => (
        <label key={f} className={`choice ${feature === f ? 'is-on' : ''}`}>
          <input
            type="radio"
            name="request-feature"
            checked={feature === f}
            aria-labelledby={`${id}-${f}`}
            aria-describedby={`${id}-${f}-state`}
            onChange={() => turnOn(f)}
          />
          <span id={`${id}-${f}`} className="choice__label">
            {FEATURE_LABELS[f]}
          </span>
          <span id={`${id}-${f}-state`} className="choice__state">
            {stateWords(f, feature === f, work)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
