// When the model, mode or duration cannot do what the request uses (end frame, motion brush, camera, sound), say so
// beside the parameters and offer the nearest combination that can, one click away.
import { describeCombination, modeLabel, nearestCombination, unavailableReason } from '../../shared/kling/model-summary';
import { useComposer } from '../store/composer';
import { useFeatureUse } from './feature-use';

export function FeatureFit() {
  const s = useComposer();
  const use = useFeatureUse();
  const reason = unavailableReason(use, s.model, s.mode, s.duration);
  if (!reason) return null;
  const near = nearestCombination(use, { model: s.model, mode: s.mode, duration: s.duration });
  return (
    <div className="feature-fit" role="status">
      <p className="feature-fit__text">
        {s.model} {modeLabel(s.mode)} {s.duration} s {reason}.
        {near ? '' : ' No model in the table can do all of this at once: remove one of them.'}
      </p>
      {near && (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => s.update({ model: near.model, mode: near.mode, duration: near.duration })}
        >
          Use {describeCombination(near)}
        </button>
      )}
    </div>
  );
}
