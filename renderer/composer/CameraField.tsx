// Camera control: None, Simple (one axis by an amount) or a preset move. Presets are offered disabled, with the reason,
// where the capability table has no model for them (image-to-video documents none); a model the table does not know
// (a gateway's) may take them.
import { useId } from 'react';
import { CAMERA_CHOICES, type CameraChoice } from '../../shared/composer/composer-settings';
import { LIMITS } from '../../shared/kling/limits';
import { isKnownModel } from '../../shared/kling/models';
import { CAMERA_AXES } from '../../shared/kling/wire';
import { useComposer } from '../store/composer';
import { CameraAxisIcon } from './CameraAxisIcon';
import { turnOn, useCurrentFeature } from './feature-switch';
import { EXCLUSIVE_PHRASES } from '../../shared/kling/exclusive-features';
import { AXIS_MEANINGS, CAMERA_CHOICE_LABELS } from './camera-words';

const PRESET_REASON = 'no image-to-video model documents it';

export function CameraField() {
  const s = useComposer();
  const id = useId();
  const camera = s.camera;
  const presetsOpen = !isKnownModel(s.model);
  const { feature } = useCurrentFeature();
  const setCamera = (patch: Partial<typeof camera>) => s.update({ camera: { ...useComposer.getState().camera, ...patch } });

  return (
    <div className="field camera-field">
      <label className="field__label" htmlFor={`${id}-type`}>
        Camera movement
      </label>
      <select
        id={`${id}-type`}
        className="select"
        value={camera.type}
        onChange={(e) => {
          const type = e.target.value as CameraChoice;
          // A movement turns camera control on, which may ask first (end frame or painted areas in use).
          if (type === 'none') setCamera({ type });
          else turnOn('camera', { plain: () => setCamera({ type }) });
        }}
      >
        {CAMERA_CHOICES.map((choice) => {
          const preset = choice !== 'none' && choice !== 'simple';
          const off = preset && !presetsOpen && camera.type !== choice;
          return (
            <option key={choice} value={choice} disabled={off}>
              {CAMERA_CHOICE_LABELS[choice]}
              {preset && !presetsOpen ? ` — ${PRESET_REASON}` : ''}
            </option>
          );
        })}
      </select>
      {camera.type !== 'none' && feature !== 'camera' && feature !== null && (
        <p className="field__note" role="note">
          Kept, not sent: the request uses {EXCLUSIVE_PHRASES[feature]}. Choose Camera control under Request uses to send it.
        </p>
      )}
      {camera.type !== 'none' && camera.type !== 'simple' && (
        <p className="field__note">A preset move takes no settings; the whole move is Kling’s.</p>
      )}
      {camera.type === 'simple' && (
        <>
          <div role="radiogroup" aria-label="Camera axis" className="axis-group">
            {CAMERA_AXES.map((axis) => (
              <label key={axis} className={`axis ${camera.axis === axis ? 'is-on' : ''}`}>
                <input type="radio" name={`${id}-axis`} checked={camera.axis === axis} onChange={() => setCamera({ axis })} />
                <CameraAxisIcon axis={axis} />
                <span className="axis__name">{axis}</span>
                <span className="axis__meaning">{AXIS_MEANINGS[axis]}</span>
              </label>
            ))}
          </div>
          <label className="field__label" htmlFor={`${id}-amount`}>
            Camera amount
            <output htmlFor={`${id}-amount`} className="counter">
              {camera.amount > 0 ? `+${camera.amount}` : camera.amount}
            </output>
          </label>
          <input
            id={`${id}-amount`}
            type="range"
            className="range"
            min={LIMITS.camera.min}
            max={LIMITS.camera.max}
            step={0.5}
            value={camera.amount}
            onChange={(e) => setCamera({ amount: Number(e.target.value) })}
          />
          <p className="field__note">
            {camera.amount === 0
              ? '0 means no movement: move the slider to make the camera move.'
              : `Only ${camera.axis} moves; the other five axes are sent as 0.`}
          </p>
        </>
      )}
    </div>
  );
}
