// How the camera's types and axes read to a person. The wire names stay the API's; the English and Chinese docs swap
// the descriptions of pan and tilt (../shared/kling-api.md), so each axis is named by its field and described by the
// usual film meaning of that word, not by either doc's sentence.
import type { CameraChoice } from '../../shared/composer/composer-settings';
import type { CameraAxis } from '../../shared/kling/wire';

export const CAMERA_CHOICE_LABELS: Record<CameraChoice, string> = {
  none: 'None',
  simple: 'Simple (one axis)',
  down_back: 'Down and back',
  forward_up: 'Forward and up',
  right_turn_forward: 'Turn right, then forward',
  left_turn_forward: 'Turn left, then forward',
};

export const AXIS_MEANINGS: Record<CameraAxis, string> = {
  horizontal: 'slides sideways, left or right',
  vertical: 'rises or sinks, straight up or down',
  pan: 'turns left or right, standing in place',
  tilt: 'tips up or down, standing in place',
  roll: 'rotates around the lens',
  zoom: 'moves closer or farther',
};
