import type { z } from 'zod';
import type { createGenerationSchema } from '../../shared/ipc/contract';
import { studio } from '../api';
import { motionBrushInputs } from '../editor/export-inputs';
import { useComposer } from '../store/composer';
import { useLibrary } from '../store/library';
import { useProfiles } from '../store/profiles';
import { currentFeature } from './feature-switch';
import { keepOnlyFeature } from '../../shared/kling/exclusive-features';
import { currentErrors } from './checks';
import { composedParameters } from './parameter-inputs';

/**
 * The profile picked in "Send with", if it is still usable: a profile removed (or left without its key) since it was
 * picked falls back to the current one, as the picker then shows.
 */
export function chosenProfile(picked: string | undefined): string | undefined {
  const usable = useProfiles.getState().state?.profiles.filter((p) => p.hasCredential) ?? [];
  return picked && usable.some((p) => p.id === picked) ? picked : undefined;
}

export type ComposedRequest = z.input<typeof createGenerationSchema>;

/** Generate (the button, Mod+Enter, the menu) is on while nothing is being sent and the checklist has no error. */
export function canGenerate(): boolean {
  return !useComposer.getState().submitting && currentErrors().length === 0;
}

/**
 * What is composed, as the bridge takes it: Generate sends it, "Show request" and "Copy as curl" show it. Undefined
 * while there is no start frame.
 */
export function composedRequest(): ComposedRequest | undefined {
  const s = useComposer.getState();
  if (!s.startFrame) return undefined;
  const profileId = chosenProfile(s.profileId);
  // Of end frame, motion brush and camera control, only the one in use is sent; the others' work stays kept.
  return keepOnlyFeature({
    ...(profileId ? { profileId } : {}),
    startFrame: { fileName: s.startFrame.fileName, bytes: s.startFrame.bytes },
    ...(s.endFrame ? { endFrame: { fileName: s.endFrame.fileName, bytes: s.endFrame.bytes } } : {}),
    ...composedParameters(s),
    ...motionBrushInputs(s.startFrame),
  }, currentFeature());
}

/** Send what is composed to main; the new generation shows in the gallery at once. */
export async function generate(): Promise<void> {
  const s = useComposer.getState();
  const errors = currentErrors();
  const request = composedRequest();
  if (errors.length > 0 || !request) {
    s.setSubmitNotice({ title: 'Not sent', messages: errors.length > 0 ? errors.map((p) => p.message) : ['Add a start frame first.'] });
    return;
  }
  s.setSubmitting(true);
  try {
    // Variations: the same inputs sent `count` times, each its own task (its own external_task_id, given by main),
    // queued by main under the profile's cap and grouped in the library.
    const count = Math.min(Math.max(Math.round(s.variations), 1), 4);
    const groupId = count > 1 ? crypto.randomUUID() : undefined;
    for (let index = 0; index < count; index++) {
      const result = await studio.generations.create({ ...request, ...(groupId ? { group: { id: groupId, index, count } } : {}) });
      if (result.ok) {
        useLibrary.getState().upsert(result.value);
      } else {
        const messages = result.error.problems?.filter((p) => p.severity === 'error').map((p) => p.message) ?? [result.error.message];
        s.setSubmitNotice({ title: 'Not sent', messages });
        break;
      }
    }
  } catch (error) {
    s.setSubmitNotice({ title: 'Not sent', messages: [(error as Error).message] });
  } finally {
    useComposer.getState().setSubmitting(false);
  }
}
