// What a card says about a generation, as plain functions of the record (tested without a DOM).
import type { GenerationView } from '../../shared/library/generation';

export interface Badge {
  id: 'motion-brush' | 'end-frame' | 'camera' | 'voice';
  label: string;
}

/** The features a generation was sent with, as the card's badges. */
export function badgesOf(g: Pick<GenerationView, 'inputs' | 'settings'>): Badge[] {
  const badges: Badge[] = [];
  if (g.inputs.staticMask || (g.inputs.dynamicMasks?.length ?? 0) > 0) badges.push({ id: 'motion-brush', label: 'Motion brush' });
  if (g.inputs.end) badges.push({ id: 'end-frame', label: 'End frame' });
  if (g.settings.camera) badges.push({ id: 'camera', label: 'Camera' });
  if ((g.settings.voices?.length ?? 0) > 0 || g.settings.sound === 'on') badges.push({ id: 'voice', label: g.settings.voices?.length ? 'Voice' : 'Sound' });
  return badges;
}

/** The card's title: the prompt, or what stands for it. */
export function titleOf(g: Pick<GenerationView, 'settings' | 'origin' | 'taskId'>): string {
  return g.settings.prompt.trim() || (g.origin === 'import' ? `Imported task ${g.taskId?.slice(0, 8) ?? ''}`.trim() : 'Untitled');
}

/** `1:05`, `12 s`: how long an in-flight generation has been going. */
export function elapsedLabel(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}:${String(seconds % 60).padStart(2, '0')}`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Credits as Kling reports them (a string such as "10" or "0.5"). */
export function creditsLabel(credits: string | undefined): string | undefined {
  if (credits === undefined || credits === '') return undefined;
  return `${credits} ${credits === '1' ? 'credit' : 'credits'}`;
}
