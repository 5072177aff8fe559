// The checklist's problems: validation's own (shared/kling/validate.ts, the same function main runs before it sends),
// applied to what is composed now, so the composer never keeps a copy of a rule. Kept in one cache: the panel, the
// Generate button and the menu's Generate command all ask. Masks are judged by their headers alone (outlineInputs):
// the pixels are exported by Generate, not at every change of the painting.
import { keepOnlyFeature } from '../../shared/kling/exclusive-features';
import type { Problem } from '../../shared/kling/problems';
import type { GenerationRequest } from '../../shared/kling/request';
import { validateRequest } from '../../shared/kling/validate';
import { motionBrushInputs, outlineInputs, type MotionBrushInputs } from '../editor/export-inputs';
import { useEditor, type EditorState } from '../editor/store';
import { useComposer, type ComposerState } from '../store/composer';
import { currentFeature } from './feature-switch';
import { composedParameters } from './parameter-inputs';

/**
 * Main gives each generation its external task id when it records it; validation insists on one, so a stand-in of
 * the same form takes its place here (as it does for "Show request").
 */
const STAND_IN_TASK_ID = 'ks-checklist';

/** The typed request validation judges: what Generate would send, with an empty start frame when there is none yet. */
export function checkedRequest(s: ComposerState, brush: Partial<MotionBrushInputs>, doc: EditorState['doc']): GenerationRequest {
  // Of end frame, motion brush and camera control, only the one in use is sent (and judged); the others' work is kept.
  return keepOnlyFeature({
    startFrame: s.startFrame?.bytes ?? new Uint8Array(0),
    ...(s.endFrame ? { endFrame: s.endFrame.bytes } : {}),
    ...brush,
    ...composedParameters(s),
    externalTaskId: STAND_IN_TASK_ID,
  }, currentFeature(s, doc));
}

let brushCache: { doc: EditorState['doc']; version: number; frame: ComposerState['startFrame']; inputs: Partial<MotionBrushInputs> } | undefined;
let problemsCache: { composer: ComposerState; doc: EditorState['doc']; version: number; problems: Problem[] } | undefined;

/** The masks (their headers) and paths as Generate sends them, made again only after the document changed. */
function brushInputs(frame: ComposerState['startFrame']): Partial<MotionBrushInputs> {
  const { doc, version } = useEditor.getState();
  if (!frame) return {};
  if (brushCache?.doc !== doc || brushCache.version !== version || brushCache.frame !== frame) {
    brushCache = { doc, version, frame, inputs: motionBrushInputs(frame, outlineInputs) };
  }
  return brushCache.inputs;
}

/** Every problem of the request as composed now, errors and warnings, in validation's order. */
export function currentProblems(): Problem[] {
  const composer = useComposer.getState();
  const { doc, version } = useEditor.getState();
  if (problemsCache?.composer !== composer || problemsCache.doc !== doc || problemsCache.version !== version) {
    problemsCache = { composer, doc, version, problems: validateRequest(checkedRequest(composer, brushInputs(composer.startFrame), doc)) };
  }
  return problemsCache.problems;
}

export const currentErrors = (): Problem[] => currentProblems().filter((p) => p.severity === 'error');

/** The problems, re-read whenever the composer or the painting changes. */
export function useChecks(): Problem[] {
  useComposer();
  useEditor((e) => e.version);
  useEditor((e) => e.doc);
  return currentProblems();
}
