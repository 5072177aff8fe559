// What the end slot says about the end frame under the current model, mode and duration: read from the capability
// map (shared/kling/models.ts), so it stays true when a row changes. A hint, never a block: main's validation refuses
// an unsupported end frame on submit with its own message.
import { LIMITS, type Duration, type Mode } from '../../../shared/kling/limits';
import { EXCLUSIVE_PHRASES, type ExclusiveFeature } from '../../../shared/kling/exclusive-features';
import { CAPABILITY_ROWS, capabilityOf, isKnownModel } from '../../../shared/kling/models';

export interface EndFrameContext {
  model: string;
  mode: Mode;
  duration: Duration;
  hasStart: boolean;
  hasEnd: boolean;
  /** Which of end frame, motion brush and camera control the request uses (../feature-switch.ts). */
  inUse?: ExclusiveFeature | null;
}

export interface EndFrameHint {
  /** `blocked`: this combination cannot send an end frame; `needs`: something else is missing; `kept`: not sent now. */
  kind: 'blocked' | 'needs' | 'kept';
  text: string;
}

export const MODE_NAMES: Record<Mode, string> = { std: 'Standard', pro: 'Professional' };

export function endFrameHint(c: EndFrameContext): EndFrameHint | undefined {
  // Another of the exclusive features is in use: the end frame waits, kept, until it is chosen again.
  if (c.hasEnd && c.inUse && c.inUse !== 'endFrame') {
    return { kind: 'kept', text: `This end frame is kept, not sent: the request uses ${EXCLUSIVE_PHRASES[c.inUse]}.` };
  }
  if (isKnownModel(c.model) && !capabilityOf(c.model, c.mode, c.duration).endFrame) {
    return { kind: 'blocked', text: unsupportedText(c.model, c.mode, c.duration) };
  }
  if (c.hasEnd && !c.hasStart) return { kind: 'needs', text: 'An end frame needs a start frame: add one too.' };
  return undefined;
}

/** "kling-v2-6 std can't use an end frame — switch to Professional": the smallest change that makes it work. */
function unsupportedText(model: string, mode: Mode, duration: Duration): string {
  const works = (m: Mode, d: Duration) => capabilityOf(model, m, d).endFrame;
  const otherModes = LIMITS.modes.filter((m) => m !== mode);
  const otherDurations = LIMITS.durations.filter((d) => d !== duration);
  // The duration is named only when it is what decides.
  const durationMatters = otherDurations.some((d) => works(mode, d));
  const what = `${model} ${mode}${durationMatters ? ` ${duration} s` : ''} can’t use an end frame`;

  const mode2 = otherModes.find((m) => works(m, duration));
  if (mode2) return `${what} — switch to ${MODE_NAMES[mode2]}.`;
  const duration2 = otherDurations.find((d) => works(mode, d));
  if (duration2) return `${what} — switch to ${duration2} s.`;
  for (const m of otherModes) {
    const d = otherDurations.find((d2) => works(m, d2));
    if (d) return `${what} — switch to ${MODE_NAMES[m]}, ${d} s.`;
  }
  const models = [...new Set(CAPABILITY_ROWS.filter((r) => r.endFrame).map((r) => r.model))];
  return models.length > 0 ? `${what} — models that can: ${models.join(', ')}.` : `${what}.`;
}
