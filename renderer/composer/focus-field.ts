// Where a problem's field lives on screen: clicking a line of the checklist focuses the control it concerns, or selects
// the painted area in the editor and focuses the canvas. Fields are validation's paths (shared/kling/problems.ts).
import { selectArea } from '../editor/actions';
import { hasPaintedAreas } from '../editor/export-inputs';
import { editorState } from '../editor/store';
import type { Problem } from '../../shared/kling/problems';
import { PROMPT_ID } from './SoundField';

export const NEGATIVE_PROMPT_ID = 'composer-negative-prompt';

const find = (selector: string): HTMLElement | null => document.querySelector<HTMLElement>(selector);

/** The painted area a mask field names: `staticMask` is the still area, `dynamicMasks.N…` the N-th painted moving one. */
function areaOf(field: string): string | undefined {
  const doc = editorState().doc;
  if (!doc || !hasPaintedAreas(doc)) return undefined;
  if (field === 'staticMask') return doc.staticArea?.id;
  const index = /^dynamicMasks\.(\d+)/.exec(field)?.[1];
  // Empty areas are left out of the request, so the N-th mask sent is the N-th painted area.
  const painted = doc.dynamicAreas.filter((a) => doc.labels.countPixels(a.label) > 0);
  return (index === undefined ? painted[0] : painted[Number(index)])?.id;
}

function targetOf(field: string): HTMLElement | null {
  const [head] = field.split('.');
  switch (head) {
    case 'startFrame':
      return find('[data-frame-slot="start"]');
    case 'endFrame':
      return find('[data-frame-slot="end"]');
    case 'prompt':
      return document.getElementById(PROMPT_ID);
    case 'negativePrompt':
      return document.getElementById(NEGATIVE_PROMPT_ID);
    case 'model':
      return find('input[aria-label="Model name"]') ?? document.getElementById('composer-model');
    case 'mode':
    case 'duration':
      return find(`input[name="${head}"]:checked`) ?? find(`input[name="${head}"]`);
    case 'cfgScale':
      return document.getElementById('composer-cfg');
    case 'camera':
      return (field.startsWith('camera.config') ? find('.camera-field input[type="range"]') : null) ?? find('.camera-field select');
    case 'sound':
      return find('.sound-field [role="switch"]');
    case 'voices': {
      const n = Number(field.split('.')[1] ?? 0) + 1;
      return find(`input[aria-label="Voice ${n} id"]`);
    }
    case 'staticMask':
    case 'dynamicMasks': {
      const area = areaOf(field);
      if (area) selectArea(area);
      return find('.editor-canvas');
    }
    default:
      return null;
  }
}

/** Focus what `field` concerns (and bring it into view); false when nothing on screen stands for it. */
export function focusField(field: string): boolean {
  const target = targetOf(field);
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  return true;
}

/**
 * Take the person to `problem`: its field, or else its line in the checklist (a problem no control stands for, e.g. a
 * mask whose area is gone), which says what it is and stays reachable by Tab.
 */
export function goToProblem(problem: Problem): void {
  if (focusField(problem.field)) return;
  document.querySelector<HTMLElement>(`.check--${problem.severity}`)?.focus();
}
