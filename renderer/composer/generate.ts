import { studio } from '../api';
import { motionBrushInputs } from '../editor/export-inputs';
import { useComposer } from '../store/composer';
import { useLibrary } from '../store/library';
import { useProfiles } from '../store/profiles';
import { parameterInputs } from './parameter-inputs';

/**
 * The profile picked in "Send with", if it is still usable: a profile removed (or left without its key) since it was
 * picked falls back to the current one, as the picker then shows.
 */
export function chosenProfile(picked: string | undefined): string | undefined {
  const usable = useProfiles.getState().state?.profiles.filter((p) => p.hasCredential) ?? [];
  return picked && usable.some((p) => p.id === picked) ? picked : undefined;
}

export function canGenerate(): boolean {
  const s = useComposer.getState();
  return Boolean(s.startFrame) && !s.submitting;
}

/** Send what is composed to main; the new generation shows in the gallery at once. */
export async function generate(): Promise<void> {
  const s = useComposer.getState();
  if (!s.startFrame) {
    s.setSubmitNotice({ title: 'Add a start frame first', messages: ['Drop a JPG or PNG onto the window, or press Open image.'] });
    return;
  }
  s.setSubmitting(true);
  const profileId = chosenProfile(s.profileId);
  try {
    const result = await studio.generations.create({
      ...(profileId ? { profileId } : {}),
      startFrame: { fileName: s.startFrame.fileName, bytes: s.startFrame.bytes },
      ...(s.endFrame ? { endFrame: { fileName: s.endFrame.fileName, bytes: s.endFrame.bytes } } : {}),
      prompt: s.prompt,
      negativePrompt: s.negativePrompt,
      model: s.model,
      mode: s.mode,
      duration: s.duration,
      ...parameterInputs(s),
      ...motionBrushInputs(s.startFrame),
    });
    if (result.ok) {
      useLibrary.getState().upsert(result.value);
    } else {
      const messages = result.error.problems?.filter((p) => p.severity === 'error').map((p) => p.message) ?? [result.error.message];
      s.setSubmitNotice({ title: 'Not sent', messages });
    }
  } catch (error) {
    s.setSubmitNotice({ title: 'Not sent', messages: [(error as Error).message] });
  } finally {
    useComposer.getState().setSubmitting(false);
  }
}
